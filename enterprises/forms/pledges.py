"""Forms for pledges and recognition (the review buttons come from the workflow)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.once import OnceForm

from ..models import PledgeRevision
from ..services.pledges import REVISION_FIELDS, check_period


class PledgeForm(OnceForm, forms.ModelForm):
    """The structured content of a pledge and its service-quality disclosure (filed once)."""

    class Meta:
        model = PledgeRevision
        fields = list(REVISION_FIELDS)
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            "services": forms.Textarea(attrs={"rows": 4}),
            "standards": forms.Textarea(attrs={"rows": 3}),
            "pricing": forms.Textarea(attrs={"rows": 3}),
            "after_sales": forms.Textarea(attrs={"rows": 3}),
            "complaint_channel": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, enterprises=None, **kwargs):
        super().__init__(*args, **kwargs)
        if enterprises is not None:
            self.fields = {
                "enterprise": forms.ModelChoiceField(
                    queryset=enterprises, label=_("Enterprise"), empty_label=None
                ),
                **self.fields,
            }

    def clean(self):
        data = super().clean()
        try:
            check_period(data.get("period_start"), data.get("period_end"))
        except forms.ValidationError as error:
            self.add_error(None, error)
        return data


class RecognitionForm(forms.Form):
    """A regulator recognises an enterprise's notable quality improvement."""

    reason = forms.CharField(
        label=_("What improved"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    recognised_on = forms.DateField(
        label=_("Recognised on"), widget=forms.DateInput(attrs={"type": "date"})
    )
