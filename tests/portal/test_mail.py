"""portal.mail: sent after commit, a one-line subject, the language the reader chose."""

import re

import pytest
from django.db import transaction

from portal import mail
from portal.models import User
from reporting.models import Round
from tests import factories
from tests.logins import log_in

pytestmark = pytest.mark.django_db


class RolledBack(Exception):
    pass


@pytest.fixture
def round_2019():
    return Round.objects.get(due_date="2019-11-30")


def report_of(round_):
    return round_.reports.create(reporting_unit=factories.unit("440000"))


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_when_the_transaction_rolls_back(round_2019, mailoutbox):
    user = factories.provincial_user("440000", email="gd@example.cn")
    context = {"report": report_of(round_2019), "reason": ""}
    with pytest.raises(RolledBack), transaction.atomic():
        mail.send("report_status", [user], context)
        raise RolledBack
    assert mailoutbox == []

    with transaction.atomic():
        mail.send("report_status", [user], context)
        assert mailoutbox == []
    assert [m.to for m in mailoutbox] == [["gd@example.cn"]]


def test_the_subject_is_one_line_and_nothing_is_html_escaped(round_2019):
    round_2019.title = "2019年\n服务业质量提升\r\n报告"
    context = {"round": round_2019, "unit": 'R&D <"广东">'}
    subject, body = mail.render("report_due", "zh-hans", context)
    assert subject == "今日截止：2019年 服务业质量提升 报告"
    assert body.startswith('R&D <"广东">：')


def test_a_plain_address_is_written_to_in_its_language(
    round_2019, mailoutbox, django_capture_on_commit_callbacks
):
    context = {"round": round_2019, "unit": "广东省"}
    with django_capture_on_commit_callbacks(execute=True):
        sent = mail.send(
            "report_due",
            [mail.Address("a@example.cn"), mail.Address("b@example.com", "en"), mail.Address("")],
            context,
        )
    assert sent == 2
    assert [(m.to, m.subject[:5]) for m in mailoutbox] == [
        (["a@example.cn"], "今日截止："),
        (["b@example.com"], "Due t"),
    ]


def test_switching_language_while_logged_in_sets_the_mail_language(client, enterprise_user):
    assert enterprise_user.language == "zh-hans"
    log_in(client, enterprise_user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert User.objects.get(pk=enterprise_user.pk).language == "en"
    assert client.get("/").headers["Content-Language"] == "en"


def test_switching_language_anonymously_still_works(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.get("/").headers["Content-Language"] == "en"


def test_password_reset_mail_is_in_the_users_language(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    factories.provincial_user("440000", email="zh@example.cn")
    factories.provincial_user("330000", email="en@example.com", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password_reset/", {"email": "zh@example.cn"})
        client.post("/accounts/password_reset/", {"email": "en@example.com"})

    chinese, english = mailoutbox
    assert chinese.subject == "服务业质量提升专项行动工作平台密码重置"
    assert english.subject == "Password reset for the Service Quality Campaign Portal"
    assert "Open this link to choose a new password:" in english.body
    assert re.search(r"http://testserver/accounts/reset/\S+/", chinese.body)
