"""API of service certificates: /api/v1/certificates/, status changes as POST …/{id}/<action>/."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import serializers

from portal.access import ENTERPRISE, STAFF_ROLES
from portal.api.filters import PortalFilterSet
from portal.api.transitions import transition_action
from portal.api.viewsets import ScopedModelViewSet
from portal.scoping import scoped

from .. import rules
from ..models import Certificate, Enterprise
from ..services import certificates as service

ALL_ROLES = (*STAFF_ROLES, ENTERPRISE)


def _as_drf(error):
    detail = error.message_dict if hasattr(error, "error_dict") else error.messages
    return serializers.ValidationError(detail)


class CertificateSerializer(serializers.ModelSerializer):
    """A certificate; the scan is uploaded as multipart and read back through a scoped URL."""

    enterprise = serializers.PrimaryKeyRelatedField(queryset=Enterprise.objects.none())
    scan = serializers.FileField(write_only=True, required=False, allow_empty_file=True)
    scan_url = serializers.SerializerMethodField()
    status = serializers.CharField(
        read_only=True, help_text="valid, suspended, revoked, cancelled or expired"
    )

    class Meta:
        model = Certificate
        fields = ["id", "enterprise", *service.EDITABLE_FIELDS, "scan_url", "status",
                  "created_at", "updated_at"]  # fmt: skip
        read_only_fields = ["status", "created_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["enterprise"].queryset = scoped(Enterprise.objects.all(), request.user)

    def get_scan_url(self, certificate) -> str | None:
        if not certificate.scan:
            return None
        return reverse("enterprises:certificate_scan", args=[certificate.pk])

    def validate_scan(self, upload):
        try:
            return service.accept_scan(upload)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict["scan"]) from error

    def validate(self, attrs):
        if "status" in self.initial_data:
            raise serializers.ValidationError(
                {
                    "status": _(
                        "Change the status with POST …/{id}/<action>/ "
                        "(suspend, reinstate, revoke, cancel)."
                    )
                }
            )
        instance = self.instance
        issued = attrs.get("issued_on", getattr(instance, "issued_on", None))
        expires = attrs.get("expires_on", getattr(instance, "expires_on", None))
        try:
            service.check_dates(issued, expires)
        except DjangoValidationError as error:
            raise _as_drf(error) from error
        return attrs

    def create(self, validated_data):
        data = dict(validated_data)
        return service.create_certificate(
            data.pop("enterprise"), self.context["request"].user, data
        )

    def update(self, instance, validated_data):
        validated_data.pop("enterprise", None)
        return service.edit_certificate(instance, self.context["request"].user, validated_data)


class CertificateFilter(PortalFilterSet):
    reporting_unit = django_filters.CharFilter(field_name="enterprise__reporting_unit__code")
    industry_section = django_filters.CharFilter(field_name="enterprise__industry_section")
    size = django_filters.CharFilter(field_name="enterprise__size")
    expires_before = django_filters.DateFilter(field_name="expires_on", lookup_expr="lte")
    expires_after = django_filters.DateFilter(field_name="expires_on", lookup_expr="gte")

    class Meta:
        model = Certificate
        fields = ["status", "enterprise", "number"]


class CertificateViewSet(ScopedModelViewSet):
    """Service certificates in scope; enterprise users file theirs, regulators change status."""

    roles = ALL_ROLES
    queryset = Certificate.objects.all()
    serializer_class = CertificateSerializer
    filterset_class = CertificateFilter
    ordering_fields = ["expires_on", "issued_on", "id"]
    edit_rule = rules

    transition = transition_action(service.CERTIFICATE, CertificateSerializer)
