"""A published draw re-run from the public page's figures alone, without the portal's code."""

import hashlib
import re
from html import unescape

import pytest
from django.urls import reverse

from credit.services import inspections
from tests import factories

pytestmark = pytest.mark.django_db


def rerun(candidates_txt, revealed, identifier, quotas, teams):
    """The independent implementation of docs/inspections.md: hashlib and the text only."""
    sha = lambda text: hashlib.sha256(text.encode("utf-8")).hexdigest()  # noqa: E731
    seed = sha(revealed + "\n" + identifier)
    groups = {}
    for line in candidates_txt.split("\n"):
        uscc, group = line.split("\t")
        groups.setdefault(group, []).append(uscc)
    drawn = {g: sorted(ids, key=lambda u: sha(seed + "\n" + u))[: quotas[g]] for g, ids in groups.items()}  # fmt: skip  # noqa: E501
    inspectors = {u: sorted(c, key=lambda n: sha(f"{seed}:{u}\n{n}"))[:k] for u, (c, k) in teams.items()}  # fmt: skip  # noqa: E501
    return seed, drawn, inspectors


def _text(html):
    return unescape(re.sub(r"<[^>]+>", " ", html)).split()


def test_a_citizen_re_runs_the_published_draw_and_gets_the_same_enterprises_and_inspectors(
    client, province_user
):
    for group, n in (("A", 30), ("C", 12), ("D", 5)):
        for _ in range(n):
            factories.risk_class(factories.EnterpriseFactory(), group)
    for _ in range(7):
        factories.InspectorFactory()
    plan = factories.inspection_plan(province_user, ratios={"A": "0.1", "C": "0.25", "B": "0"})
    inspections.publish(plan, province_user)
    page = client.get(reverse("credit:public_plan", args=[plan.pk])).content.decode()
    commitment = re.search(r'data-testid="commitment">([0-9a-f]{64})<', page).group(1)
    inspections.draw(plan, province_user)

    page = client.get(reverse("credit:public_plan", args=[plan.pk])).content.decode()
    listing = client.get(reverse("credit:public_candidates", args=[plan.pk])).content.decode()
    published_hash = re.search(r'data-testid="candidates-hash">([0-9a-f]{64})<', page).group(1)
    revealed = unescape(re.search(r'data-testid="revealed">([^<]+)<', page).group(1))
    identifier = re.search(r'data-testid="identifier">([^<]+)<', page).group(1)
    rows = re.findall(
        r'<tr data-group="(\w)">.*?class="quota">(\d+)</td><td class="drawn">([^<]*)</td>',
        page,
        re.S,
    )
    quotas = {g: int(q) for g, q, _ in rows}
    published = {g: d.split() for g, _, d in rows}
    teams, published_teams = {}, {}
    for match in re.finditer(
        r'<tr data-uscc="(\w+)"><td>.*?</td><td class="eligible" data-seed="[^"]*" '
        r'data-k="(\d+)">(.*?)</td><td class="inspector" data-certificate="(\w+)">',
        page,
        re.S,
    ):
        uscc, k, eligible, certificate = match.groups()
        teams[uscc] = (_text(eligible.replace("<br>", " ")), int(k))
        published_teams.setdefault(uscc, []).append(certificate)

    assert hashlib.sha256(revealed.encode()).hexdigest() == commitment
    assert hashlib.sha256(listing.encode()).hexdigest() == published_hash
    seed, drawn, drawn_inspectors = rerun(listing, revealed, identifier, quotas, teams)

    assert re.search(r'data-testid="seed">([0-9a-f]{64})<', page).group(1) == seed
    assert quotas == {"A": 3, "B": 0, "C": 3, "D": 4}  # ceil(0.8 × 5)
    assert {g: drawn.get(g, []) for g in quotas} == {g: published[g] for g in quotas}
    assert len(published_teams) == 10
    assert {u: sorted(c) for u, c in drawn_inspectors.items()} == {
        u: sorted(c) for u, c in published_teams.items()
    }
    expected = set(plan.inspections.values_list("enterprise__uscc", flat=True))
    assert expected == {u for ids in drawn.values() for u in ids}


def test_the_public_page_keeps_the_secret_until_the_draw(client, province_user):
    factories.risk_class(factories.EnterpriseFactory(), "D")
    factories.InspectorFactory()
    factories.InspectorFactory()
    plan = factories.inspection_plan(province_user)
    inspections.publish(plan, province_user)
    plan.refresh_from_db()

    page = client.get(reverse("credit:public_plan", args=[plan.pk])).content.decode()

    assert plan.commitment in page and plan.candidates_sha256 in page
    assert plan.secret not in page


def test_a_draft_plan_is_not_public(client, province_user):
    plan = factories.inspection_plan(province_user)
    assert client.get(reverse("credit:public_plan", args=[plan.pk])).status_code == 404
    assert client.get(reverse("credit:public_candidates", args=[plan.pk])).status_code == 404
