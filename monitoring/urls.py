"""Pages of the monitoring app, mounted at /monitoring/ by portal.urls."""

from django.urls import path

from .views import benchmarks, comparisons, evaluations, models, survey_links, waves

app_name = "monitoring"

urlpatterns = [
    # Survey waves, their imports and indices
    path("", waves.wave_list, name="home"),
    path("waves/new/", waves.wave_create, name="wave_create"),
    path("waves/<int:pk>/", waves.wave_detail, name="wave"),
    path("waves/<int:pk>/excluded/", waves.wave_flagged, name="wave_flagged"),
    path("waves/<int:pk>/quota/", waves.wave_quota, name="wave_quota"),
    path("waves/<int:pk>/compute/", waves.wave_compute, name="wave_compute"),
    path("waves/<int:pk>/template/", waves.wave_template, name="wave_template"),
    path("waves/<int:pk>/import/", waves.wave_import, name="wave_import"),
    path("waves/<int:pk>/import/start/", waves.wave_import_start, name="wave_import_start"),
    path("waves/<int:pk>/import/cancel/", waves.wave_import_cancel, name="wave_import_cancel"),
    path("waves/<int:pk>/links/", survey_links.issue, name="wave_links"),
    # The public questionnaire, by one-time link
    path("survey/thanks/", survey_links.thanks, name="questionnaire_thanks"),
    path("survey/<str:token>/", survey_links.questionnaire, name="questionnaire"),
    path("waves/<int:pk>/comparisons/", comparisons.wave_ranking, name="wave_ranking"),
    path("benchmark/", benchmarks.benchmark, name="benchmark"),
    # Evaluation models
    path("models/", models.model_list, name="models"),
    path("models/new/", models.model_create, name="model_create"),
    path("versions/<int:pk>/", models.version_detail, name="version"),
    path("versions/<int:pk>/weights/", models.version_weights, name="version_weights"),
    path("versions/<int:pk>/items/", models.version_item, name="version_item"),
    path("versions/<int:pk>/new-version/", models.version_copy, name="version_copy"),
    # Post-consumption evaluations (task 12): the public
    path("evaluations/new/", evaluations.evaluate, name="evaluate"),
    path("evaluations/thanks/", evaluations.thanks, name="evaluation_thanks"),
    path("evaluations/enterprises/", evaluations.evaluated, name="evaluated"),
    # Enterprises
    path("evaluations/codes/", evaluations.issue_codes, name="evaluation_codes"),
    path("evaluations/mine/", evaluations.mine, name="my_evaluations"),
    path("evaluations/<int:pk>/reply/", evaluations.reply, name="evaluation_reply"),
    # Regulators
    path("evaluations/review/", evaluations.review, name="evaluation_review"),
    path("evaluations/<int:pk>/", evaluations.detail, name="evaluation"),
    path("evaluations/<int:pk>/act/", evaluations.act, name="evaluation_act"),
]
