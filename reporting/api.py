"""API of progress reporting: /api/v1/reporting/... rounds, reports, versions, measures."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from portal import limits
from portal.access import HEADQUARTERS, PROVINCIAL, STAFF_ROLES
from portal.api.transitions import transition_action
from portal.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet

from .models import Measure, ProgressReport, ReportVersion, Round
from .services.reports import REPORT, NotEditable, StaleEdit, save_texts
from .services.rounds import create_round


class RoundSerializer(serializers.ModelSerializer):
    class Meta:
        model = Round
        fields = ["id", "title", "period_start", "period_end", "opens_on", "due_date", "sections"]
        read_only_fields = ["sections"]

    def validate(self, attrs):
        try:
            Round(**attrs).clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return attrs


class UnitField(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class ReportSerializer(serializers.ModelSerializer):
    reporting_unit = UnitField(read_only=True)

    class Meta:
        model = ProgressReport
        fields = [
            "id", "round", "reporting_unit", "status", "lock_version", "texts", "figures",
            "figures_at", "is_overdue", "submitted_at", "is_late", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class VersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportVersion
        fields = ["id", "report", "number", "snapshot", "submitted_at", "is_late"]
        read_only_fields = fields


class MeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measure
        fields = [
            "id", "reporting_unit", "task", "kind", "name", "description", "pilots",
            "platforms", "people_trained", "bodies", "started_on", "ended_on",
        ]  # fmt: skip
        read_only_fields = ["reporting_unit"]


class TextsInput(serializers.Serializer):
    lock_version = serializers.IntegerField()
    texts = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=limits.REPORT_SECTION)
    )


class RoundViewSet(ScopedModelViewSet):
    """Rounds; headquarters add them."""

    queryset = Round.objects.all()
    serializer_class = RoundSerializer
    roles = STAFF_ROLES
    write_roles = (HEADQUARTERS,)
    http_method_names = ["get", "post", "head", "options"]

    def perform_create(self, serializer):
        serializer.instance = create_round(Round(**serializer.validated_data))


class ReportViewSet(ScopedReadOnlyViewSet):
    """Reports in scope; writes go through the workflow actions and the texts action."""

    queryset = ProgressReport.objects.select_related("reporting_unit")
    serializer_class = ReportSerializer
    filterset_fields = ["round", "status"]
    write_roles = STAFF_ROLES

    transition = transition_action(REPORT, ReportSerializer)

    @extend_schema(request=TextsInput, responses={200: ReportSerializer, 409: ReportSerializer})
    @action(detail=True, methods=["post"])
    def texts(self, request, pk=None):
        """Save narratives with the lock_version read; 409 with the current texts if stale."""
        report = self.get_object()
        data = TextsInput(data=request.data)
        data.is_valid(raise_exception=True)
        if not request.user.is_provincial:
            raise serializers.ValidationError({"detail": "Only the unit's staff write its report."})
        try:
            report = save_texts(
                report, data.validated_data["texts"], data.validated_data["lock_version"],
                request.user,
            )  # fmt: skip
        except StaleEdit as stale:
            return Response(ReportSerializer(stale.current).data, status=409)
        except NotEditable as error:
            raise serializers.ValidationError({"detail": "Not editable now."}) from error
        return Response(ReportSerializer(report).data)


class VersionViewSet(ScopedReadOnlyViewSet):
    """Submitted versions with their frozen snapshots."""

    queryset = ReportVersion.objects.all()
    serializer_class = VersionSerializer
    filterset_fields = ["report"]


class MeasureViewSet(ScopedModelViewSet):
    """Measures for tasks 1, 9, 10, 12; provincial staff record their unit's."""

    queryset = Measure.objects.all()
    serializer_class = MeasureSerializer
    write_roles = (PROVINCIAL,)
    filterset_fields = ["task", "kind"]

    def perform_create(self, serializer):
        serializer.save(reporting_unit=self.request.user.reporting_unit)


router = SimpleRouter()
router.register("reporting/rounds", RoundViewSet, basename="reporting-round")
router.register("reporting/reports", ReportViewSet, basename="reporting-report")
router.register("reporting/versions", VersionViewSet, basename="reporting-version")
router.register("reporting/measures", MeasureViewSet, basename="reporting-measure")
