"""The credit API, read-only for staff (rows within the caller's scope):

- /api/v1/penalties/, /api/v1/abnormal-listings/, /api/v1/serious-listings/,
  /api/v1/consumer-warnings/: the credit file and the lists;
- /api/v1/inspection-plans/, /api/v1/inspection-draws/, /api/v1/inspections/: double-random
  inspection plans with their ratios and commitment, each group's draw, and the drawn
  enterprises with their teams and results (docs/inspections.md).
"""

import django_filters
from rest_framework import serializers
from rest_framework.routers import SimpleRouter

from portal.access import STAFF_ROLES
from portal.api.filters import PortalFilterSet, StrictBooleanFilter
from portal.api.viewsets import ScopedReadOnlyViewSet

from .models import (
    AbnormalListing,
    ClassRatio,
    ConsumerWarning,
    Inspection,
    InspectionAssignment,
    InspectionPlan,
    Penalty,
    PlanDraw,
    SeriousListing,
)

ENTERPRISE = {"source": "enterprise.uscc", "read_only": True, "help_text": "the enterprise's USCC"}


class PenaltySerializer(serializers.ModelSerializer):
    enterprise_uscc = serializers.CharField(**ENTERPRISE)

    class Meta:
        model = Penalty
        fields = [
            "id", "enterprise", "enterprise_uscc", "decision_number", "authority", "decided_on",
            "ground", "kind", "amount", "serious", "special_field", "status", "published_on",
            "public_until", "repaired_on", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class AbnormalListingSerializer(serializers.ModelSerializer):
    enterprise_uscc = serializers.CharField(**ENTERPRISE)

    class Meta:
        model = AbnormalListing
        fields = [
            "id", "enterprise", "enterprise_uscc", "ground", "decision_reference", "decided_on",
            "status", "listed_on", "removal_applied_on", "removal_due", "removed_on",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class SeriousListingSerializer(serializers.ModelSerializer):
    enterprise_uscc = serializers.CharField(**ENTERPRISE)

    class Meta:
        model = SeriousListing
        fields = [
            "id", "enterprise", "enterprise_uscc", "ground", "penalty", "from_abnormal",
            "decision_reference", "decided_on", "level", "higher_consent_reference", "status",
            "listed_on", "listed_until", "repair_applied_on", "removed_on", "created_at",
            "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class ConsumerWarningSerializer(serializers.ModelSerializer):
    class Meta:
        model = ConsumerWarning
        fields = [
            "id", "title", "text", "reporting_unit", "sector", "division", "enterprises",
            "valid_from", "valid_until", "status", "published_at", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class PenaltyViewSet(ScopedReadOnlyViewSet):
    """Administrative penalties in the caller's jurisdiction, newest decision first."""

    roles = STAFF_ROLES
    queryset = Penalty.objects.select_related("enterprise").order_by("-decided_on", "-id")
    serializer_class = PenaltySerializer
    filterset_fields = ["status", "kind", "serious", "enterprise"]


class AbnormalListingViewSet(ScopedReadOnlyViewSet):
    """Abnormal-operations list entries in the caller's jurisdiction."""

    roles = STAFF_ROLES
    queryset = AbnormalListing.objects.select_related("enterprise").order_by("-id")
    serializer_class = AbnormalListingSerializer
    filterset_fields = ["status", "ground", "enterprise"]


class SeriousListingViewSet(ScopedReadOnlyViewSet):
    """Serious illegal and dishonest list entries in the caller's jurisdiction."""

    roles = STAFF_ROLES
    queryset = SeriousListing.objects.select_related("enterprise").order_by("-id")
    serializer_class = SeriousListingSerializer
    filterset_fields = ["status", "level", "enterprise"]


class ConsumerWarningViewSet(ScopedReadOnlyViewSet):
    """Consumer warnings of the caller's unit (headquarters: all)."""

    roles = STAFF_ROLES
    queryset = ConsumerWarning.objects.prefetch_related("enterprises").order_by("-id")
    serializer_class = ConsumerWarningSerializer
    filterset_fields = ["status", "sector"]


class InspectionRatioSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClassRatio
        fields = ["risk_class", "ratio", "count"]
        read_only_fields = fields


class InspectionPlanSerializer(serializers.ModelSerializer):
    """A plan; ``commitment`` and ``candidates_sha256`` are null until it is published,
    ``revealed`` and ``seed`` until it is drawn (the secret itself is never shown)."""

    ratios = InspectionRatioSerializer(many=True, read_only=True)
    identifier = serializers.CharField(read_only=True, help_text="the seed is derived from it")
    commitment = serializers.SerializerMethodField(help_text="SHA-256 of the secret value")
    candidates_sha256 = serializers.SerializerMethodField()
    revealed = serializers.SerializerMethodField(help_text="the secret value, once drawn")
    seed = serializers.SerializerMethodField(help_text="sha256(revealed + \\n + identifier)")

    class Meta:
        model = InspectionPlan
        fields = [
            "id", "name", "reporting_unit", "agencies", "divisions", "sections", "items",
            "starts_on", "ends_on", "inspectors_per_object", "ratios", "status", "identifier",
            "seed_source", "commitment", "candidates_sha256", "candidate_count", "published_at",
            "revealed", "seed", "drawn_at", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_commitment(self, plan) -> str | None:
        return plan.commitment or None

    def get_candidates_sha256(self, plan) -> str | None:
        return plan.candidates_sha256 or None

    def get_revealed(self, plan) -> str | None:
        return plan.revealed or None

    def get_seed(self, plan) -> str | None:
        return plan.seed or None


class InspectionPlanFilter(PortalFilterSet):
    national = StrictBooleanFilter(field_name="reporting_unit", lookup_expr="isnull")

    class Meta:
        model = InspectionPlan
        fields = ["status", "reporting_unit"]


class InspectionPlanViewSet(ScopedReadOnlyViewSet):
    """Inspection plans of the caller's unit (headquarters: all), newest first."""

    roles = STAFF_ROLES
    queryset = InspectionPlan.objects.prefetch_related("ratios", "agencies", "divisions", "items")
    serializer_class = InspectionPlanSerializer
    filterset_class = InspectionPlanFilter


class InspectionDrawSerializer(serializers.ModelSerializer):
    """One group's draw of a plan in one round (round 2 and on: re-draws), as recorded by
    portal.draws: the candidates' hash, the seed and the USCCs drawn, lowest ticket first."""

    purpose = serializers.CharField(source="draw.purpose", read_only=True)
    algorithm = serializers.CharField(source="draw.algorithm", read_only=True)
    seed = serializers.CharField(source="draw.seed", read_only=True)
    candidates_sha256 = serializers.CharField(source="draw.candidates_sha256", read_only=True)
    population = serializers.IntegerField(source="draw.population", read_only=True)
    drawn = serializers.JSONField(source="draw.result", read_only=True, help_text="USCCs")
    reason = serializers.CharField(source="draw.reason", read_only=True)
    drawn_at = serializers.DateTimeField(source="draw.drawn_at", read_only=True)

    class Meta:
        model = PlanDraw
        fields = [
            "id", "plan", "risk_class", "round", "quota", "purpose", "algorithm", "seed",
            "candidates_sha256", "population", "drawn", "reason", "drawn_at",
        ]  # fmt: skip
        read_only_fields = fields


class InspectionDrawViewSet(ScopedReadOnlyViewSet):
    """The group draws of the plans of the caller's unit (headquarters: all)."""

    roles = STAFF_ROLES
    queryset = PlanDraw.objects.select_related("draw")
    serializer_class = InspectionDrawSerializer
    filterset_fields = ["plan", "risk_class", "round"]


class InspectionTeamSerializer(serializers.ModelSerializer):
    certificate_number = serializers.CharField(source="inspector.certificate_number")
    name = serializers.CharField(source="inspector.name")

    class Meta:
        model = InspectionAssignment
        fields = ["id", "certificate_number", "name", "recused_at", "replaced_by"]
        read_only_fields = fields


class InspectionSerializer(serializers.ModelSerializer):
    """A drawn enterprise of a plan (``active``: of the current round), its team and its
    result; ``publish_by`` is the date by which the result must be public."""

    enterprise_uscc = serializers.CharField(**ENTERPRISE)
    team = InspectionTeamSerializer(many=True, read_only=True)
    result = serializers.CharField(
        read_only=True,
        help_text="a code of CREDIT_INSPECTION_RESULTS (no_problem, unreachable, ...); "
        "empty until recorded",
    )
    published = serializers.SerializerMethodField(help_text="the result is public")
    on_time = serializers.SerializerMethodField(
        help_text="published by publish_by; null while not published"
    )

    class Meta:
        model = Inspection
        fields = [
            "id", "plan", "enterprise", "enterprise_uscc", "risk_class", "round", "active",
            "team", "result", "result_note", "concluded_on", "publish_by",
            "publish_by_provisional", "published", "published_at", "on_time",
            "abnormal_list_suggested",
        ]  # fmt: skip
        read_only_fields = fields

    def get_published(self, inspection) -> bool:
        return inspection.published_at is not None

    def get_on_time(self, inspection) -> bool | None:
        return inspection.on_time if inspection.published_at else None


class InspectionFilter(PortalFilterSet):
    enterprise_uscc = django_filters.CharFilter(field_name="enterprise__uscc")
    recorded = StrictBooleanFilter(field_name="concluded_on", lookup_expr="isnull", exclude=True)
    published = StrictBooleanFilter(field_name="published_at", lookup_expr="isnull", exclude=True)
    due_before = django_filters.DateFilter(field_name="publish_by", lookup_expr="lte")

    class Meta:
        model = Inspection
        fields = ["plan", "risk_class", "round", "active", "result"]


class InspectionViewSet(ScopedReadOnlyViewSet):
    """Drawn enterprises and their results, of the plans of the caller's unit (headquarters:
    all); ``?recorded=true`` gives the results, ``?published=false`` those not yet public."""

    roles = STAFF_ROLES
    queryset = Inspection.objects.select_related("enterprise").prefetch_related("team__inspector")
    serializer_class = InspectionSerializer
    filterset_class = InspectionFilter


router = SimpleRouter()
router.register("penalties", PenaltyViewSet, basename="penalty")
router.register("abnormal-listings", AbnormalListingViewSet, basename="abnormal-listing")
router.register("serious-listings", SeriousListingViewSet, basename="serious-listing")
router.register("consumer-warnings", ConsumerWarningViewSet, basename="consumer-warning")
router.register("inspection-plans", InspectionPlanViewSet, basename="inspection-plan")
router.register("inspection-draws", InspectionDrawViewSet, basename="inspection-draw")
router.register("inspections", InspectionViewSet, basename="inspection")
