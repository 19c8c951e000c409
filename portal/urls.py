"""Top-level URLs: the core's pages, each app's pages, the API under /api/v1/."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from . import api_docs, csp_report, holiday_views, two_factor, views
from .discovery import app_modules


def api_urls():
    """The core's routes and every app's ``api.router`` routes, under one prefix."""
    from .api.views import router as core_router

    patterns = list(core_router.urls)
    for config, module in app_modules("api"):
        if config.name != "portal":
            patterns += module.router.urls
    return patterns


def app_page_urls():
    """Every app's ``urls.py`` under its own prefix and namespace."""
    return [
        path(f"{config.label}/", include(f"{config.name}.urls", namespace=config.label))
        for config, _module in app_modules("urls")
        if config.name != "portal"
    ]


portal_patterns = (
    [
        path("", views.HomeView.as_view(), name="home"),
        path("dashboard/", views.dashboard, name="dashboard"),
        path("audit/", views.AuditListView.as_view(), name="audit"),
        path("holidays/", holiday_views.holidays, name="holidays"),
        path("jobs/<uuid:pk>/", views.job_detail, name="job"),
        path("jobs/<uuid:pk>/download/", views.job_download, name="job_download"),
        path(
            "history/<str:app_label>/<str:model_name>/<int:pk>/",
            views.object_history,
            name="history",
        ),
    ],
    "portal",
)

urlpatterns = [
    path("", include(portal_patterns)),
    path("health/", views.health, name="health"),
    path("csp-report/", csp_report.csp_report, name="csp_report"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/verify/", two_factor.verify, name="two_factor_verify"),
    path("accounts/two-factor/", two_factor.setup, name="two_factor_setup"),
    path("accounts/two-factor/off/", two_factor.disable, name="two_factor_disable"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_urls())),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", api_docs.swagger, name="api-docs"),
    path("api/v1/redoc/", api_docs.redoc, name="api-redoc"),
    *app_page_urls(),
]

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
