"""One rule for who may change what: the edit page and the API give the same answer.

Finding 1 of issue 8: staff could PATCH an enterprise's certificate through the API
while its edit page refused them. Each role tries each editable object both ways.
"""

import pytest

from enterprises.models import Certificate, Enterprise, Pledge, StandardDeclaration
from enterprises.services import pledges as pledge_service
from tests import factories
from tests.factories import act_for, certificate, declaration, pledge_data

pytestmark = pytest.mark.django_db

ROLES = ("headquarters", "provincial", "other_province", "member", "stranger")
ALLOWED = {
    "enterprise": ("headquarters", "provincial"),
    "certificate": ("member",),
    "pledge": ("member",),
    "declaration": ("member",),
}
HIDDEN = {"other_province", "stranger"}  # outside their scope: 404, never 403


@pytest.fixture
def users(hq_user, province_user, other_province_user, enterprise_user):
    return {
        "headquarters": hq_user,
        "provincial": province_user,
        "other_province": other_province_user,
        "member": enterprise_user,
        "stranger": factories.enterprise_user(username="stranger"),
    }


@pytest.fixture
def objects(users):
    member = users["member"]
    enterprise = act_for(member)
    return {
        "enterprise": (enterprise, "/enterprises/{}/edit/", "/api/v1/enterprises/{}/",
                       {"name": "新名称餐饮有限公司"}),
        "certificate": (certificate(enterprise), "/enterprises/certificates/{}/edit/",
                        "/api/v1/certificates/{}/", {"expires_on": "2099-12-31"}),
        "pledge": (pledge_service.create_pledge(enterprise, member, pledge_data()),
                   "/enterprises/pledges/{}/edit/", "/api/v1/pledges/{}/",
                   {"services": "改写的服务内容"}),
        "declaration": (declaration(enterprise), "/enterprises/standards/{}/edit/",
                        "/api/v1/declarations/{}/", {"standard_name": "改写的标准名称"}),
    }  # fmt: skip


def expected(role, kind):
    if role in HIDDEN:
        return 404
    return 200 if role in ALLOWED[kind] else 403


def snapshot(obj):
    """What a refused write must leave unchanged (the pledge's content is on its revision)."""
    obj = type(obj).objects.get(pk=obj.pk)
    if isinstance(obj, Pledge):
        return obj.latest_revision().services, obj.status
    return obj.updated_at


@pytest.mark.parametrize("kind", sorted(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_page_and_api_agree(client_for, users, objects, role, kind):
    obj, page_url, api_url, change = objects[kind]
    client = client_for(users[role])
    page = client.get(page_url.format(obj.pk))
    before = snapshot(obj)
    api = client.patch(api_url.format(obj.pk), change, content_type="application/json")
    assert (page.status_code, api.status_code) == (expected(role, kind),) * 2, api.content
    if api.status_code != 200:
        assert snapshot(obj) == before
        assert api.json()["error"]["status"] == api.status_code


REFUSED_FILERS = [
    (role, kind)
    for kind in sorted(ALLOWED)
    for role in ("headquarters", "provincial", "member")
    if role not in ALLOWED[kind]
]


@pytest.mark.parametrize(("role", "kind"), REFUSED_FILERS)
def test_who_may_not_file_is_refused_on_both(client_for, users, objects, role, kind):
    enterprise = objects["enterprise"][0]
    pages = {
        "enterprise": "/enterprises/new/",
        "certificate": "/enterprises/certificates/new/",
        "pledge": "/enterprises/pledges/new/",
        "declaration": "/enterprises/standards/new/",
    }
    client = client_for(users[role])
    counts = {m: m.objects.count() for m in (Enterprise, Certificate, Pledge, StandardDeclaration)}
    page = client.get(pages[kind])
    api = client.post(
        f"/api/v1/{kind}s/", {"enterprise": enterprise.pk}, content_type="application/json"
    )
    assert (page.status_code, api.status_code) == (403, 403)
    assert counts == {m: m.objects.count() for m in counts}


def test_a_provincial_user_cannot_choose_the_reporting_unit(client_for, users, objects):
    enterprise = objects["enterprise"][0]
    zhejiang = users["other_province"].reporting_unit
    response = client_for(users["provincial"]).patch(
        f"/api/v1/enterprises/{enterprise.pk}/",
        {"reporting_unit": zhejiang.pk, "name": "改名"},
        content_type="application/json",
    )
    assert response.status_code == 200
    enterprise.refresh_from_db()
    assert (enterprise.name, enterprise.reporting_unit.code) == ("改名", "440000")
    page = client_for(users["provincial"]).get(f"/enterprises/{enterprise.pk}/edit/")
    assert 'name="reporting_unit"' not in page.content.decode()


def test_headquarters_may_choose_the_reporting_unit(client_for, users, objects):
    enterprise = objects["enterprise"][0]
    page = client_for(users["headquarters"]).get(f"/enterprises/{enterprise.pk}/edit/")
    assert 'name="reporting_unit"' in page.content.decode()
