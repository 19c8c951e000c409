"""Top-level URLs: the core's pages, each app's pages, the API under /api/v1/."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from . import (
    accounts,
    api_docs,
    api_tokens,
    csp_report,
    holiday_views,
    security_views,
    two_factor,
    views,
)
from .discovery import app_modules
from .ratelimit import rate_limited


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
        path("security/", security_views.account_security, name="account_security"),
        path(
            "security/users/<int:pk>/reset-second-factor/",
            security_views.reset_second_factor,
            name="reset_second_factor",
        ),
        path("security/locks/<int:pk>/unlock/", security_views.unlock, name="unlock_login"),
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
    path(
        "accounts/two-factor/recovery-codes/",
        two_factor.recovery_codes,
        name="two_factor_recovery_codes",
    ),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=accounts.LoginForm),
        name="login",
    ),
    path(
        "accounts/password_reset/",
        rate_limited("password_reset")(
            auth_views.PasswordResetView.as_view(form_class=accounts.MailedPasswordResetForm)
        ),
        name="password_reset",
    ),
    path("accounts/logout-everywhere/", accounts.logout_everywhere, name="logout_everywhere"),
    path("accounts/me/", accounts.my_account, name="my_account"),
    path("accounts/tokens/", api_tokens.tokens, name="api_tokens"),
    path("accounts/tokens/<int:pk>/revoke/", api_tokens.revoke_token, name="api_token_revoke"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", accounts.set_language, name="set_language"),
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
