"""Sign-up: the page never tells whether a username or an address has an account (issue 8, 5).

The account exists only once the link mailed to the address is followed; the owner of an
address that has an account is told by mail that someone tried to sign up with it.
"""

import re
import time

import pytest
from django.core import signing
from django.urls import reverse

from portal.models import User
from tests.factories import enterprise_user

pytestmark = pytest.mark.django_db

FORM = {"username": "huamei", "full_name": "王芳", "email": "wf@example.cn"}
PASSWORD = {"new_password1": "Hua-mei-2019!", "new_password2": "Hua-mei-2019!"}


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """Post the sign-up form (Chinese UI unless told) and follow to the page it answers with."""

    def post(language="zh-hans", **overrides):
        client.cookies["django_language"] = language
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("enterprises:signup"), {**FORM, **overrides})
        return response, client.get(response.url) if response.status_code == 302 else None

    return post


def link_in(message):
    return re.search(r"http://testserver(/enterprises/signup/\S+/)", message.body).group(1)


def answer(response, page):
    """What the visitor sees: the status, where it leads and the text of the page."""
    main = re.search(r"<main.*</main>", page.text, re.S).group(0)
    return response.status_code, response.url, re.sub(r"csrfmiddlewaretoken\S+", "", main)


def test_the_account_is_created_only_when_the_mailed_link_is_followed(client, sign_up, mailoutbox):
    response, page = sign_up()
    assert response.url == reverse("enterprises:signup_sent")
    assert "我们已向您填写的电子邮箱发送了一封邮件" in page.text
    assert not User.objects.filter(username="huamei").exists()

    (message,) = mailoutbox
    assert message.to == ["wf@example.cn"]
    assert message.subject == "完成服务业质量提升专项行动工作平台账号注册"
    link = link_in(message)
    assert "“huamei”" in client.get(link).text
    response = client.post(link, PASSWORD)
    assert response.status_code == 302 and response.url == reverse("enterprises:mine")
    user = User.objects.get(username="huamei")
    assert (user.role, user.email, user.full_name, user.language) == (
        "enterprise",
        "wf@example.cn",
        "王芳",
        "zh-hans",
    )
    assert user.check_password("Hua-mei-2019!")
    assert client.get(reverse("enterprises:mine")).status_code == 200

    client.logout()
    again = client.post(link, PASSWORD)
    assert again.status_code == 400 and "此链接已无法使用" in again.text


def test_the_answer_is_the_same_whether_the_username_or_address_exists_or_not(
    client, sign_up, mailoutbox
):
    fresh = answer(*sign_up())
    User.objects.all().delete()
    enterprise_user(username="huamei", email="someone@example.cn")
    taken_username = answer(*sign_up())
    taken_address = answer(*sign_up(username="other", email="SOMEONE@example.cn"))

    assert taken_username == fresh and taken_address == fresh
    assert User.objects.count() == 1


def test_the_owner_of_a_taken_address_is_told_by_mail_in_their_language(sign_up, mailoutbox):
    enterprise_user(username="wangfang", email="wf@example.cn", language="en")
    sign_up(username="impostor")

    (message,) = mailoutbox
    assert message.to == ["wf@example.cn"]
    assert message.subject == "Someone tried to sign up with your e-mail address"
    assert "your username is “wangfang”" in message.body
    assert "http://testserver/accounts/password_reset/" in message.body
    assert not User.objects.filter(username="impostor").exists()


def test_a_taken_username_is_told_only_to_the_address_given(sign_up, mailoutbox):
    enterprise_user(username="huamei", email="first@example.cn")
    sign_up(language="en")

    (message,) = mailoutbox
    assert message.to == ["wf@example.cn"]
    assert "That username is taken, so no account was created." in message.body
    assert "/enterprises/signup/\n" in message.body
    assert User.objects.filter(email="wf@example.cn").count() == 0


def test_the_english_sign_up_makes_an_english_account(client, sign_up, mailoutbox):
    sign_up(language="en")
    (message,) = mailoutbox
    assert message.subject == (
        "Finish creating your account on the Service Quality Campaign Portal"
    )
    client.post(link_in(message), PASSWORD)
    assert User.objects.get(username="huamei").language == "en"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "not-an-email"}, "请输入合法的邮件地址"),
        ({"username": ""}, "该字段是必填项"),
        ({"username": "hua mei"}, "请输入合法的用户名"),
    ],
)
def test_bad_input_is_refused_in_chinese(sign_up, mailoutbox, overrides, message):
    response, _page = sign_up(**overrides)
    assert response.status_code == 400 and message in response.text
    assert mailoutbox == []


def test_a_weak_password_is_refused_and_nothing_created(client, sign_up, mailoutbox):
    sign_up()
    response = client.post(link_in(mailoutbox[0]), {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 400 and "密码太短。密码必须包含至少 12 个字符。" in response.text
    assert not User.objects.filter(username="huamei").exists()


class _FourDaysAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 4 * 24 * 3600)


@pytest.mark.parametrize("kind", ["forged", "expired"])
def test_a_forged_or_expired_link_creates_nothing(client, kind):
    data = {"username": "huamei", "email": "wf@example.cn", "full_name": "王芳"}
    if kind == "forged":
        token = signing.dumps(data, salt="another purpose", compress=True)
    else:
        token = _FourDaysAgo(salt="enterprises.sign_up").sign_object(data, compress=True)
    url = reverse("enterprises:signup_confirm", args=[token])
    assert client.get(url).status_code == 400
    assert client.post(url, PASSWORD).status_code == 400
    assert not User.objects.filter(username="huamei").exists()


def english_in(page):
    """Runs of English words in the visible text of a page's main part."""
    main = re.search(r"<main.*</main>", page.text, re.S).group(0)
    text = re.sub(r"<[^>]+>", " ", main)
    return re.findall(r"[A-Za-z]{2,}(?: [A-Za-z]{2,})+", text)


def test_every_sign_up_page_is_all_chinese_in_the_chinese_ui(client, sign_up, mailoutbox):
    pages = [client.get(reverse("enterprises:signup"))]
    pages.append(sign_up(username="a b", email="x", full_name="")[0])
    pages.append(sign_up()[1])
    link = link_in(mailoutbox[0])
    pages.append(client.get(link))
    pages.append(client.post(link, {"new_password1": "1234", "new_password2": "1234"}))
    pages.append(client.get(reverse("enterprises:signup_confirm", args=["forged"])))
    assert [english_in(page) for page in pages] == [[]] * len(pages)
