"""The credit API, read-only for staff: /api/v1/penalties/, /api/v1/abnormal-listings/,
/api/v1/serious-listings/, /api/v1/consumer-warnings/ (rows within the caller's scope)."""

from rest_framework import serializers
from rest_framework.routers import SimpleRouter

from portal.access import STAFF_ROLES
from portal.api.viewsets import ScopedReadOnlyViewSet

from .models import AbnormalListing, ConsumerWarning, Penalty, SeriousListing

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


router = SimpleRouter()
router.register("penalties", PenaltyViewSet, basename="penalty")
router.register("abnormal-listings", AbnormalListingViewSet, basename="abnormal-listing")
router.register("serious-listings", SeriousListingViewSet, basename="serious-listing")
router.register("consumer-warnings", ConsumerWarningViewSet, basename="consumer-warning")
