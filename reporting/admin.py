"""Admin of progress reporting: rounds and milestones editable, submitted versions read-only."""

from django.contrib import admin

from .models import Measure, Milestone, NationalSummary, ProgressReport, ReportVersion, Round


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["title", "period_start", "period_end", "opens_on", "due_date"]
    inlines = [MilestoneInline]


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ["reporting_unit", "round", "status", "submitted_at", "is_late", "is_overdue"]
    list_filter = ["round", "status", "is_late"]
    readonly_fields = ["figures", "figures_at", "submitted_at", "is_late", "lock_version"]


@admin.register(ReportVersion)
class ReportVersionAdmin(admin.ModelAdmin):
    list_display = ["report", "number", "submitted_at", "is_late"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["name", "reporting_unit", "task", "kind", "started_on"]
    list_filter = ["task", "kind"]


@admin.register(NationalSummary)
class NationalSummaryAdmin(admin.ModelAdmin):
    list_display = ["round", "compiled_at"]
