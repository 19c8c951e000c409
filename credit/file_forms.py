"""Forms of the credit file: penalties, list entries, credit repair, consumer warnings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from enterprises.models import Enterprise
from enterprises.uscc import checked
from portal.models import AdminDivision
from portal.scoping import scoped

from .models import AbnormalListing, ConsumerWarning, Penalty, SeriousListing

DATE = forms.DateInput(attrs={"type": "date"})


class PenaltyForm(forms.ModelForm):
    class Meta:
        model = Penalty
        fields = [
            "decision_number", "authority", "decided_on", "kind", "amount", "ground", "serious",
            "special_field",
        ]  # fmt: skip
        widgets = {"decided_on": DATE, "ground": forms.Textarea(attrs={"rows": 3})}


class AbnormalForm(forms.ModelForm):
    class Meta:
        model = AbnormalListing
        fields = ["ground", "decision_reference", "decided_on"]
        widgets = {"decided_on": DATE}


class SeriousForm(forms.ModelForm):
    class Meta:
        model = SeriousListing
        fields = [
            "penalty", "ground", "decision_reference", "decided_on", "level",
            "higher_consent_reference",
        ]  # fmt: skip
        widgets = {"decided_on": DATE, "ground": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penalty"].queryset = Penalty.objects.filter(
            enterprise=enterprise, status__in=("published", "repair_applied")
        )
        self.fields["penalty"].required = False


class RepairForm(forms.Form):
    """A credit repair application for early removal from the serious list."""

    pledge = forms.FileField(label=_("Good-faith pledge (守信承诺书)"))
    evidence = forms.FileField(label=_("Evidence"))
    measures_expired = forms.BooleanField(label=_("Every measure has expired"), required=False)
    obligations_fulfilled = forms.BooleanField(
        label=_("Obligations in the decisions fulfilled"), required=False
    )
    harm_corrected = forms.BooleanField(label=_("Harm corrected"), required=False)
    note = forms.CharField(
        label=_("Application"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class WarningForm(forms.ModelForm):
    named = forms.CharField(
        label=_("Named enterprises (USCC, one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = ConsumerWarning
        fields = ["title", "text", "sector", "division", "valid_from", "valid_until"]
        widgets = {"valid_from": DATE, "valid_until": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        divisions = AdminDivision.objects.all()
        if not user.is_headquarters:
            divisions = divisions.filter(reporting_unit_id=user.agency.reporting_unit_id)
        self.fields["division"].queryset = divisions

    def clean_named(self):
        lines = [line.strip() for line in self.cleaned_data["named"].splitlines() if line.strip()]
        codes = []
        for number, line in enumerate(lines, start=1):
            try:
                codes.append(checked(line))
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("Line %(line)d: %(error)s") % {"line": number, "error": error.messages[0]}
                ) from None
        found = scoped(Enterprise.objects.filter(uscc__in=codes), self.user)
        missing = sorted(set(codes) - set(found.values_list("uscc", flat=True)))
        if missing:
            raise forms.ValidationError(
                _("Not in your registry: %(codes)s") % {"codes": ", ".join(missing)}
            )
        return list(found)
