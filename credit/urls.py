"""Pages of the credit app, mounted at /credit/ by portal.urls."""

from django.urls import path

from .views import risk

app_name = "credit"

urlpatterns = [
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
]
