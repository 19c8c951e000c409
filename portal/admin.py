from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AdminDivision, Agency, AuditEntry, ReportingUnit, User


@admin.register(ReportingUnit)
class ReportingUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "kind", "province", "document_prefix"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "name_en"]


@admin.register(AdminDivision)
class AdminDivisionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "reporting_unit"]
    list_filter = ["level", "reporting_unit"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "reporting_unit"]
    list_filter = ["kind"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "full_name", "role", "agency", "is_active"]
    list_filter = ["role", "is_active", "agency__kind"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Portal role"), {"fields": ("role", "agency", "full_name", "phone", "language")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Portal role"), {"fields": ("role", "agency", "full_name")}),
    )


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "source", "action", "content_type", "object_repr"]
    list_filter = ["action", "source", "content_type"]
    search_fields = ["actor_label", "object_repr", "object_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
