"""Forms of the inspection pages: the list, the directories, a plan, a result, assistance."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from enterprises import industries
from portal import uploads
from portal.limits import REASON
from portal.models import AdminDivision, Agency, ReportingUnit, User

from . import inspection_rules
from .models import (
    AssistanceRequest,
    ClassRatio,
    InspectionItem,
    InspectionPlan,
    Inspector,
    ProblemNotice,
)
from .services.assistance import EVIDENCE

HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _unit_of(user):
    return None if user.is_headquarters else user.agency.reporting_unit


class ItemForm(forms.ModelForm):
    class Meta:
        model = InspectionItem
        fields = [
            "name", "content", "legal_basis", "method", "frequency", "field", "kind",
            "max_ratio", "active",
        ]  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("kind") == InspectionItem.Kind.GENERAL and not data.get("max_ratio"):
            self.add_error("max_ratio", _("A general item needs its highest sampling ratio."))
        if data.get("kind") == InspectionItem.Kind.KEY:
            data["max_ratio"] = None
        ratio = data.get("max_ratio")
        if ratio is not None and not 0 < ratio <= 1:
            self.add_error("max_ratio", _("Give a ratio above 0 and at most 1 (e.g. 0.05)."))
        return data


class InspectorForm(forms.ModelForm):
    fields = forms.MultipleChoiceField(
        label=_("enforcement fields"),
        choices=inspection_rules.field_choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Inspector
        fields = ["name", "certificate_number", "agency", "fields", "active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        unit = _unit_of(user)
        self.fields["agency"].queryset = (
            Agency.objects.filter(reporting_unit=unit) if unit else Agency.objects.all()
        )


class ConflictForm(forms.Form):
    uscc = forms.CharField(label=_("USCC of the enterprise"), max_length=18)
    reason = forms.CharField(label=_("Reason"), max_length=REASON, widget=forms.Textarea)

    def clean_uscc(self):
        from enterprises.uscc import checked

        return checked(self.cleaned_data["uscc"], field="uscc")


class PlanForm(forms.ModelForm):
    sections = forms.MultipleChoiceField(
        label=_("industry sections"),
        choices=industries.section_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every section."),
    )

    class Meta:
        model = InspectionPlan
        fields = [
            "name", "agencies", "divisions", "sections", "items", "starts_on", "ends_on",
            "inspectors_per_object",
        ]  # fmt: skip
        widgets = {
            "agencies": forms.CheckboxSelectMultiple,
            "items": forms.CheckboxSelectMultiple,
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        unit = self.unit = _unit_of(user)
        self.fields["agencies"].queryset = (
            Agency.objects.filter(reporting_unit=unit) if unit else Agency.objects.all()
        )
        self.fields["divisions"].queryset = (
            AdminDivision.objects.filter(reporting_unit=unit)
            if unit
            else AdminDivision.objects.all()
        )
        self.fields["items"].queryset = InspectionItem.objects.filter(
            Q(reporting_unit=unit) | Q(reporting_unit__isnull=True), active=True
        )

    def clean_inspectors_per_object(self):
        value = self.cleaned_data["inspectors_per_object"]
        if value < inspection_rules.MIN_INSPECTORS:
            raise ValidationError(
                _("At least %(n)s inspectors go to each enterprise.")
                % {"n": inspection_rules.MIN_INSPECTORS}
            )
        return value

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The plan ends before it starts."))
        return data


class RatioForm(forms.ModelForm):
    class Meta:
        model = ClassRatio
        fields = ["ratio", "count"]

    def clean(self):
        data = super().clean()
        ratio, count = data.get("ratio"), data.get("count")
        if ratio is None and count is None:
            raise ValidationError(_("Give a ratio or a fixed number."))
        if ratio is not None and not 0 <= ratio <= 1:
            self.add_error("ratio", _("Give a ratio from 0 to 1 (e.g. 0.05 for 5 %)."))
        return data


class PublishForm(forms.Form):
    commitment = forms.CharField(
        label=_("SHA-256 of your own secret value (optional)"),
        required=False,
        max_length=64,
        help_text=_(
            "Leave empty and the portal draws a secret value and keeps it until the draw. "
            "Or keep your own secret and give its SHA-256 here: you will type it at the draw."
        ),
    )
    seed_source = forms.CharField(
        label=_("Seed source as announced"), required=False, max_length=200
    )

    def clean_commitment(self):
        value = self.cleaned_data["commitment"].strip().lower()
        if value and not HEX64.match(value):
            raise ValidationError(_("A SHA-256 is 64 hexadecimal digits."))
        return value


class DrawForm(forms.Form):
    revealed = forms.CharField(
        label=_("Your secret value"),
        required=False,
        max_length=200,
        help_text=_("Only if you gave your own commitment when publishing."),
    )


class RedrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=REASON, widget=forms.Textarea)
    approved_by = forms.ModelChoiceField(label=_("Approved by"), queryset=User.objects.none())

    def __init__(self, *args, plan, user, **kwargs):
        super().__init__(*args, **kwargs)
        staff = User.objects.filter(role=User.Role.PROVINCIAL, is_active=True)
        if plan.reporting_unit_id:
            staff = staff.filter(agency__reporting_unit=plan.reporting_unit_id)
        else:
            staff = User.objects.filter(role=User.Role.HEADQUARTERS, is_active=True)
        self.fields["approved_by"].queryset = staff.exclude(pk=user.pk)


class RecusalForm(forms.Form):
    reason = forms.CharField(label=_("Reason for recusal"), max_length=REASON)


class ResultForm(forms.Form):
    result = forms.ChoiceField(label=_("Result"), choices=inspection_rules.result_choices)
    concluded_on = forms.DateField(
        label=_("Concluded on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Findings"), required=False, max_length=REASON, widget=forms.Textarea
    )


class AssistanceForm(forms.ModelForm):
    uscc = forms.CharField(label=_("USCC of the enterprise"), max_length=18)

    class Meta:
        model = AssistanceRequest
        fields = ["to_unit", "subject", "request", "working_days"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = ReportingUnit.objects.all()
        if not user.is_headquarters:
            units = units.exclude(pk=user.agency.reporting_unit_id)
        self.fields["to_unit"].queryset = units

    def clean_uscc(self):
        from enterprises.uscc import checked

        return checked(self.cleaned_data["uscc"], field="uscc")

    def clean_working_days(self):
        days = self.cleaned_data["working_days"]
        if not 1 <= days <= 60:
            raise ValidationError(_("Give from 1 to 60 working days."))
        return days


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Message"), max_length=REASON, widget=forms.Textarea)
    evidence = forms.FileField(label=_("Evidence"), required=False)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        return uploads.accept(upload, EVIDENCE) if upload else None


class NoticeForm(forms.ModelForm):
    uscc = forms.CharField(label=_("USCC of the enterprise"), max_length=18)

    class Meta:
        model = ProblemNotice
        fields = ["kind", "summary"]

    def clean_uscc(self):
        from enterprises.uscc import checked

        return checked(self.cleaned_data["uscc"], field="uscc")


class SiteForm(forms.Form):
    uscc = forms.CharField(label=_("USCC of the enterprise"), max_length=18)
    reporting_unit = forms.ModelChoiceField(
        label=_("Unit where it operates"), queryset=ReportingUnit.objects.all()
    )
    address = forms.CharField(label=_("Address"), max_length=300)

    def clean_uscc(self):
        from enterprises.uscc import checked

        return checked(self.cleaned_data["uscc"], field="uscc")
