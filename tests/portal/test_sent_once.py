"""Forms that create something carry a one-time token (portal.once): sent twice, one result."""

import datetime
import re
import threading
from uuid import uuid4

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from complaints.models import Complaint
from enterprises.models import EnterpriseMembership, Pledge
from portal import once
from portal.models import SentForm
from tests.complaints.test_pages import form_data as complaint_data
from tests.enterprises.test_pledges_views import form_data as pledge_data
from tests.factories import EnterpriseFactory, act_for, enterprise_user
from tests.logins import log_in

ALREADY = "此表单已经提交并已处理"
NEW = "/enterprises/pledges/new/"


def token(page):
    """The one-time token the served form carries."""
    return re.search(r'name="once" value="([^"]+)"', page)[1]


def at_once(posts):
    """Run the posts at the same moment, each in its own thread and database connection."""
    start = threading.Barrier(len(posts))
    responses = []

    def run(post):
        start.wait()
        try:
            responses.append(post())
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(post,)) for post in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


@pytest.mark.django_db
def test_a_pledge_form_sent_twice_in_a_row_files_one_pledge_and_says_so(client_for):
    user = enterprise_user(username="ent")
    enterprise = act_for(user)
    client = client_for(user)
    form = client.get(NEW).text
    data = pledge_data(enterprise=enterprise.pk, once=token(form))

    first = client.post(NEW, data, follow=True)
    second = client.post(NEW, data, follow=True)

    pledge = Pledge.objects.get()
    detail = f"/enterprises/pledges/{pledge.pk}/"
    assert first.redirect_chain == second.redirect_chain == [(detail, 302)]
    assert ALREADY not in first.text and ALREADY in second.text
    # a new form is a new pledge
    again = client.get(NEW).text
    client.post(NEW, {**data, "once": token(again)})
    assert Pledge.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
def test_the_second_post_is_explained_in_english_too(client_for):
    user = enterprise_user(username="ent")
    enterprise = act_for(user)
    client = client_for(user)
    data = pledge_data(enterprise=enterprise.pk, once=token(client.get(NEW).text))
    client.post(NEW, data)
    second = client.post(NEW, data, follow=True)
    assert "This form was already sent" in second.text


@pytest.mark.django_db
def test_a_refused_post_spends_no_token(client_for):
    user = enterprise_user(username="ent")
    enterprise = act_for(user)
    client = client_for(user)
    data = pledge_data(enterprise=enterprise.pk, once=token(client.get(NEW).text))
    client.post(NEW, {**data, "period_end": "2000-01-01"})
    assert not SentForm.objects.exists()
    client.post(NEW, data)
    assert Pledge.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_one_complaint_form_sent_twice_at_once_is_one_complaint():
    page = Client().get("/complaints/").text
    data = complaint_data(once=token(page))
    pages = at_once([lambda: Client().post("/complaints/", data) for _ in range(2)])
    assert Complaint.objects.count() == 1
    assert sorted(p.status_code for p in pages) == [302, 302]
    assert len({p["Location"] for p in pages}) == 1  # both go to the one complaint's codes


@pytest.mark.django_db(transaction=True)
def test_one_claim_form_sent_twice_at_once_is_one_claim():
    user = enterprise_user(username="ent")
    enterprise = EnterpriseFactory()
    clients = [log_in(Client(), user), log_in(Client(), user)]
    form = clients[0].get(reverse("enterprises:mine")).text
    data = {"uscc": enterprise.uscc, "note": "", "once": token(form)}
    pages = at_once([lambda c=c: c.post(reverse("enterprises:mine"), data) for c in clients])
    assert EnterpriseMembership.objects.filter(user=user).count() == 1
    assert sorted(p.status_code for p in pages) == [302, 302]


@pytest.mark.django_db
def test_spent_tokens_are_forgotten_after_the_configured_days(settings):
    settings.PORTAL_SENT_FORM_DAYS = 7
    now = timezone.now()
    old, recent = SentForm.objects.create(key=uuid4()), SentForm.objects.create(key=uuid4())
    SentForm.objects.filter(pk=old.pk).update(sent_at=now - datetime.timedelta(days=7, seconds=1))
    SentForm.objects.filter(pk=recent.pk).update(sent_at=now - datetime.timedelta(days=6, hours=23))
    assert once.forget_spent(now) == 1
    assert list(SentForm.objects.values_list("pk", flat=True)) == [recent.pk]
