"""The complaints API: /api/v1/complaints/ for staff, /api/v1/complaint-status/ for the public."""

import django_filters
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from portal.access import STAFF_ROLES
from portal.api.transitions import transition_action
from portal.api.viewsets import ScopedReadOnlyViewSet
from portal.errors import too_many_requests
from portal.proxy import client_address
from portal.ratelimit import hit

from . import privacy
from .models import Complaint
from .services import handling, intake


class ComplaintSerializer(serializers.ModelSerializer):
    """A complaint; the complainant's details are masked unless the caller handles it."""

    rule_set = serializers.SlugRelatedField(slug_field="code", read_only=True)
    reporting_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    acceptance_due = serializers.DateField(source="decision_due", read_only=True)
    complainant = serializers.SerializerMethodField()
    service_section = serializers.CharField(read_only=True, help_text="GB/T 4754 section letter")

    class Meta:
        model = Complaint
        fields = [
            "id", "tracking_code", "kind", "channel", "status", "received_on", "acceptance_due",
            "odr_due", "mediation_due", "deadline_provisional", "calendar_version", "rule_set",
            "reporting_unit", "operator_name", "operator_uscc", "service_section", "happened_on",
            "amount", "description", "request", "complainant", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_complainant(self, complaint) -> dict:
        contact = privacy.contact_for(self.context["request"].user, complaint)
        return {"name": contact.name, "phone": contact.phone, "masked": contact.masked}


class ComplaintFilter(django_filters.FilterSet):
    received_after = django_filters.DateFilter(field_name="received_on", lookup_expr="gte")
    received_before = django_filters.DateFilter(field_name="received_on", lookup_expr="lte")
    acceptance_due_before = django_filters.DateFilter(field_name="decision_due", lookup_expr="lte")
    mediation_due_before = django_filters.DateFilter(field_name="mediation_due", lookup_expr="lte")
    rule_set = django_filters.CharFilter(field_name="rule_set__code")
    reporting_unit = django_filters.CharFilter(field_name="reporting_unit__code")

    class Meta:
        model = Complaint
        fields = ["status", "kind", "operator_uscc", "deadline_provisional", "received_on"]


class ComplaintViewSet(ScopedReadOnlyViewSet):
    """Complaints and reports in the caller's jurisdiction, soonest due first."""

    roles = STAFF_ROLES
    queryset = Complaint.objects.select_related("rule_set", "reporting_unit")
    serializer_class = ComplaintSerializer
    filterset_class = ComplaintFilter
    ordering_fields = ["decision_due", "mediation_due", "received_on", "id"]

    transition = transition_action(handling.COMPLAINT, ComplaintSerializer)


class StatusQuery(serializers.Serializer):
    tracking_code = serializers.CharField(min_length=12, max_length=12)
    phone_last_four = serializers.RegexField(r"^[0-9]{4}$")


class PublicStatus(serializers.Serializer):
    tracking_code = serializers.CharField()
    kind = serializers.CharField()
    status = serializers.CharField()
    received_on = serializers.DateField()
    next_due = serializers.DateField(source="current_due")
    deadline_provisional = serializers.BooleanField()
    handled_by = serializers.CharField(source="reporting_unit.name")


class ComplaintStatusViewSet(viewsets.ViewSet):
    """A complaint's progress by its tracking code and the phone's last four digits."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=StatusQuery,
        responses={
            200: PublicStatus,
            404: OpenApiResponse(description="No complaint matches this code and these digits"),
        },
        operation_id="complaint_status",
    )
    def create(self, request):
        wait = hit("tracking", client_address(request))
        if wait:
            return too_many_requests(request, wait)
        query = StatusQuery(data=request.data)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        complaint = intake.track(data["tracking_code"], data["phone_last_four"])
        if complaint is None:
            raise exceptions.NotFound(_("No complaint matches this code and these digits."))
        return Response(PublicStatus(complaint).data, status=200)


router = SimpleRouter()
router.register("complaints", ComplaintViewSet, basename="complaint")
router.register("complaint-status", ComplaintStatusViewSet, basename="complaint-status")
