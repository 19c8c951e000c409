"""Forms of the survey pages: models, weights, items, waves, quotas, imports, links."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from enterprises import uscc
from enterprises.models import Enterprise
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


class IssueLinksForm(forms.Form):
    """A regulator issues one-time links to the wave's public questionnaire."""

    FORMATS = [("xlsx", _("Excel (.xlsx)")), ("csv", _("CSV"))]

    sector = forms.ChoiceField(label=_("Sector"))
    division = forms.CharField(
        label=_("Division code (optional)"), max_length=12, required=False,
        help_text=_("Where the answers count; needed for a national wave issued by headquarters."),
    )  # fmt: skip
    uscc = forms.CharField(label=_("Enterprise's USCC (optional)"), max_length=30, required=False)
    size = forms.IntegerField(
        label=_("Number of links"), min_value=1, max_value=settings.MONITORING_LINK_BATCH_MAX
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"), min_value=1, max_value=366,
        initial=settings.MONITORING_LINK_DAYS,
    )  # fmt: skip
    note = forms.CharField(label=_("Note (optional)"), max_length=200, required=False)
    output = forms.ChoiceField(label=_("Get the links as"), choices=FORMATS, initial="xlsx")

    def __init__(self, wave, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [c for c in sector_choices() if c[0] in wave.sectors]
        self.fields["size"].help_text = _(
            "Links are shown once, now: only a fingerprint of each is kept, so keep the file."
        )

    def clean_division(self):
        code = self.cleaned_data["division"].strip()
        if not code:
            return None
        division = AdminDivision.objects.filter(code=code).first()
        if division is None:
            raise forms.ValidationError(_("Unknown division code %(code)s.") % {"code": code})
        return division

    def clean_uscc(self):
        text = self.cleaned_data["uscc"].strip()
        if not text:
            return None
        code = uscc.checked(text)
        enterprise = Enterprise.objects.filter(uscc=code).first()
        if enterprise is None:
            raise forms.ValidationError(
                _("No enterprise with the USCC %(code)s is registered.") % {"code": code}
            )
        return enterprise


RADIO_MAX_POINTS = 11


class QuestionnaireForm(forms.Form):
    """The wave's questionnaire: one answer per item (SERVQUAL: what was expected, and got)."""

    def __init__(self, items, paired, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = []
        for item in items:
            sides = (
                [("E", _("What you expected")), ("P", _("What you got"))] if paired else [("", "")]
            )
            names = []
            for side, label in sides:
                name = f"{item.code}_{side}" if side else item.code
                self.fields[name] = _answer_field(item, label or item.text)
                names.append(name)
            self.questions.append((item, [self[name] for name in names]))

    def answers(self):
        return {name: value for name, value in self.cleaned_data.items() if value is not None}


def _answer_field(item, label):
    low, high = item.bounds
    if high - low + 1 > RADIO_MAX_POINTS:
        return forms.IntegerField(
            label=label, min_value=low, max_value=high, required=item.required
        )
    return forms.TypedChoiceField(
        label=label, coerce=int, empty_value=None, required=item.required,
        choices=[(n, str(n)) for n in range(low, high + 1)], widget=forms.RadioSelect,
    )  # fmt: skip
