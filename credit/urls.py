"""Pages of the credit app, mounted at /credit/ by portal.urls."""

from django.urls import path

from .views import files, public, risk, risk_import, warnings

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
    path("risk/import/", risk_import.RiskImport.as_view(), name="risk_import"),
    path("risk/import/start/", risk_import.RiskImportStart.as_view(), name="risk_import_start"),
]
