"""Admin of the enterprises app: the registry and claims (no full counts over millions)."""

from django.contrib import admin

from .models import (
    Certificate,
    CertificateReminder,
    Enterprise,
    EnterpriseMembership,
    Pledge,
    PledgeRevision,
    Recognition,
    SamplingDraw,
    StandardDeclaration,
    StandardIndicator,
)


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["uscc", "name", "reporting_unit", "industry_section", "size", "status"]
    list_filter = ["status", "size", "industry_section"]
    search_fields = ["=uscc", "name"]
    raw_id_fields = ["division"]
    exclude = ["name_bigrams"]
    show_full_result_count = False
    list_select_related = ["reporting_unit"]


@admin.register(EnterpriseMembership)
class EnterpriseMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "enterprise", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    raw_id_fields = ["user", "enterprise", "decided_by"]
    search_fields = ["=enterprise__uscc", "user__username"]


# Pledges, standards and certificates (tasks 2, 7, 8): read-mostly; changes go through services.


class PledgeRevisionInline(admin.StackedInline):
    model = PledgeRevision
    extra = 0
    can_delete = False
    readonly_fields = ["created_by", "submitted_at", "published_at"]


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ["enterprise", "status", "published_at", "updated_at"]
    list_filter = ["status"]
    raw_id_fields = ["enterprise", "published_revision", "created_by"]
    readonly_fields = ["status"]
    inlines = [PledgeRevisionInline]
    show_full_result_count = False


@admin.register(Recognition)
class RecognitionAdmin(admin.ModelAdmin):
    list_display = ["enterprise", "recognised_on", "recognised_by"]
    raw_id_fields = ["enterprise", "recognised_by"]


class StandardIndicatorInline(admin.TabularInline):
    model = StandardIndicator
    extra = 0


@admin.register(StandardDeclaration)
class StandardDeclarationAdmin(admin.ModelAdmin):
    list_display = ["standard_number", "standard_name", "enterprise", "front_runner"]
    list_filter = ["standard_type", "front_runner"]
    search_fields = ["standard_number"]
    raw_id_fields = ["enterprise", "created_by", "front_runner_decided_by"]
    inlines = [StandardIndicatorInline]
    show_full_result_count = False


@admin.register(SamplingDraw)
class SamplingDrawAdmin(admin.ModelAdmin):
    list_display = ["drawn_at", "reporting_unit", "population", "draw", "drawn_by"]
    readonly_fields = ["draw", "population", "drawn_by", "reporting_unit", "ratio", "count"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["number", "enterprise", "certification_body", "expires_on", "status"]
    list_filter = ["status"]
    search_fields = ["=number"]
    raw_id_fields = ["enterprise", "created_by"]
    readonly_fields = ["status"]
    show_full_result_count = False


@admin.register(CertificateReminder)
class CertificateReminderAdmin(admin.ModelAdmin):
    list_display = ["certificate", "kind", "for_date", "recipients", "sent_at"]
    raw_id_fields = ["certificate"]
