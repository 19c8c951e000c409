"""API of the registry: /api/v1/enterprises/ (staff write, enterprise users read their own)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from portal.access import ENTERPRISE, STAFF_ROLES
from portal.api.viewsets import ScopedModelViewSet

from .. import rules, uscc
from ..forms.registry import EnterpriseFilter, check_industry
from ..models import Enterprise
from ..services import registry


class EnterpriseSerializer(serializers.ModelSerializer):
    former_names = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False
    )

    class Meta:
        model = Enterprise
        fields = ["id", *registry.EDITABLE_FIELDS, "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]
        extra_kwargs = {
            "reporting_unit": {"required": False},
            "uscc": {"validators": []},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        for name in rules.closed_fields(user, Enterprise):
            self.fields[name].read_only = True  # as on the page, where the field is absent

    def validate_uscc(self, value):
        code = uscc.checked(value)
        others = Enterprise.objects.filter(uscc=code)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise serializers.ValidationError(
                _("An enterprise with this USCC is already registered.")
            )
        return code

    def validate(self, attrs):
        try:
            attrs["industry_section"] = check_industry(
                attrs.get("industry_section", getattr(self.instance, "industry_section", "")),
                attrs.get("industry_division", getattr(self.instance, "industry_division", "")),
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return attrs

    def create(self, validated_data):
        return _django_errors(
            registry.create_enterprise, self.context["request"].user, **validated_data
        )

    def update(self, instance, validated_data):
        user = self.context["request"].user
        return _django_errors(registry.update_enterprise, instance, user, **validated_data)


def _django_errors(function, *args, **kwargs):
    """Call a service, turning its ValidationError into DRF's 400."""
    try:
        with transaction.atomic():
            return function(*args, **kwargs)
    except DjangoValidationError as error:
        detail = error.message_dict if hasattr(error, "error_dict") else error.messages
        raise serializers.ValidationError(detail) from error


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Name substring (any length) or a USCC"),
            OpenApiParameter("uscc", str, description="Exact USCC"),
        ]
    )
)
class EnterpriseViewSet(ScopedModelViewSet):
    """The enterprise registry; lists are cursor-paginated, newest first."""

    roles = (*STAFF_ROLES, ENTERPRISE)
    serializer_class = EnterpriseSerializer
    filterset_class = EnterpriseFilter
    ordering_fields = ["id"]
    edit_rule = rules

    def get_base_queryset(self):
        return Enterprise.objects.all()

    def get_queryset(self):
        return super().get_queryset().defer("name_bigrams")
