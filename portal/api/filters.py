"""API filters: a boolean filter takes only true or false, as the schema's boolean says."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_filters import BooleanFilter
from django_filters.rest_framework import DjangoFilterBackend, FilterSet


class StrictBooleanField(forms.NullBooleanField):
    """``true`` or ``false``; empty is no filter; anything else is invalid (django-filter's
    own field reads it as "no filter", so a typo would silently return everything)."""

    widget = forms.TextInput
    default_error_messages = {"invalid": _("Give true or false.")}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in ("true", "false"):
            return value == "true"
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def validate(self, value):
        pass


class StrictBooleanFilter(BooleanFilter):
    field_class = StrictBooleanField


class PortalFilterSet(FilterSet):
    """The base of every API filter set (also the ones made from ``filterset_fields``)."""

    FILTER_DEFAULTS = {
        **FilterSet.FILTER_DEFAULTS,
        models.BooleanField: {"filter_class": StrictBooleanFilter},
    }


class PortalFilterBackend(DjangoFilterBackend):
    filterset_base = PortalFilterSet
