"""Login, logout, password change and reset as each role would use them."""

import re

import pytest

from tests.factories import PASSWORD
from tests.logins import authenticator, current_code, log_in


@pytest.mark.django_db
def test_login_with_password_and_code_lands_on_the_dashboard(client, province_user):
    device = authenticator(province_user)
    response = client.post("/accounts/login/", {"username": "gd", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    client.post("/accounts/verify/", {"token": current_code(device)})
    page = client.get("/dashboard/").content.decode()
    assert "广东省市场监督管理局" in page


@pytest.mark.django_db
def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(client, province_user):
    wrong = client.post("/accounts/login/", {"username": "gd", "password": "nope"})
    unknown = client.post("/accounts/login/", {"username": "no-such-user", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 200
    error = re.compile(r'<div class="form-errors".*?</div>', re.S)
    assert (
        error.search(wrong.content.decode()).group()
        == error.search(unknown.content.decode()).group()
    )


@pytest.mark.django_db
def test_an_inactive_account_cannot_log_in(client, province_user):
    province_user.is_active = False
    province_user.save()
    response = client.post("/accounts/login/", {"username": "gd", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_pages_need_a_login(client):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/dashboard/")


@pytest.mark.django_db
def test_logout_is_a_post(client, province_user):
    log_in(client, province_user)
    client.post("/accounts/logout/")
    assert client.get("/dashboard/").status_code == 302


@pytest.mark.django_db
def test_password_reset_mails_a_link_that_works(
    client, province_user, mailoutbox, django_capture_on_commit_callbacks
):
    province_user.email = "gd@example.cn"
    province_user.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password_reset/", {"email": "gd@example.cn"})
    assert response.status_code == 302
    (mail,) = mailoutbox
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"new_password1": "Brand-new-2020", "new_password2": "Brand-new-2020"}
    )
    assert response.status_code == 302
    province_user.refresh_from_db()
    assert province_user.check_password("Brand-new-2020")


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_reveals_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password_reset/", {"email": "nobody@example.cn"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password_reset/done/"
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_weak_new_password_is_refused_with_the_reason(client, province_user):
    log_in(client, province_user)
    response = client.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "密码" in response.content.decode()
    province_user.refresh_from_db()
    assert province_user.check_password(PASSWORD)


@pytest.mark.django_db
def test_english_can_be_chosen(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Log in" in client.get("/").content.decode()


@pytest.mark.django_db
def test_my_account_changes_the_name_and_the_mail_language(client_for, province_user):
    from portal.audit import history_for

    browser = client_for(province_user)
    page = browser.get("/accounts/me/").content.decode()
    assert province_user.username in page and "广东" in page
    response = browser.post("/accounts/me/", {"full_name": "李四", "language": "en"})
    assert response.status_code == 302
    province_user.refresh_from_db()
    assert (province_user.full_name, province_user.language) == ("李四", "en")
    assert history_for(province_user).filter(action="update", actor=province_user).exists()
    assert "My account" in browser.get("/accounts/me/").content.decode()


@pytest.mark.django_db
def test_my_account_refuses_an_unknown_language_and_keeps_the_name(client_for, province_user):
    response = client_for(province_user).post(
        "/accounts/me/", {"full_name": "李四", "language": "klingon"}
    )
    assert response.status_code == 200
    assert "klingon" in response.content.decode()
    province_user.refresh_from_db()
    assert province_user.language != "klingon" and province_user.full_name != "李四"


@pytest.mark.django_db
def test_my_account_needs_a_login(client):
    assert client.get("/accounts/me/").status_code == 302
