"""API of quality pledges: /api/v1/pledges/ with workflow actions as POST …/{id}/<action>/."""

import django_filters
from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from portal.access import ENTERPRISE, STAFF_ROLES
from portal.api.filters import PortalFilterSet
from portal.api.transitions import transition_action
from portal.api.viewsets import ScopedModelViewSet
from portal.scoping import scoped

from .. import rules
from ..models import Enterprise, Pledge, PledgeRevision
from ..services import pledges as service

ALL_ROLES = (*STAFF_ROLES, ENTERPRISE)


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PledgeRevision
        fields = ["number", *service.REVISION_FIELDS, "created_at", "submitted_at", "published_at"]


class PledgeSerializer(serializers.ModelSerializer):
    """A pledge as read: its status, the revision under work and the published one."""

    latest_revision = serializers.SerializerMethodField()
    published_revision = RevisionSerializer(read_only=True, allow_null=True)
    is_expired = serializers.BooleanField(read_only=True)

    class Meta:
        model = Pledge
        fields = ["id", "enterprise", "status", "is_expired", "return_reason", "published_at",
                  "latest_revision", "published_revision", "created_at", "updated_at"]  # fmt: skip

    @extend_schema(responses=RevisionSerializer)
    def get_latest_revision(self, pledge) -> dict:
        return RevisionSerializer(pledge.latest_revision()).data


class PledgeWriteSerializer(serializers.ModelSerializer):
    """The content an enterprise files or changes; the enterprise only when filing."""

    enterprise = serializers.PrimaryKeyRelatedField(queryset=Enterprise.objects.none())

    class Meta:
        model = PledgeRevision
        fields = ["enterprise", *service.REVISION_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["enterprise"].queryset = scoped(Enterprise.objects.all(), request.user)
        if self.instance is not None:
            self.fields.pop("enterprise")

    def validate(self, attrs):
        service.check_period(attrs.get("period_start"), attrs.get("period_end"))
        return attrs


class PledgeFilter(PortalFilterSet):
    reporting_unit = django_filters.CharFilter(field_name="enterprise__reporting_unit__code")
    industry_section = django_filters.CharFilter(field_name="enterprise__industry_section")

    class Meta:
        model = Pledge
        fields = ["status", "enterprise"]


class PledgeViewSet(ScopedModelViewSet):
    """Quality pledges in scope; enterprise users file and change theirs, regulators review."""

    roles = ALL_ROLES
    queryset = Pledge.objects.select_related("published_revision")
    serializer_class = PledgeSerializer
    filterset_class = PledgeFilter
    ordering_fields = ["updated_at", "id"]
    edit_rule = rules

    @extend_schema(request=PledgeWriteSerializer, responses={201: PledgeSerializer})
    def create(self, request, *args, **kwargs):
        writer = PledgeWriteSerializer(data=request.data, context={"request": request})
        writer.is_valid(raise_exception=True)
        data = dict(writer.validated_data)
        pledge = service.create_pledge(data.pop("enterprise"), request.user, data)
        return Response(PledgeSerializer(pledge).data, status=201)

    @extend_schema(request=PledgeWriteSerializer, responses=PledgeSerializer)
    def update(self, request, *args, **kwargs):
        pledge = self.get_object()
        writer = PledgeWriteSerializer(
            pledge.latest_revision(),
            data=request.data,
            partial=kwargs.get("partial", False),
            context={"request": request},
        )
        writer.is_valid(raise_exception=True)
        with transaction.atomic():
            service.edit_pledge(pledge, request.user, writer.validated_data)
        pledge.refresh_from_db()
        return Response(PledgeSerializer(pledge).data)

    transition = transition_action(service.PLEDGE, PledgeSerializer)
