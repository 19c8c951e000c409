"""The monitoring API: /api/v1/evaluations/ (post-consumption evaluations), read and review.

Staff read the evaluations of their jurisdiction, held ones included, and release or reject
held ones (``POST …/{id}/release/``, ``…/reject/``); enterprise users read the published
evaluations of their enterprises with the replies.
"""

import django_filters
from rest_framework import serializers
from rest_framework.routers import SimpleRouter

from portal.access import EVERY_ROLE
from portal.api.filters import PortalFilterSet
from portal.api.transitions import transition_action
from portal.api.viewsets import ScopedReadOnlyViewSet

from .models import Evaluation
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


router = SimpleRouter()
router.register("evaluations", EvaluationViewSet, basename="evaluation")
