"""The monitoring API: post-consumption evaluations, read and review; survey waves, their
published indices and the evaluation model versions, read only.

- /api/v1/evaluations/: staff read the evaluations of their jurisdiction, held ones
  included, and release or reject held ones (``POST …/{id}/release/``, ``…/reject/``);
  enterprise users read the published evaluations of their enterprises with the replies.
- /api/v1/survey-waves/, /api/v1/survey-indices/: staff read the waves and the computed
  figures the wave page shows them (a provincial regulator: its unit's rows and the
  national figures of a national wave).
- /api/v1/survey-model-versions/: the versions with their weights, items and formula.
"""

import django_filters
from rest_framework import serializers
from rest_framework.routers import SimpleRouter

from portal.access import EVERY_ROLE, STAFF_ROLES
from portal.api.filters import PortalFilterSet, StrictBooleanFilter
from portal.api.transitions import transition_action
from portal.api.viewsets import ScopedReadOnlyViewSet

from .models import (
    Computation,
    Dimension,
    Evaluation,
    IndexResult,
    Indicator,
    Item,
    ModelVersion,
    Wave,
)
from .scoring import FORMULA
from .services import evaluations


class EvaluationSerializer(serializers.ModelSerializer):
    """An evaluation with its scores and the enterprise's reply (null when none)."""

    enterprise_uscc = serializers.CharField(source="enterprise.uscc", read_only=True)
    hold_reason = serializers.CharField(
        read_only=True, help_text="burst, duplicate, or empty when never held"
    )
    reply = serializers.SerializerMethodField()

    class Meta:
        model = Evaluation
        fields = [
            "id", "enterprise_uscc", "status", "hold_reason", "hold_details", "overall",
            "aspects", "comment", "submitted_at", "released_at", "reply",
        ]  # fmt: skip
        read_only_fields = fields

    def get_reply(self, evaluation) -> str | None:
        reply = getattr(evaluation, "reply", None)
        return reply.text if reply else None


class EvaluationFilter(PortalFilterSet):
    enterprise_uscc = django_filters.CharFilter(field_name="enterprise__uscc")
    submitted_after = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__gte")
    submitted_before = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__lte")

    class Meta:
        model = Evaluation
        fields = ["status", "hold_reason"]


class EvaluationViewSet(ScopedReadOnlyViewSet):
    """Post-consumption evaluations in the caller's scope, newest first."""

    roles = EVERY_ROLE
    queryset = Evaluation.objects.select_related("enterprise", "reply")
    serializer_class = EvaluationSerializer
    filterset_class = EvaluationFilter
    ordering_fields = ["submitted_at", "id"]

    transition = transition_action(evaluations.EVALUATION, EvaluationSerializer)


class SurveyItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = Item
        fields = ["id", "code", "text", "scale", "required"]


class SurveyIndicatorSerializer(serializers.ModelSerializer):
    items = SurveyItemSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = ["id", "position", "code", "name", "weight", "items"]


class SurveyDimensionSerializer(serializers.ModelSerializer):
    indicators = SurveyIndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Dimension
        fields = ["id", "position", "code", "name", "weight", "indicators"]


class SurveyModelVersionSerializer(serializers.ModelSerializer):
    """A version with its weights and items; figures of its component ``d:<position>``,
    ``g:<position>`` and ``i:<indicator id>`` are of the dimensions and indicators here."""

    model_code = serializers.CharField(source="model.code", read_only=True)
    model_name = serializers.CharField(source="model.name", read_only=True)
    kind = serializers.CharField(source="model.kind", read_only=True, help_text="servqual or acsi")
    sectors = serializers.JSONField(source="model.sectors", read_only=True)
    formula = serializers.SerializerMethodField()
    dimensions = SurveyDimensionSerializer(many=True, read_only=True)

    class Meta:
        model = ModelVersion
        fields = [
            "id", "model_code", "model_name", "kind", "sectors", "number", "frozen_at", "note",
            "created_at", "formula", "dimensions",
        ]  # fmt: skip
        read_only_fields = fields

    def get_formula(self, version) -> str:
        return FORMULA


class ModelVersionViewSet(ScopedReadOnlyViewSet):
    """Evaluation model versions (published with every result), newest first."""

    roles = STAFF_ROLES
    queryset = ModelVersion.objects.select_related("model").prefetch_related(
        "dimensions__indicators__items"
    )
    serializer_class = SurveyModelVersionSerializer
    filterset_fields = ["model__code"]


class SurveyComputationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Computation
        fields = ["computed_at", "responses", "excluded", "published"]


class SurveyWaveSerializer(serializers.ModelSerializer):
    """A survey wave; ``computation`` (null until computed) holds the weights and formula
    its figures were computed with."""

    national = serializers.BooleanField(source="is_national", read_only=True)
    computation = SurveyComputationSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Wave
        fields = [
            "id", "name", "version", "period_start", "period_end", "national", "reporting_unit",
            "sectors", "created_at", "computed_at", "computation",
        ]  # fmt: skip
        read_only_fields = fields


class WaveFilter(PortalFilterSet):
    national = StrictBooleanFilter(field_name="reporting_unit", lookup_expr="isnull")
    ends_after = django_filters.DateFilter(field_name="period_end", lookup_expr="gte")
    starts_before = django_filters.DateFilter(field_name="period_start", lookup_expr="lte")

    class Meta:
        model = Wave
        fields = ["version", "reporting_unit"]


class WaveViewSet(ScopedReadOnlyViewSet):
    """Survey waves the caller may see: national waves and the waves of their unit."""

    roles = STAFF_ROLES
    queryset = Wave.objects.select_related("computation")
    serializer_class = SurveyWaveSerializer
    filterset_class = WaveFilter


class SurveyIndexSerializer(serializers.ModelSerializer):
    group = serializers.CharField(
        read_only=True,
        help_text="empty for nation; unit, division, enterprise: its id; sector: its code; "
        "unit_sector: <unit id>:<sector code>",
    )
    component = serializers.CharField(
        read_only=True,
        help_text="index, d:<dimension position>, g:<dimension position> (SERVQUAL gap), "
        "i:<indicator id>",
    )
    mean = serializers.DecimalField(
        max_digits=9, decimal_places=4, read_only=True, allow_null=True,
        help_text="0-100; null is insufficient data (no responses)",
    )  # fmt: skip

    class Meta:
        model = IndexResult
        fields = [
            "id", "wave", "version", "level", "group", "reporting_unit", "component", "n",
            "mean", "sd", "low", "high",
        ]  # fmt: skip
        read_only_fields = fields


class IndexResultViewSet(ScopedReadOnlyViewSet):
    """Computed figures of the waves: n, mean, sample sd and 95% t interval (low, high)."""

    roles = STAFF_ROLES
    queryset = IndexResult.objects.all()
    serializer_class = SurveyIndexSerializer
    filterset_fields = ["wave", "level", "component", "reporting_unit", "group"]


router = SimpleRouter()
router.register("evaluations", EvaluationViewSet, basename="evaluation")
router.register("survey-waves", WaveViewSet, basename="survey-wave")
router.register("survey-indices", IndexResultViewSet, basename="survey-index")
router.register("survey-model-versions", ModelVersionViewSet, basename="survey-model-version")
