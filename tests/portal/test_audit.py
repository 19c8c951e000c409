"""The one audit trail: every write by a person is recorded, append-only, browsable by HQ."""

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction

from portal.audit import acting_as
from portal.discovery import project_app_labels
from portal.models import AuditEntry
from tests import factories, scope_objects
from tests.factories import PASSWORD
from tests.logins import log_in

AUDITED_MODELS = [
    model
    for model in apps.get_models()
    if model._meta.app_label in project_app_labels()
    and model._meta.label not in ("portal.AuditEntry", "portal.Job", "portal.SentForm")
    and model._meta.label in scope_objects.MAKERS
    and not scope_objects.scope_of_model_is_reference(model)
]
# Rows written by a security event are recorded as that event, not as a plain create.
CREATED_BY_EVENT = {"portal.LoginThrottle": "login_failed", "portal.ApiToken": "token_issue"}


@pytest.mark.django_db
@pytest.mark.parametrize("model", AUDITED_MODELS, ids=lambda m: m._meta.label)
def test_every_model_records_who_created_it(model, province_user):
    with acting_as(province_user, source="web"):
        obj = scope_objects.make(model, "440000")
    entry = AuditEntry.objects.filter(
        content_type__model=model._meta.model_name,
        object_id=str(obj.pk),
        action=CREATED_BY_EVENT.get(model._meta.label, "create"),
    ).first()
    assert entry is not None, f"creating a {model._meta.label} left no creation entry"
    assert entry.actor == province_user


@pytest.mark.django_db
def test_admin_change_records_before_and_after(client):
    admin = factories.headquarters_user(username="root", is_staff=True, is_superuser=True)
    agency = factories.agency("440000")
    log_in(client, admin)
    response = client.post(
        f"/admin/portal/agency/{agency.pk}/change/",
        {
            "kind": "market",
            "reporting_unit": agency.reporting_unit_id,
            "name": "广东省市场监督管理局（知识产权局）",
            "name_en": agency.name_en,
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_id=str(agency.pk), action="update")
    assert entry.source == "admin"
    assert entry.actor == admin
    assert entry.changes["name"] == ["广东省市场监督管理局", "广东省市场监督管理局（知识产权局）"]
    assert entry.reporting_unit.code == "440000"


@pytest.mark.django_db
def test_password_change_is_recorded_without_the_password(client, province_user):
    log_in(client, province_user)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "Longer-pass-2020",
            "new_password2": "Longer-pass-2020",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_id=str(province_user.pk), action="update")
    assert entry.source == "web"
    before, after = entry.changes["password"]
    assert before.startswith("***") and after.startswith("***") and before != after
    assert "Longer-pass-2020" not in str(entry.changes)


@pytest.mark.django_db
def test_deletion_is_recorded_with_the_values_it_had(province_user):
    enterprise = scope_objects.enterprise("440000", name="将被删除的企业")
    pk = enterprise.pk
    with acting_as(province_user, source="web"):
        enterprise.delete()
    entry = AuditEntry.objects.get(object_id=str(pk), action="delete")
    assert entry.changes["name"] == ["将被删除的企业", None]


@pytest.mark.django_db
def test_writes_with_nobody_acting_are_not_attributed_to_anyone():
    scope_objects.enterprise("440000")
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_entries_are_append_only(province_user):
    with acting_as(province_user):
        scope_objects.enterprise("440000")
    entry = AuditEntry.objects.get()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(actor_label="someone else")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE portal_auditentry SET actor_label = 'x'")


@pytest.mark.django_db
def test_headquarters_browse_and_filter_the_trail(client, hq_user, province_user):
    with acting_as(province_user):
        scope_objects.enterprise("440000", name="广州甲餐饮有限公司")
        scope_objects.enterprise("330000", name="杭州乙酒店有限公司")
    log_in(client, hq_user)
    page = client.get("/audit/", {"object_repr": "杭州"}).content.decode()
    assert "杭州乙酒店有限公司" in page
    assert "广州甲餐饮有限公司" not in page


@pytest.mark.django_db
def test_only_headquarters_open_the_trail(client, province_user):
    log_in(client, province_user)
    assert client.get("/audit/").status_code == 403
    assert client.get("/api/v1/audit/").status_code == 403


@pytest.mark.django_db
def test_an_objects_history_is_shown_only_within_scope(client, province_user, other_province_user):
    with acting_as(province_user):
        enterprise = scope_objects.enterprise("440000", name="历史记录测试企业")
    url = f"/history/enterprises/enterprise/{enterprise.pk}/"
    log_in(client, province_user)
    response = client.get(url)
    assert response.status_code == 200
    assert "历史记录测试企业" in response.content.decode()
    log_in(client, other_province_user)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_derived_fields_stay_out_of_the_trail(province_user):
    with acting_as(province_user):
        enterprise = scope_objects.enterprise("440000", name="派生字段测试企业")
    entry = AuditEntry.objects.get(object_id=str(enterprise.pk), action="create")
    assert "name" in entry.changes
    assert "name_bigrams" not in entry.changes


@pytest.mark.django_db
def test_bulk_created_rows_get_one_entry_each_with_their_values(province_user):
    from enterprises.models import Enterprise
    from portal.audit import record_created

    rows = [scope_objects.enterprise("440000", name=f"批量创建企业{n}") for n in range(3)]
    with acting_as(province_user, source="task"):
        assert record_created(Enterprise, [e.pk for e in rows], repr_field="name") == 3
    entries = AuditEntry.objects.filter(action="create").order_by("object_id")
    assert [e.object_repr for e in entries] == [e.name for e in rows]
    first = entries[0]
    assert first.actor == province_user and first.source == "task"
    assert first.reporting_unit.code == "440000"
    assert first.changes["name"] == [None, "批量创建企业0"]
    assert first.changes["uscc"] == [None, rows[0].uscc]
    assert "name_bigrams" not in first.changes and "id" not in first.changes


@pytest.mark.django_db
def test_a_history_names_fields_and_choices_in_words(client, province_user):
    with acting_as(province_user):
        enterprise = scope_objects.enterprise("440000", name="字段名称测试企业")
        enterprise.status = "deregistered"
        enterprise.save()
    log_in(client, province_user)
    page = client.get(f"/history/enterprises/enterprise/{enterprise.pk}/").content.decode()
    assert "<dt>名称</dt>" in page and "<dt>行业门类（GB/T 4754-2017）</dt>" in page
    assert "<dt>经营状态</dt><dd><del>在营</del> → <ins>注销</ins></dd>" in page
    assert "<dt>name</dt>" not in page and "deregistered" not in page


@pytest.mark.django_db
def test_the_trail_names_an_event_and_a_status_change_in_words(client, hq_user):
    from reporting.models import ReportStatusChange

    with acting_as(hq_user):
        report = scope_objects.make_model("reporting.ProgressReport", "440000")
        change = ReportStatusChange.objects.create(
            report=report, action="submit", from_status="draft", to_status="submitted"
        )
    assert str(change) == "草稿 → 已提交"
    client.post("/accounts/login/", {"username": hq_user.username, "password": PASSWORD})
    log_in(client, hq_user)  # the login above is an event with the detail "address"
    page = client.get("/audit/", {"action": "login"}).content.decode()
    assert "<dt>IP 地址</dt>" in page and "<dt>address</dt>" not in page
    logged = client.get("/audit/", {"object_repr": "已提交"}).content.decode()
    assert "<ins>草稿</ins>" in logged and "<ins>已提交</ins>" in logged
    assert "<ins>submitted</ins>" not in logged


@pytest.mark.django_db
def test_the_trail_names_a_librarys_model_and_fields_in_chinese(client, hq_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with acting_as(hq_user):
        TOTPDevice.objects.create(user=hq_user, name="备用设备")
    log_in(client, hq_user)
    page = client.get("/audit/", {"action": "create"}).content.decode()
    assert "动态口令设备 · 备用设备" in page and "<dt>连续失败次数</dt>" in page
    assert "TOTP device" not in page and "throttling failure count" not in page
