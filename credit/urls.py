"""Pages of the credit app, mounted at /credit/ by portal.urls."""

from django.urls import path

from .views import assistance, files, public, public_inspections, risk, risk_import, warnings
from .views import inspections as inspection_views

app_name = "credit"

urlpatterns = [
    # The public: the lists, penalties, bulletins, consumer warnings
    path("", public.index, name="public"),
    path("abnormal/", public.abnormal_list, name="public_abnormal"),
    path("serious/", public.serious_list, name="public_serious"),
    path("penalties/", public.penalty_list, name="public_penalties"),
    path("bulletins/", public.bulletins, name="bulletins"),
    path("warnings/", warnings.current_warnings, name="warnings"),
    path("warnings/archive/", warnings.archive, name="warnings_archive"),
    path("warnings/feed/", warnings.CurrentWarningsFeed(), name="warnings_feed"),
    path("warnings/<int:pk>/", warnings.public_warning, name="warning"),
    # Regulators
    path("files/", files.find, name="find"),
    path("files/work/", files.work, name="work"),
    path("files/<int:pk>/", files.credit_file, name="file"),
    path("files/<int:pk>/penalties/new/", files.propose_penalty, name="propose_penalty"),
    path("files/<int:pk>/abnormal/new/", files.propose_abnormal, name="propose_abnormal"),
    path("files/<int:pk>/serious/new/", files.propose_serious, name="propose_serious"),
    path("penalties/<int:pk>/", files.penalty, name="penalty"),
    path("penalties/<int:pk>/act/", files.penalty_act, name="penalty_act"),
    path("abnormal/<int:pk>/", files.abnormal, name="abnormal"),
    path("abnormal/<int:pk>/act/", files.abnormal_act, name="abnormal_act"),
    path("serious/<int:pk>/", files.serious, name="serious"),
    path("serious/<int:pk>/act/", files.serious_act, name="serious_act"),
    path("serious/<int:pk>/repair/", files.serious_repair, name="serious_repair"),
    path("serious/<int:pk>/pledge/", files.serious_pledge, name="serious_pledge"),
    path("serious/<int:pk>/evidence/", files.serious_evidence, name="serious_evidence"),
    path("manage/warnings/", warnings.manage, name="warnings_manage"),
    path("manage/warnings/new/", warnings.write, name="warning_new"),
    path("manage/warnings/<int:pk>/", warnings.manage_warning, name="warning_manage"),
    path("manage/warnings/<int:pk>/act/", warnings.warning_act, name="warning_act"),
    # Risk classes (internal to regulators)
    path("risk/", risk.RiskList.as_view(), name="risk_list"),
    path("risk/models/", risk.ScoringModels.as_view(), name="risk_models"),
    path("risk/recompute/", risk.RiskRecompute.as_view(), name="risk_recompute"),
    path("risk/enterprises/<int:pk>/", risk.RiskDetail.as_view(), name="risk_detail"),
    path(
        "risk/enterprises/<int:pk>/override/",
        risk.RiskOverrideView.as_view(),
        name="risk_override",
    ),
    # Double-random inspections: regulators
    path("inspections/", inspection_views.overview, name="inspections"),
    path("inspections/items/", inspection_views.items, name="items"),
    path("inspections/items/<int:pk>/", inspection_views.item_edit, name="item_edit"),
    path("inspections/inspectors/", inspection_views.inspectors, name="inspectors"),
    path(
        "inspections/inspectors/<int:pk>/",
        inspection_views.inspector_edit,
        name="inspector_edit",
    ),
    path("inspections/objects/", inspection_views.objects, name="objects"),
    path("inspections/plans/new/", inspection_views.plan_new, name="plan_new"),
    path("inspections/plans/<int:pk>/", inspection_views.plan_detail, name="plan_detail"),
    path("inspections/plans/<int:pk>/ratios/", inspection_views.plan_ratios, name="plan_ratios"),
    path("inspections/plans/<int:pk>/publish/", inspection_views.plan_publish, name="plan_publish"),
    path("inspections/plans/<int:pk>/draw/", inspection_views.plan_draw, name="plan_draw"),
    path("inspections/plans/<int:pk>/redraw/", inspection_views.plan_redraw, name="plan_redraw"),
    path("inspections/plans/<int:pk>/act/", inspection_views.plan_act, name="plan_act"),
    path("inspections/<int:pk>/", inspection_views.inspection_detail, name="inspection"),
    path(
        "inspections/<int:pk>/publish/",
        inspection_views.inspection_publish,
        name="inspection_publish",
    ),
    path("inspections/team/<int:pk>/recuse/", inspection_views.recuse, name="recuse"),
    # Working across units
    path("inspections/assistance/", assistance.requests, name="assistance"),
    path("inspections/assistance/<int:pk>/", assistance.request_detail, name="assistance_detail"),
    path("inspections/assistance/<int:pk>/act/", assistance.request_act, name="assistance_act"),
    path(
        "inspections/assistance/evidence/<int:pk>/",
        assistance.evidence,
        name="assistance_evidence",
    ),
    path("inspections/notices/", assistance.notices, name="notices"),
    path("inspections/notices/<int:pk>/acknowledge/", assistance.acknowledge, name="acknowledge"),
    # Double-random inspections: the public
    path("inspections/public/", public_inspections.plans, name="public_plans"),
    path("inspections/public/plans/<int:pk>/", public_inspections.plan, name="public_plan"),
    path(
        "inspections/public/plans/<int:pk>/candidates.txt",
        public_inspections.candidates,
        name="public_candidates",
    ),
    path("inspections/public/results/", public_inspections.results, name="public_results"),
    path("risk/import/", risk_import.RiskImport.as_view(), name="risk_import"),
    path("risk/import/start/", risk_import.RiskImportStart.as_view(), name="risk_import_start"),
]
