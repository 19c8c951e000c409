"""Forms of the registry: the enterprise form and the list filters (pages and API)."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal import limits
from portal.models import AdminDivision, ReportingUnit

from .. import industries, rules, uscc
from ..models import Enterprise
from ..services import registry

SERVICE_SECTION_CHOICES = [
    (code, label)
    for code, label in industries.section_choices()
    if code in industries.SERVICE_SECTIONS
]
SERVICE_DIVISION_CHOICES = [
    (code, label)
    for code, label in industries.division_choices()
    if industries.section_of_division(code) in industries.SERVICE_SECTIONS
]


def check_industry(section, division):
    """The section (derived from the division when blank), or a ValidationError."""
    if division:
        derived = industries.section_of_division(division)
        if section and derived != section:
            raise ValidationError(
                {"industry_division": _("This division is not in the chosen section.")}
            )
        section = derived
    if section and section not in industries.SERVICE_SECTIONS:
        raise ValidationError(
            {"industry_section": _("Campaign enterprises are in the service sections F to S.")}
        )
    return section


class FormerNamesField(forms.CharField):
    """Former names, one per line."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def validate(self, value):
        super().validate(value)
        for number, name in enumerate(value, start=1):
            if len(name) > limits.NAME:
                raise ValidationError(
                    _("Line %(line)d has %(length)d characters; a name has at most %(limit)d."),
                    code="max_length",
                    params={"line": number, "length": len(name), "limit": limits.NAME},
                )


class EnterpriseForm(forms.ModelForm):
    """Create or edit an enterprise; the reporting unit is only chosen by headquarters."""

    former_names = FormerNamesField(label=_("former names"), required=False)

    class Meta:
        model = Enterprise
        fields = list(registry.EDITABLE_FIELDS)
        widgets = {"established_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["industry_section"].choices = [("", "---------"), *SERVICE_SECTION_CHOICES]
        self.fields["industry_division"].choices = [("", "---------"), *SERVICE_DIVISION_CHOICES]
        self.fields["reporting_unit"].required = False
        self.fields["reporting_unit"].help_text = _("Left blank, it is derived from the USCC.")
        divisions = AdminDivision.objects.select_related("reporting_unit")
        for name in rules.closed_fields(user, Enterprise):
            del self.fields[name]
        if user.is_provincial:
            divisions = divisions.filter(reporting_unit=user.agency.reporting_unit_id)
        self.fields["division"].queryset = divisions
        self.fields["division"].help_text = _("Left blank, it is derived from the USCC.")

    def clean_uscc(self):
        return uscc.checked(self.cleaned_data.get("uscc"))

    def clean(self):
        data = super().clean()
        data["industry_section"] = check_industry(
            data.get("industry_section"), data.get("industry_division")
        )
        return data

    def _post_clean(self):
        # The service validates the whole object (jurisdiction included) when it saves.
        self.instance.former_names = self.cleaned_data.get("former_names", [])
        return None

    def changed_values(self):
        """The cleaned values of the form's fields, for the service."""
        return {name: self.cleaned_data[name] for name in self.fields if name in self.cleaned_data}


class EnterpriseFilter(django_filters.FilterSet):
    """Registry filters shared by the list page, the export and the API."""

    q = django_filters.CharFilter(label=_("Name or USCC"), method="filter_q")
    uscc = django_filters.CharFilter(label=_("USCC"), method="filter_uscc")
    reporting_unit = django_filters.ModelChoiceFilter(
        label=_("Reporting unit"), queryset=ReportingUnit.objects.all()
    )
    division = django_filters.ModelChoiceFilter(
        label=_("Division"), queryset=AdminDivision.objects.all(), method="filter_division"
    )
    industry_section = django_filters.ChoiceFilter(
        label=_("Industry section"), choices=SERVICE_SECTION_CHOICES
    )
    industry_division = django_filters.ChoiceFilter(
        label=_("Industry division"), choices=SERVICE_DIVISION_CHOICES
    )
    size = django_filters.ChoiceFilter(label=_("Size"), choices=Enterprise.Size.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Enterprise.Status.choices)

    class Meta:
        model = Enterprise
        fields = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        user = user or getattr(self.request, "user", None)
        if user is not None and not user.is_headquarters:
            del self.filters["reporting_unit"]
            unit = user.reporting_unit
            if unit is not None:
                self.filters["division"].queryset = AdminDivision.objects.filter(
                    reporting_unit=unit
                )

    def filter_q(self, queryset, name, value):
        return registry.lookup(queryset, value)

    def filter_uscc(self, queryset, name, value):
        return queryset.filter(uscc=uscc.normalise(value))

    def filter_division(self, queryset, name, value):
        codes = AdminDivision.objects.filter(pk=value.pk) | AdminDivision.objects.filter(
            parent=value.pk
        )
        return queryset.filter(division__in=list(codes.values_list("pk", flat=True)))
