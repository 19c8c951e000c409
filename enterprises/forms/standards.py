"""Forms for standard declarations, their indicators, sampling draws and review outcomes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import SampledDeclaration, StandardDeclaration, StandardIndicator
from ..services.standards import DECLARATION_FIELDS, INDICATOR_FIELDS, MAX_INDICATORS


class DeclarationForm(forms.ModelForm):
    """What standard the enterprise declares it implements."""

    class Meta:
        model = StandardDeclaration
        fields = list(DECLARATION_FIELDS)

    def __init__(self, *args, enterprises=None, **kwargs):
        super().__init__(*args, **kwargs)
        if enterprises is not None:
            self.fields = {
                "enterprise": forms.ModelChoiceField(
                    queryset=enterprises, label=_("Enterprise"), empty_label=None
                ),
                **self.fields,
            }


IndicatorFormSet = forms.inlineformset_factory(
    StandardDeclaration,
    StandardIndicator,
    fields=list(INDICATOR_FIELDS),
    extra=3,
    max_num=MAX_INDICATORS,
    validate_max=True,
    can_delete=True,
)


def indicator_rows(formset):
    """The kept indicator rows of a valid formset, as dicts for the service."""
    return [
        {name: form.cleaned_data[name] for name in INDICATOR_FIELDS}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class DrawForm(forms.Form):
    """A random draw: a percentage or a count, and optionally a seed to repeat a draw."""

    percent = forms.DecimalField(
        label=_("Percentage to draw"),
        required=False,
        min_value=0.01,
        max_value=100,
        decimal_places=2,
    )
    count = forms.IntegerField(label=_("Or a number to draw"), required=False, min_value=1)
    batch = forms.CharField(
        label=_("Review batch"),
        required=False,
        max_length=100,
        help_text=_("For example “2026 Q4”; empty means today. A batch is drawn once."),
    )
    seed = forms.CharField(
        label=_("Published seed"),
        required=False,
        max_length=200,
        help_text=_(
            "For example the winning numbers of a public lottery drawn after the list was "
            "fixed. Leave empty and the portal picks a random one."
        ),
    )
    reason = forms.CharField(
        label=_("Reason for drawing the batch again"),
        required=False,
        max_length=500,
        help_text=_("Only for a second draw of the same batch; you are recorded as approving it."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def clean(self):
        data = super().clean()
        if (data.get("percent") is None) == (data.get("count") is None):
            raise forms.ValidationError(_("Give either a percentage or a number, not both."))
        return data

    def ratio(self):
        """The percentage as a ratio, or None."""
        percent = self.cleaned_data.get("percent")
        return None if percent is None else percent / 100


class OutcomeForm(forms.Form):
    """The outcome of reviewing one sampled declaration."""

    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in SampledDeclaration.Outcome.choices if c[0] != "pending"],
    )
    note = forms.CharField(
        label=_("Findings"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
