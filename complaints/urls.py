"""Pages of the complaints app, mounted at /complaints/ by portal.urls."""

from django.urls import path

from .views import handling, odr, public, rules

app_name = "complaints"

urlpatterns = [
    # The public: file and follow
    path("", public.file_complaint, name="file"),
    path("filed/", public.filed, name="filed"),
    path("track/", public.track, name="track"),
    path("track/<str:code>/", public.status, name="status"),
    path("track/<str:code>/rate/", public.rate, name="rate"),
    # Regulators and enterprises
    path("handling/", handling.complaint_list, name="list"),
    path("handling/new/", handling.record, name="record"),
    path("handling/<int:pk>/", handling.detail, name="detail"),
    path("handling/<int:pk>/act/", handling.act, name="act"),
    path("handling/<int:pk>/decide/<str:action>/", handling.decide_on_ground, name="decide"),
    path("handling/<int:pk>/reply/", handling.reply, name="reply"),
    path("handling/<int:pk>/take/", handling.take, name="take"),
    path("handling/<int:pk>/transfer/", handling.transfer, name="transfer"),
    path("handling/<int:pk>/parties-told/", handling.parties_told, name="parties_told"),
    path("transfers/", handling.transfer_list, name="transfers"),
    path("transfers/<int:pk>/decide/", handling.transfer_decide, name="transfer_decide"),
    path("attachments/<int:pk>/", handling.attachment, name="attachment"),
    # ODR enterprises
    path("odr/", odr.odr_list, name="odr"),
    path("odr/register/<int:pk>/", odr.odr_register, name="odr_register"),
    path("odr/<int:pk>/leave/", odr.odr_leave, name="odr_leave"),
    # The rules
    path("rules/", rules.rule_sets, name="rule_sets"),
    path("rules/<int:pk>/", rules.rule_set_edit, name="rule_set_edit"),
    path("routing/", rules.routing_rules, name="routing_rules"),
    path("routing/<int:pk>/toggle/", rules.routing_rule_toggle, name="routing_rule_toggle"),
]
