"""Pages of the complaints app, mounted at /complaints/ by portal.urls."""

from django.urls import path

from .views import after_sales, handling, odr, public, publicity, rules, third_parties, trustworthy

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
    path("handling/<int:pk>/extend/", handling.extend, name="extend"),
    path("extensions/<int:pk>/decide/", handling.extension_decide, name="extension_decide"),
    path("transfers/", handling.transfer_list, name="transfers"),
    path("transfers/<int:pk>/decide/", handling.transfer_decide, name="transfer_decide"),
    path("attachments/<int:pk>/", handling.attachment, name="attachment"),
    # Complaint publicity: public tables, and the regulators' drafts
    path("publicity/", publicity.public_list, name="publicity"),
    path("publicity/<int:pk>/", publicity.public_detail, name="publicity_detail"),
    path(
        "publicity/<int:pk>/download.<str:file_format>",
        publicity.download,
        name="publicity_download",
    ),
    path("publicity/manage/", publicity.manage, name="publicity_manage"),
    path("publicity/manage/<int:pk>/", publicity.draft, name="publicity_draft"),
    path("publicity/manage/<int:pk>/compute/", publicity.compute, name="publicity_compute"),
    path("publicity/manage/<int:pk>/publish/", publicity.publish, name="publicity_publish"),
    path("publicity/manage/<int:pk>/action/", publicity.add_action, name="publicity_action"),
    # ODR enterprises
    path("odr/", odr.odr_list, name="odr"),
    path("odr/register/<int:pk>/", odr.odr_register, name="odr_register"),
    path("odr/<int:pk>/leave/", odr.odr_leave, name="odr_leave"),
    # Third-party mediation
    path("mediation-bodies/", third_parties.mediation_bodies, name="mediation_bodies"),
    path(
        "mediation-bodies/<int:pk>/toggle/",
        third_parties.mediation_body_toggle,
        name="mediation_body_toggle",
    ),
    path("handling/<int:pk>/refer/", third_parties.refer, name="refer"),
    path("referrals/<int:pk>/outcome/", third_parties.referral_outcome, name="referral_outcome"),
    # Advance compensation
    path("compensation/", third_parties.compensation_overview, name="compensation"),
    path("compensation/committed/", third_parties.commitments_public, name="committed"),
    path("compensation/commit/<int:pk>/", third_parties.commit, name="commit"),
    path("compensation/<int:pk>/withdraw/", third_parties.withdraw, name="withdraw"),
    path("compensation/<int:pk>/cases/", third_parties.record_case, name="record_case"),
    path("compensation/cases/<int:pk>/recovery/", third_parties.record_recovery, name="recovery"),
    # After-sales and quality guarantees
    path("after-sales/", after_sales.records, name="after_sales"),
    path("after-sales/<int:pk>/follow-up/", after_sales.follow_up, name="after_sales_follow_up"),
    # Trustworthy consumption
    path("trustworthy/", trustworthy.candidates, name="trustworthy"),
    path("trustworthy/models/", trustworthy.public_list, name="trustworthy_public"),
    path("trustworthy/apply/<int:pk>/", trustworthy.apply, name="trustworthy_apply"),
    path("trustworthy/<int:pk>/decide/", trustworthy.decide, name="trustworthy_decide"),
    # The rules
    path("rules/", rules.rule_sets, name="rule_sets"),
    path("retention/", rules.anonymisation_log, name="anonymisation_log"),
    path("rules/<int:pk>/", rules.rule_set_edit, name="rule_set_edit"),
    path("routing/", rules.routing_rules, name="routing_rules"),
    path("routing/<int:pk>/toggle/", rules.routing_rule_toggle, name="routing_rule_toggle"),
]
