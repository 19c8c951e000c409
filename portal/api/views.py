"""API of the shared core: reporting units, divisions, agencies, the current user, audit."""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from ..access import ENTERPRISE, HEADQUARTERS, STAFF_ROLES
from ..models import AdminDivision, Agency, AuditEntry, ReportingUnit, User
from .filters import PortalFilterSet
from .viewsets import ScopedReadOnlyViewSet

ALL_ROLES = (*STAFF_ROLES, ENTERPRISE)


class ReportingUnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportingUnit
        fields = ["id", "code", "name", "name_en", "kind", "province"]


class AdminDivisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = AdminDivision
        fields = ["id", "code", "name", "level", "parent", "reporting_unit"]


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "kind", "reporting_unit", "name", "name_en"]


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "full_name", "email", "role", "agency"]


class AuditEntrySerializer(serializers.ModelSerializer):
    model = serializers.CharField(source="content_type.model", read_only=True)
    app = serializers.CharField(source="content_type.app_label", read_only=True)

    class Meta:
        model = AuditEntry
        fields = [
            "id", "at", "actor", "actor_label", "source", "action", "app", "model",
            "object_id", "object_repr", "changes", "reporting_unit", "ip_address",
        ]  # fmt: skip


class ReportingUnitViewSet(ScopedReadOnlyViewSet):
    """The 37 reporting units."""

    roles = ALL_ROLES
    queryset = ReportingUnit.objects.all()
    serializer_class = ReportingUnitSerializer
    filterset_fields = ["kind", "code"]
    ordering_fields = ["code"]
    ordering = ["code"]


class AdminDivisionFilter(PortalFilterSet):
    code_prefix = django_filters.CharFilter(field_name="code", lookup_expr="startswith")

    class Meta:
        model = AdminDivision
        fields = ["level", "parent", "reporting_unit", "code"]


class AdminDivisionViewSet(ScopedReadOnlyViewSet):
    """Administrative divisions (GB/T 2260)."""

    roles = ALL_ROLES
    queryset = AdminDivision.objects.all()
    serializer_class = AdminDivisionSerializer
    filterset_class = AdminDivisionFilter


class AgencyViewSet(ScopedReadOnlyViewSet):
    """Market-supervision departments and DRCs, headquarters included."""

    roles = ALL_ROLES
    queryset = Agency.objects.select_related("reporting_unit")
    serializer_class = AgencySerializer
    filterset_fields = ["kind", "reporting_unit"]


class UserViewSet(ScopedReadOnlyViewSet):
    """Accounts within scope; ``/users/me/`` is the requesting user."""

    roles = ALL_ROLES
    queryset = User.objects.select_related("agency")
    serializer_class = UserSerializer
    filterset_fields = ["role", "agency", "is_active"]

    @extend_schema(responses=UserSerializer)
    @action(detail=False)
    def me(self, request):
        return Response(UserSerializer(request.user).data)


class AuditEntryFilter(PortalFilterSet):
    since = django_filters.IsoDateTimeFilter(field_name="at", lookup_expr="gte")
    until = django_filters.IsoDateTimeFilter(field_name="at", lookup_expr="lt")
    model = django_filters.CharFilter(field_name="content_type__model")

    class Meta:
        model = AuditEntry
        fields = ["actor", "action", "source", "reporting_unit", "object_id"]


class AuditEntryViewSet(ScopedReadOnlyViewSet):
    """The audit trail (headquarters)."""

    roles = (HEADQUARTERS,)
    queryset = AuditEntry.objects.select_related("content_type")
    serializer_class = AuditEntrySerializer
    filterset_class = AuditEntryFilter


router = SimpleRouter()
router.register("reporting-units", ReportingUnitViewSet)
router.register("divisions", AdminDivisionViewSet)
router.register("agencies", AgencyViewSet)
router.register("users", UserViewSet)
router.register("audit", AuditEntryViewSet)
