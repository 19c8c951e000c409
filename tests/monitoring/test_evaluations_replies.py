"""The enterprise replies once, publicly, to each evaluation; it sees only its own."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from monitoring.models import EvaluationReply
from monitoring.services import evaluations
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_reply_is_published_with_the_evaluation(client_for, enterprise_user, client):
    evaluation = factories.evaluation(comment="等位太久。")
    factories.act_for(enterprise_user, evaluation.enterprise)
    member = client_for(enterprise_user)
    member.post(
        f"/monitoring/evaluations/{evaluation.pk}/reply/", {"text": "已增加座位，欢迎再来。"}
    )
    member.logout()
    page = client.get(f"/enterprises/public/pledges/{evaluation.enterprise.uscc}/")
    assert "已增加座位" in page.content.decode()


def test_a_second_reply_is_refused(client_for, enterprise_user):
    evaluation = factories.evaluation()
    factories.act_for(enterprise_user, evaluation.enterprise)
    evaluations.reply(evaluation, enterprise_user, "谢谢。")
    with pytest.raises(ValidationError):
        evaluations.reply(evaluation, enterprise_user, "再次感谢。")
    response = client_for(enterprise_user).post(
        f"/monitoring/evaluations/{evaluation.pk}/reply/", {"text": "第三次。"}, follow=True
    )
    assert "只能回复一次" in response.content.decode()
    assert list(EvaluationReply.objects.values_list("text", flat=True)) == ["谢谢。"]


def test_an_enterprise_cannot_reply_about_another_enterprise(client_for, enterprise_user):
    evaluation = factories.evaluation()
    factories.act_for(enterprise_user)
    with pytest.raises(PermissionDenied):
        evaluations.reply(evaluation, enterprise_user, "不是我们的。")
    response = client_for(enterprise_user).post(
        f"/monitoring/evaluations/{evaluation.pk}/reply/", {"text": "不是我们的。"}
    )
    assert response.status_code == 404 and not EvaluationReply.objects.exists()


def test_the_enterprise_sees_its_released_evaluations_only(client_for, enterprise_user):
    ours = factories.EnterpriseFactory()
    factories.act_for(enterprise_user, ours)
    released = factories.evaluation(ours, comment="不错。")
    held = factories.evaluation(ours, comment="不错。", address="192.0.2.1")
    elsewhere = factories.evaluation()
    page = client_for(enterprise_user).get("/monitoring/evaluations/mine/").context["page"]
    assert [e.pk for e in page] == [released.pk]
    assert held.status == "held" and elsewhere.pk != released.pk


def test_a_held_evaluation_takes_no_reply(enterprise_user):
    held = factories.held_evaluation()
    factories.act_for(enterprise_user, held.enterprise)
    assert not evaluations.may_reply(enterprise_user, held)
    with pytest.raises(ValidationError):
        evaluations.reply(held, enterprise_user, "这条评价是假的。")
    assert not EvaluationReply.objects.exists()
