"""API of standard self-declarations: /api/v1/declarations/ with indicators nested."""

import django_filters
from rest_framework import serializers

from portal.access import ENTERPRISE, STAFF_ROLES
from portal.api.filters import PortalFilterSet
from portal.api.transitions import transition_action
from portal.api.viewsets import ScopedModelViewSet
from portal.scoping import scoped

from .. import rules
from ..models import Enterprise, StandardDeclaration, StandardIndicator
from ..services import standards as service

ALL_ROLES = (*STAFF_ROLES, ENTERPRISE)


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = StandardIndicator
        fields = list(service.INDICATOR_FIELDS)


class DeclarationSerializer(serializers.ModelSerializer):
    """A declaration with its key indicators; front-runner status is set by the rule and staff."""

    enterprise = serializers.PrimaryKeyRelatedField(queryset=Enterprise.objects.none())
    indicators = IndicatorSerializer(many=True)

    class Meta:
        model = StandardDeclaration
        fields = ["id", "enterprise", *service.DECLARATION_FIELDS, "indicators", "front_runner",
                  "front_runner_decided_at", "declared_at", "updated_at"]  # fmt: skip
        read_only_fields = ["front_runner", "front_runner_decided_at", "declared_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["enterprise"].queryset = scoped(Enterprise.objects.all(), request.user)

    def validate_indicators(self, rows):
        if len(rows) > service.MAX_INDICATORS:
            raise serializers.ValidationError(f"At most {service.MAX_INDICATORS} indicators.")
        return rows

    def create(self, validated_data):
        data = dict(validated_data)
        rows = data.pop("indicators")
        user = self.context["request"].user
        return service.declare(data.pop("enterprise"), user, data, rows)

    def update(self, instance, validated_data):
        data = dict(validated_data)
        data.pop("enterprise", None)
        rows = data.pop("indicators", None)
        if rows is None:
            rows = list(instance.indicators.values(*service.INDICATOR_FIELDS))
        return service.edit_declaration(instance, self.context["request"].user, data, rows)


class DeclarationFilter(PortalFilterSet):
    reporting_unit = django_filters.CharFilter(field_name="enterprise__reporting_unit__code")
    industry_section = django_filters.CharFilter(field_name="enterprise__industry_section")

    class Meta:
        model = StandardDeclaration
        fields = ["standard_type", "front_runner", "is_own_standard", "enterprise"]


class DeclarationViewSet(ScopedModelViewSet):
    """Declarations in scope; enterprise users declare, regulators confirm front-runners."""

    roles = ALL_ROLES
    queryset = StandardDeclaration.objects.prefetch_related("indicators")
    serializer_class = DeclarationSerializer
    filterset_class = DeclarationFilter
    ordering_fields = ["declared_at", "id"]
    edit_rule = rules

    transition = transition_action(service.FRONT_RUNNER, DeclarationSerializer)
