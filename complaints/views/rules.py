"""The rules complaints are handled by: rule sets (headquarters edits) and routing rules."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.access import HEADQUARTERS, STAFF_ROLES, roles_required
from portal.models import AdminDivision
from portal.scoping import scoped

from ..forms import AnywhereChoiceField
from ..models import AnonymisationLog, RoutingRule, RuleSet

DEADLINE_FIELDS = [
    "acceptance_days", "mediation_days", "end_notice_days", "verification_days",
    "verification_extension_days", "case_notice_days", "odr_days", "reopen_days",
]  # fmt: skip


class RuleSetForm(forms.ModelForm):
    unverified = forms.MultipleChoiceField(
        label=gettext_lazy("Values not verified against the regulation's text"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = RuleSet
        fields = [*DEADLINE_FIELDS, "unverified"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unverified"].choices = [
            (name, RuleSet._meta.get_field(name).verbose_name) for name in DEADLINE_FIELDS
        ]
        for name in DEADLINE_FIELDS:
            self.fields[name].validators.append(_at_most_a_year)
            self.fields[name].widget.attrs["max"] = 250


def _at_most_a_year(value):
    if value > 250:
        raise forms.ValidationError(_("At most 250 working days (about a year)."))


class RoutingRuleForm(forms.ModelForm):
    target_division = AnywhereChoiceField(
        label=gettext_lazy("Send to"), queryset=AdminDivision.objects.all()
    )

    class Meta:
        model = RoutingRule
        fields = ["position", "description", "division_prefix", "service_section",
                  "target_division"]  # fmt: skip

    def clean_division_prefix(self):
        prefix = self.cleaned_data["division_prefix"].strip()
        if prefix and not prefix.isdigit():
            raise forms.ValidationError(_("A division code has digits only."))
        return prefix


@roles_required(*STAFF_ROLES)
def rule_sets(request):
    """Every rule set with its deadlines and grounds; headquarters may correct the numbers."""
    rows = RuleSet.objects.prefetch_related("grounds")
    editing = request.user.role == HEADQUARTERS
    forms_by_id = (
        {r.pk: RuleSetForm(instance=r, prefix=f"r{r.pk}") for r in rows} if editing else {}
    )
    for rule_set in rows:
        rule_set.form = forms_by_id.get(rule_set.pk)
        rule_set.deadlines = [
            (
                RuleSet._meta.get_field(n).verbose_name,
                getattr(rule_set, n),
                n in rule_set.unverified,
            )
            for n in DEADLINE_FIELDS
        ]
    return render(request, "complaints/rule_sets.html", {"rule_sets": rows})


@roles_required(HEADQUARTERS)
@require_POST
def rule_set_edit(request, pk):
    rule_set = get_object_or_404(RuleSet, pk=pk)
    form = RuleSetForm(request.POST, instance=rule_set, prefix=f"r{pk}")
    if form.is_valid():
        form.save()
        messages.success(request, _("The rule set is saved. Complaints filed from now on use it."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}")
    return redirect("complaints:rule_sets")


def _editable_rules(user):
    if user.role == HEADQUARTERS:
        return RoutingRule.objects.all()
    return RoutingRule.objects.filter(owner=user.reporting_unit)


@roles_required(*STAFF_ROLES)
def routing_rules(request):
    """Headquarters' rules and the user's unit's, in the order they are tried."""
    user = request.user
    owner = None if user.role == HEADQUARTERS else user.reporting_unit
    form = RoutingRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rule = form.save(commit=False)
        rule.owner = owner
        rule.save()
        messages.success(request, _("The routing rule is added."))
        return redirect("complaints:routing_rules")
    rules = RoutingRule.objects.filter(Q(owner=None) | Q(owner=user.reporting_unit))
    if user.role == HEADQUARTERS:
        rules = RoutingRule.objects.all()
    rules = rules.select_related("owner", "target_division__reporting_unit")
    editable = set(_editable_rules(user).values_list("pk", flat=True))
    context = {"rules": rules, "form": form, "editable": editable}
    return render(request, "complaints/routing_rules.html", context)


@roles_required(*STAFF_ROLES)
@require_POST
def routing_rule_toggle(request, pk):
    rule = _editable_rules(request.user).filter(pk=pk).first()
    if rule is None:
        raise PermissionDenied
    rule.active = not rule.active
    rule.save(update_fields=["active"])
    return redirect("complaints:routing_rules")


@roles_required(HEADQUARTERS)
def anonymisation_log(request):
    """Headquarters: what the retention rule removed, when, from which complaints."""
    rows = scoped(AnonymisationLog.objects.all(), request.user)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "complaints/anonymisation_log.html", {"page": page})
