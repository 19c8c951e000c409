"""Pages of progress reporting, mounted at /reporting/."""

from django.urls import path

from .views import downloads, measures, reports, rounds

app_name = "reporting"

urlpatterns = [
    path("", rounds.round_list, name="rounds"),
    path("rounds/new/", rounds.round_create, name="round_create"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round"),
    path("rounds/<int:pk>/zip/", rounds.round_zip, name="round_zip"),
    path("rounds/<int:pk>/summary/", rounds.round_summary, name="round_summary"),
    path("rounds/<int:pk>/summary.pdf", rounds.summary_pdf, name="summary_pdf"),
    path("reports/<int:pk>/", reports.report_detail, name="report"),
    path("reports/<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/refresh/", reports.report_refresh, name="report_refresh"),
    path("reports/<int:pk>/attach/", reports.attachment_upload, name="attachment_upload"),
    path("reports/<int:pk>/pdf/", downloads.report_pdf, name="report_pdf"),
    path("reports/<int:pk>/<str:action>/", reports.report_transition, name="report_transition"),
    path("versions/<int:pk>/pdf/", downloads.version_pdf_view, name="version_pdf"),
    path("attachments/<int:pk>/", reports.attachment_download, name="attachment"),
    path("measures/", measures.measure_list, name="measures"),
    path("measures/<int:pk>/", measures.measure_edit, name="measure_edit"),
]
