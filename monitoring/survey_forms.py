"""Forms of the survey pages: models, weights, items, waves, quotas, imports."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from portal import spreadsheets
from portal.models import AdminDivision, ReportingUnit

from .models import EvaluationModel, Item
from .sectors import sector_choices


class ModelForm(forms.ModelForm):
    sectors = forms.MultipleChoiceField(
        label=_("Applies to"), choices=sector_choices, widget=forms.CheckboxSelectMultiple
    )
    scale = forms.ChoiceField(label=_("Scale of the template's items"), choices=Item.Scale.choices)

    class Meta:
        model = EvaluationModel
        fields = ["code", "name", "kind", "sectors", "description"]


class WeightsForm(forms.Form):
    """One weight field per dimension and per indicator of a version."""

    def __init__(self, version, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        for dimension in version.dimensions.prefetch_related("indicators"):
            self.fields[f"d{dimension.pk}"] = self._weight(
                _("Dimension “%(name)s”") % {"name": dimension.name}, dimension.weight
            )
            for indicator in dimension.indicators.all():
                label = _("Indicator “%(name)s” (in %(dimension)s)")
                self.fields[f"i{indicator.pk}"] = self._weight(
                    label % {"name": indicator.name, "dimension": dimension.name},
                    indicator.weight,
                )

    @staticmethod
    def _weight(label, initial):
        return forms.DecimalField(
            label=label, initial=initial, min_value=Decimal(0), max_value=Decimal(1),
            max_digits=5, decimal_places=4,
        )  # fmt: skip

    def weights(self):
        data = self.cleaned_data
        dimensions = {int(k[1:]): v for k, v in data.items() if k.startswith("d")}
        indicators = {int(k[1:]): v for k, v in data.items() if k.startswith("i")}
        return dimensions, indicators


class ItemForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None)
    code = forms.SlugField(label=_("Column"), max_length=40)
    text = forms.CharField(label=_("Question"), max_length=300)
    scale = forms.ChoiceField(label=_("Scale"), choices=Item.Scale.choices)
    required = forms.BooleanField(label=_("Required"), required=False, initial=True)

    def __init__(self, version, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import Indicator

        self.fields["indicator"].queryset = Indicator.objects.filter(dimension__version=version)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("What changes in the new version"), max_length=200)


class WaveForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    version = forms.ModelChoiceField(label=_("Model version"), queryset=None)
    period_start = forms.DateField(label=_("Period from"), widget=forms.DateInput({"type": "date"}))
    period_end = forms.DateField(label=_("Period to"), widget=forms.DateInput({"type": "date"}))
    reporting_unit = forms.ModelChoiceField(
        label=_("Reporting unit"), queryset=ReportingUnit.objects.all(), required=False,
        help_text=_("Empty for a national wave."),
    )  # fmt: skip
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), choices=sector_choices, widget=forms.CheckboxSelectMultiple
    )
    quota = forms.IntegerField(
        label=_("Responses needed per sector"), min_value=0, max_value=1_000_000, initial=100
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import ModelVersion

        self.fields["version"].queryset = ModelVersion.objects.select_related("model")


class QuotaForm(forms.Form):
    sector = forms.ChoiceField(label=_("Sector"))
    division = forms.ModelChoiceField(
        label=_("Division"), queryset=AdminDivision.objects.filter(level__lte=2), required=False
    )
    target = forms.IntegerField(label=_("Responses needed"), min_value=0, max_value=1_000_000)

    def __init__(self, wave, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [c for c in sector_choices() if c[0] in wave.sectors]
        if wave.reporting_unit_id:
            self.fields["division"].queryset = AdminDivision.objects.filter(
                reporting_unit=wave.reporting_unit_id, level__lte=2
            )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Excel (.xlsx) or CSV file"),
        help_text=_("At most 20 MB and 200,000 rows; the model's items as columns."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > spreadsheets.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 20 MB; split it into smaller files.")
            )
        return upload


class StartForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(
        label=_("If some rows have problems"),
        widget=forms.RadioSelect,
        choices=[
            ("good", _("Import the good rows; return the rejected rows")),
            ("all", _("Import nothing if any row has a problem")),
        ],
    )
