"""Every URL pattern and API route, with a user of each role: nobody reads or writes outside
their scope. Routes added later are picked up by themselves; a route whose object the matrix
cannot tell fails until it is declared in FUNCTION_VIEW_MODELS or SPECIAL_KWARGS.
"""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.urls import URLPattern, URLResolver, get_resolver

from portal.audit import field_values
from portal.discovery import project_app_labels
from portal.models import AuditEntry, Job
from portal.scoping import scope_of
from tests import factories, scope_objects
from tests.logins import log_in

SKIPPED_PREFIXES = ("admin/", "static/", "media/")


# Function views that take an object id: which model the id belongs to.
def _models():
    from complaints import models as c
    from credit import models as k
    from enterprises import models as e
    from monitoring import models as m
    from portal import models as p
    from reporting import models as r

    return {
        "portal:job": Job,
        "portal:reset_second_factor": p.User,
        "portal:unlock_login": p.LoginThrottle,
        "api_token_revoke": p.ApiToken,
        "portal:job_download": Job,
        "enterprises:detail": e.Enterprise,
        "enterprises:edit": e.Enterprise,
        "enterprise-detail": e.Enterprise,
        "enterprises:claim_decide": e.EnterpriseMembership,
        "enterprises:pledge_detail": e.Pledge,
        "enterprises:pledge_edit": e.Pledge,
        "enterprises:pledge_action": e.Pledge,
        "enterprises:recognise": e.Enterprise,
        "enterprises:declaration_detail": e.StandardDeclaration,
        "enterprises:declaration_edit": e.StandardDeclaration,
        "enterprises:declaration_decide": e.StandardDeclaration,
        "enterprises:draw_detail": e.SamplingDraw,
        "enterprises:draw_candidates": e.SamplingDraw,
        "enterprises:sample_outcome": e.SampledDeclaration,
        "enterprises:certificate_detail": e.Certificate,
        "enterprises:certificate_edit": e.Certificate,
        "enterprises:certificate_scan": e.Certificate,
        "enterprises:certificate_action": e.Certificate,
        "enterprises:public_declaration": e.StandardDeclaration,
        "reporting:round": r.Round,
        "reporting:round_zip": r.Round,
        "reporting:round_summary": r.Round,
        "reporting:summary_pdf": r.Round,
        "reporting:report": r.ProgressReport,
        "reporting:report_edit": r.ProgressReport,
        "reporting:report_refresh": r.ProgressReport,
        "reporting:attachment_upload": r.ProgressReport,
        "reporting:report_pdf": r.ProgressReport,
        "reporting:version_pdf": r.ReportVersion,
        "reporting:attachment": r.Attachment,
        "reporting:measure_edit": r.Measure,
        **{f"complaints:{name}": c.Complaint for name in ("detail", "act", "reply", "take")},
        "complaints:decide": c.Complaint,
        "complaints:transfer": c.Complaint,
        "complaints:transfer_decide": c.ComplaintTransfer,
        "complaints:rule_set_edit": c.RuleSet,
        "complaints:routing_rule_toggle": c.RoutingRule,
        "complaints:attachment": c.ComplaintAttachment,
        "complaints:parties_told": c.Complaint,
        "complaints:odr_register": e.Enterprise,
        "complaints:odr_leave": c.OdrEnterprise,
        "complaints:extend": c.Complaint,
        "complaints:extension_decide": c.VerificationExtension,
        "complaints:mediation_body_toggle": c.MediationBody,
        "complaints:refer": c.Complaint,
        "complaints:referral_outcome": c.MediationReferral,
        "complaints:commit": e.Enterprise,
        "complaints:withdraw": c.CompensationCommitment,
        "complaints:record_case": c.CompensationCommitment,
        "complaints:recovery": c.CompensationCase,
        "complaints:trustworthy_apply": e.Enterprise,
        "complaints:trustworthy_decide": c.TrustworthyCandidate,
        "complaints:after_sales_follow_up": c.AfterSalesRecord,
        **{
            f"complaints:{name}": c.Publication
            for name in (
                "publicity_detail", "publicity_draft", "publicity_compute", "publicity_publish",
                "publicity_action",
            )
        },  # fmt: skip
        **{
            f"credit:{name}": e.Enterprise
            for name in ("file", "propose_penalty", "propose_abnormal", "propose_serious")
        },
        "credit:penalty": k.Penalty,
        "credit:penalty_act": k.Penalty,
        "credit:abnormal": k.AbnormalListing,
        "credit:abnormal_act": k.AbnormalListing,
        **{
            f"credit:{name}": k.SeriousListing
            for name in (
                "serious",
                "serious_act",
                "serious_repair",
                "serious_pledge",
                "serious_evidence",
            )
        },  # fmt: skip
        "credit:warning": k.ConsumerWarning,
        "credit:warning_manage": k.ConsumerWarning,
        "credit:warning_act": k.ConsumerWarning,
        **{f"monitoring:{name}": m.Wave for name in (
            "wave", "wave_flagged", "wave_quota", "wave_compute", "wave_template", "wave_import",
            "wave_import_start", "wave_import_cancel", "wave_ranking", "wave_links",
        )},
        **{f"monitoring:{name}": m.ModelVersion for name in (
            "version", "version_weights", "version_item", "version_copy",
        )},
        **{f"monitoring:{n}": m.Evaluation for n in ("evaluation", "evaluation_act")},
        "monitoring:evaluation_reply": m.Evaluation,
        "credit:item_edit": k.InspectionItem,
        "credit:inspector_edit": k.Inspector,
        **{
            f"credit:{name}": k.InspectionPlan
            for name in (
                "plan_detail",
                "plan_ratios",
                "plan_publish",
                "plan_draw",
                "plan_redraw",
                "plan_act",
                "public_plan",
                "public_candidates",
            )
        },  # fmt: skip
        "credit:inspection": k.Inspection,
        "credit:inspection_publish": k.Inspection,
        "credit:recuse": k.InspectionAssignment,
        "credit:assistance_detail": k.AssistanceRequest,
        "credit:assistance_act": k.AssistanceRequest,
        "credit:assistance_evidence": k.AssistanceMessage,
        "credit:acknowledge": k.ProblemReceipt,
    }  # fmt: skip


FUNCTION_VIEW_MODELS = _models() if apps.ready else {}
# Routes whose arguments are not an object id.
SPECIAL_KWARGS = {
    "password_reset_confirm": lambda unit: {"uidb64": "MQ", "token": "set-password"},
    "enterprises:signup_confirm": lambda unit: {"token": "not-a-signed-token"},
    "portal:history": lambda unit: _history_kwargs(unit),
    "enterprises:public_enterprise": lambda unit: {
        "uscc": scope_objects.make_model("enterprises.Pledge", unit).enterprise.uscc
    },
    "reporting-report-transition": lambda unit: {
        "pk": scope_objects.make_model("reporting.ProgressReport", unit).pk,
        "transition": "submit",
    },
    **{
        f"{name}-transition": (
            lambda unit, label=label, action=action: {
                "pk": scope_objects.make_model(label, unit).pk,
                "transition": action,
            }
        )
        for name, label, action in [
            ("pledge", "enterprises.Pledge", "submit"),
            ("declaration", "enterprises.StandardDeclaration", "confirm"),
            ("certificate", "enterprises.Certificate", "suspend"),
            ("complaint", "complaints.Complaint", "accept"),
            ("evaluation", "monitoring.Evaluation", "release"),
        ]
    },
    "complaints:decide": lambda unit: {
        "pk": scope_objects.make_model("complaints.Complaint", unit).pk,
        "action": "refuse",
    },
    **{
        name: lambda unit: {
            "code": scope_objects.make_model("complaints.Complaint", unit).tracking_code
        }
        for name in ("complaints:status", "complaints:rate")
    },
    "complaints:publicity_download": lambda unit: {
        "pk": scope_objects.make_model("complaints.Publication", unit).pk,
        "file_format": "csv",
    },
    "monitoring:questionnaire": lambda unit: {"token": scope_objects.survey_link_token(unit)},
    "reporting:report_transition": lambda unit: {
        "pk": scope_objects.make_model("reporting.ProgressReport", unit).pk,
        "action": "submit",
    },
}
# Pages anyone may open without logging in.
PUBLIC = {
    "portal:home", "login", "logout", "password_reset", "password_reset_done",
    "password_reset_confirm", "password_reset_complete", "health", "set_language",
    "schema", "api-docs", "api-redoc", "enterprises:signup", "enterprises:signup_sent",
    "enterprises:signup_confirm", "enterprises:public_pledges",
    "enterprises:public_enterprise", "enterprises:public_declarations",
    "enterprises:public_declaration", "favicon", "csp_report", "complaints:file",
    "complaints:filed", "complaints:track", "complaints:status", "complaints:rate",
    "complaints:publicity", "complaints:publicity_detail", "complaints:publicity_download",
    "complaints:committed", "complaints:trustworthy_public",
    "credit:public", "credit:public_abnormal", "credit:public_serious", "credit:public_penalties",
    "credit:bulletins", "credit:warnings", "credit:warnings_archive", "credit:warnings_feed",
    "credit:warning",
    "monitoring:evaluate", "monitoring:evaluation_thanks", "monitoring:evaluated",
    "monitoring:questionnaire", "monitoring:questionnaire_thanks",
    "credit:public_plans", "credit:public_plan", "credit:public_candidates",
    "credit:public_results",
}  # fmt: skip
OUT_OF_SCOPE = {403, 404, 405}


def _history_kwargs(unit):
    enterprise = scope_objects.enterprise(unit)
    return {"app_label": "enterprises", "model_name": "enterprise", "pk": enterprise.pk}


@dataclass
class Route:
    name: str
    pattern: URLPattern
    prefix: str

    @property
    def kwarg_names(self):
        return sorted(self.pattern.pattern.regex.groupindex)

    def url(self, **kwargs):
        from django.urls import reverse

        return reverse(self.name, kwargs=kwargs or None)


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield Route(f"{namespace}{entry.name}", entry, prefix + str(entry.pattern))


def routes():
    seen = set()
    for route in walk(get_resolver().url_patterns):
        if route.prefix.startswith(SKIPPED_PREFIXES) or route.name in seen:
            continue
        seen.add(route.name)
        yield route


def model_of(route):
    """The model whose object the route's id names, or None if it cannot be told."""
    callback = route.pattern.callback
    if route.name in FUNCTION_VIEW_MODELS:
        return FUNCTION_VIEW_MODELS[route.name]
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view is None:
        return None
    model = getattr(view, "model", None)
    queryset = getattr(view, "queryset", None)
    return model or (queryset.model if queryset is not None else None)


ALL_ROUTES = list(routes()) if apps.ready else []
PLAIN = [r for r in ALL_ROUTES if not r.kwarg_names]
WITH_OBJECT = [r for r in ALL_ROUTES if r.kwarg_names]
# Reference data (reporting units, divisions, agencies) is readable by every role.
SCOPED_OBJECT = [
    r for r in WITH_OBJECT if model_of(r) is None or not scope_of(model_of(r)).everyone
]


def users():
    return {
        "headquarters": factories.headquarters_user(),
        "provincial": factories.provincial_user("440000"),
        "enterprise": factories.enterprise_user(),
        "anonymous": AnonymousUser(),
    }


def request(client, user, method, url):
    client.logout()
    if user.is_authenticated:
        log_in(client, user)
    return getattr(client, method)(url)


def test_the_matrix_sees_the_routes_of_every_app():
    names = {route.name for route in ALL_ROUTES}
    assert {"portal:dashboard", "portal:audit", "login", "reportingunit-list"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("route", PLAIN, ids=lambda r: r.name)
def test_plain_routes_answer_every_role_without_error(client, route):
    url = route.url()
    for role, user in users().items():
        for method in ("get", "post"):
            response = request(client, user, method, url)
            assert response.status_code < 500, (role, method, url)
            if role == "anonymous" and method == "get" and route.name not in PUBLIC:
                assert response.status_code in (302, 401, 403, 404, 405), (
                    f"{url} is open to anonymous visitors; add it to PUBLIC if it is meant to be"
                )


def object_kwargs(route, unit_code):
    if route.name in SPECIAL_KWARGS:
        return SPECIAL_KWARGS[route.name](unit_code), None
    model = model_of(route)
    assert model is not None, (
        f"{route.name} takes {route.kwarg_names}; declare its model in FUNCTION_VIEW_MODELS "
        "or its arguments in SPECIAL_KWARGS"
    )
    obj = scope_objects.make(model, unit_code)
    (name,) = route.kwarg_names
    return {name: obj.pk}, obj


@pytest.mark.django_db
@pytest.mark.parametrize("route", SCOPED_OBJECT, ids=lambda r: r.name)
def test_nobody_reads_or_writes_another_jurisdictions_object(client, route):
    kwargs, obj = object_kwargs(route, "330000")  # Zhejiang's object
    url = route.url(**kwargs)
    before = field_values(type(obj).objects.get(pk=obj.pk)) if obj is not None else None
    entries = AuditEntry.objects.count()
    for role, user in users().items():
        if role == "headquarters":
            continue
        for method in ("get", "post", "put", "patch", "delete"):
            response = request(client, user, method, url)
            allowed = OUT_OF_SCOPE | ({302, 401} if role == "anonymous" else set())
            if route.name in PUBLIC:
                allowed |= {200, 302, 400}
            assert response.status_code in allowed, (role, method, url, response.status_code)
    assert AuditEntry.objects.count() == entries, "a request outside scope wrote something"
    if obj is not None:
        assert field_values(type(obj).objects.get(pk=obj.pk)) == before


@pytest.mark.django_db
@pytest.mark.parametrize("route", WITH_OBJECT, ids=lambda r: r.name)
def test_objects_in_scope_open_without_error(client, route):
    kwargs, _obj = object_kwargs(route, "440000")
    url = route.url(**kwargs)
    for role in ("headquarters", "provincial"):
        response = request(client, users()[role], "get", url)
        assert response.status_code < 500, (role, url)


def test_every_project_model_can_be_made_in_a_jurisdiction():
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in project_app_labels()
        and model._meta.label not in scope_objects.MAKERS
    ]
    assert missing == [], "register a maker in tests/scope_objects/<app>.py"
