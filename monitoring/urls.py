"""Pages of the monitoring app, mounted at /monitoring/ by portal.urls."""

from django.urls import path

from .views import evaluations

app_name = "monitoring"

urlpatterns = [
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
