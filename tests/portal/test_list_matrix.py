"""Lists and choices in the role x route matrix: every page and every API list shows a user
only rows in their scope, and every choice of objects offers and accepts only those.

Routes are found by the URL resolver and the API router (as in test_route_matrix), so a new
list or a new form with a ModelChoiceField is checked without being named here. Marker objects
of every model are made in Guangdong (440000) and Zhejiang (330000); their enterprises are
called "标记企业<unit>-<n>号", so a page that leaks one shows its name.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.paginator import Page
from django.db import transaction
from django.db.models import Model, QuerySet
from django.forms import BaseForm, BaseFormSet, BaseModelFormSet, ModelChoiceField
from django.utils.functional import SimpleLazyObject
from django_filters import FilterSet

from enterprises.models import Enterprise, EnterpriseMembership, Pledge
from portal.scoping import public_rows, scope_of, scoped
from tests import factories, scope_objects
from tests.portal.test_route_matrix import PLAIN, PUBLIC, request

API_LISTS = [
    route
    for route in PLAIN
    if route.name.endswith("-list") and "get" in getattr(route.pattern.callback, "actions", {})
]
PAGES = [route for route in PLAIN if not route.name.endswith("-list")]
MARKER_UNITS = ("440000", "330000")
# Pages that show another unit's operator by design: a transfer offers the receiving unit
# a complaint about an operator the sender found in its registry (first-inquiry duty).
SHOWS_SENDERS_OPERATORS = {"complaints:transfers"}
# One worker runs the whole module, so the markers are made once, not once per switch.
pytestmark = pytest.mark.xdist_group("list_matrix")


@pytest.fixture(scope="module")
def markers(django_db_setup, django_db_blocker):
    """One object of every model in each of the two units; the pledges wait for review.

    Made once per module inside a transaction that is rolled back after the last test:
    each test runs in a savepoint of it, so tests still cannot see each other's writes.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            made = {
                unit: [scope_objects.make_model(label, unit) for label in scope_objects.MAKERS]
                for unit in MARKER_UNITS
            }
            Pledge.objects.update(status=Pledge.Status.SUBMITTED)
            yield made | {"viewers": _make_viewers()}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def viewers(db, markers):
    return markers["viewers"]


def _make_viewers():
    """A user of each role; the enterprise user acts for one Guangdong marker enterprise."""
    acting_for = Pledge.objects.filter(enterprise__reporting_unit__code="440000").first().enterprise
    member = factories.enterprise_user()
    EnterpriseMembership.objects.create(
        user=member, enterprise=acting_for, status=EnterpriseMembership.Status.APPROVED
    )
    return {
        "headquarters": factories.headquarters_user(),
        "provincial": factories.provincial_user("440000"),
        "enterprise": member,
        "anonymous": None,
    }


def _instances_and_forms(value, found, depth=0):
    """Collect the model instances and forms a template context holds, a few levels deep."""
    if depth > 3 or value is None or isinstance(value, str | bytes | int | float):
        return
    if isinstance(value, Model | SimpleLazyObject) and hasattr(value, "_meta"):
        found["objects"].append(value)
    elif isinstance(value, QuerySet):
        found["objects"].extend(o for o in value[:500] if isinstance(o, Model))
    elif isinstance(value, Page):
        _instances_and_forms(list(value.object_list), found, depth + 1)
    elif isinstance(value, BaseFormSet):
        # A model formset's hidden id names the row being edited, not a choice; the formset
        # looks it up in its own queryset.
        pk_name = value._pk_field.name if isinstance(value, BaseModelFormSet) else None
        found["forms"].extend((form, False, pk_name) for form in value.forms)
    elif isinstance(value, BaseForm):
        found["forms"].append((value, False, None))
    elif isinstance(value, FilterSet):
        found["forms"].append((value.form, True, None))
        _instances_and_forms(value.qs, found, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            _instances_and_forms(item, found, depth + 1)
    elif isinstance(value, list | tuple | set):
        for item in value:
            _instances_and_forms(item, found, depth + 1)


def _contexts(value):
    if isinstance(value, list):
        for item in value:
            yield from _contexts(item)
    elif value is not None:
        yield value


def shown(response):
    """What a page's templates were given: objects, write forms and filter forms."""
    found = {"objects": [], "forms": []}
    for context in _contexts(response.context):
        for layer in context.dicts:
            for key, value in layer.items():
                if key not in ("request", "view", "perms", "csrf_token", "messages"):
                    _instances_and_forms(value, found)
    return found


def readable(model, user, public_too):
    """The rows of a model the user may read (public rows count on public pages)."""
    rows = model._default_manager.all()
    if user is None:
        return public_rows(rows)
    visible = scoped(rows, user)
    return visible | public_rows(rows) if public_too else visible


def choosable(model, user):
    """The rows a user may pick in a form that writes: within their own unit for provincial
    staff (reference data too: a division of another province is not theirs to choose)."""
    rows = model._default_manager.all()
    scope = scope_of(model)
    if user.is_provincial and scope.jurisdiction:
        return rows.filter(scope.jurisdiction_q(user.agency.reporting_unit_id))
    return scoped(rows, user)


def outside_objects(user):
    """Every marker enterprise the user may not see, by the names a page would show."""
    visible = scoped(Enterprise.objects.all(), user) if user else Enterprise.objects.none()
    return Enterprise.objects.filter(name__startswith="标记企业").exclude(pk__in=visible)


def _get(client, user, url):
    return request(client, user or _anonymous(), "get", url)


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.mark.django_db
@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.name)
def test_pages_show_only_rows_in_the_viewers_scope(client, viewers, route):
    url = route.url()
    public = route.name in PUBLIC
    for role, user in viewers.items():
        response = _get(client, user, url)
        if response.status_code != 200:
            continue
        found = shown(response)
        for obj in found["objects"]:
            if obj.pk is None or role == "headquarters" or scope_of(obj._meta.model).everyone:
                continue
            allowed = readable(obj._meta.model, user, public)
            assert allowed.filter(pk=obj.pk).exists(), (
                f"{url} shows {role} {obj._meta.label} {obj.pk} ({obj}), outside their scope"
            )
        if (
            not public
            and route.name not in SHOWS_SENDERS_OPERATORS
            and response["Content-Type"].startswith("text/html")
        ):
            content = response.content.decode()
            for enterprise in outside_objects(user):
                assert enterprise.name not in content, (
                    f"{url} shows {role} the enterprise {enterprise.name} of "
                    f"{enterprise.reporting_unit.code}, outside their scope"
                )


def _scoped_rows(response):
    objects = shown(response)["objects"]
    return {(o._meta.model, o.pk) for o in objects if not scope_of(o._meta.model).everyone}


@pytest.mark.django_db
@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.name)
def test_provincial_lists_show_every_row_of_their_unit_headquarters_sees(client, viewers, route):
    """Narrowed, not emptied: a province sees its own rows of the list headquarters sees."""
    url = route.url()
    hq = _get(client, viewers["headquarters"], url)
    gd = _get(client, viewers["provincial"], url)
    if hq.status_code != 200 or gd.status_code != 200:
        return
    hq_rows = {
        (o._meta.model, o.pk) for o in shown(hq)["objects"] if not scope_of(o._meta.model).everyone
    }
    gd_rows = {
        (o._meta.model, o.pk) for o in shown(gd)["objects"] if not scope_of(o._meta.model).everyone
    }
    expected = {
        (model, pk)
        for model, pk in hq_rows
        if readable(model, viewers["provincial"], route.name in PUBLIC).filter(pk=pk).exists()
    }
    assert expected <= gd_rows, f"{url} hides rows of Guangdong from Guangdong's staff"


def test_the_list_checks_see_the_lists_of_every_app():
    names = {route.name for route in PAGES}
    assert {
        "enterprises:list", "enterprises:pledge_review", "enterprises:certificates",
        "enterprises:declarations", "enterprises:claims", "enterprises:recognitions",
        "reporting:rounds", "reporting:measures", "portal:audit",
    } <= names  # fmt: skip
    assert {"enterprise-list", "pledge-list", "reporting-report-list", "auditentry-list"} <= {
        route.name for route in API_LISTS
    }


@pytest.mark.django_db
@pytest.mark.parametrize("route", API_LISTS, ids=lambda r: r.name)
def test_api_lists_return_exactly_the_rows_in_scope(client, viewers, route):
    model = _api_model(route)
    if scope_of(model).everyone:
        return
    url = route.url()
    for role, user in viewers.items():
        ids = _every_id(client, user, url)
        if ids is None:
            continue
        expected = set(readable(model, user, False).values_list("pk", flat=True))
        assert ids == expected, f"{url} as {role}: {sorted(ids)} instead of {sorted(expected)}"


def _every_id(client, user, url):
    """The ids of every page of an API list, following its ``next`` links (None if refused)."""
    ids = set()
    while url:
        response = _get(client, user, url)
        if response.status_code != 200:
            return None
        body = response.json()
        ids |= {row["id"] for row in body["results"]}
        url = body["next"]
    return ids


def _api_model(route):
    view = route.pattern.callback.cls
    return view.queryset.model if view.queryset is not None else view().get_base_queryset().model


def _field_rejects(field, pk):
    try:
        field.clean(pk)
    except ValidationError:
        return True
    return False


@pytest.mark.django_db
@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.name)
def test_forms_offer_and_accept_only_objects_in_scope(client, viewers, route):
    url = route.url()
    for role, user in viewers.items():
        if role in ("headquarters", "anonymous"):
            continue
        response = _get(client, user, url)
        if response.status_code != 200:
            continue
        found = shown(response)
        for form, is_filter, row_id in found["forms"]:
            for name, field in form.fields.items():
                if not isinstance(field, ModelChoiceField) or name == row_id:
                    continue
                if getattr(field, "anywhere", False):
                    continue  # a place the form is about (a complaint's operator), not an object
                model = field.queryset.model
                allowed = readable(model, user, False) if is_filter else choosable(model, user)
                if is_filter and scope_of(model).everyone:
                    continue
                offered = set(field.queryset.values_list("pk", flat=True))
                extra = offered - set(allowed.values_list("pk", flat=True))
                assert not extra, f"{url}: {role} may choose {model._meta.label} {sorted(extra)}"
                for outside in model._default_manager.exclude(pk__in=allowed)[:3]:
                    assert _field_rejects(field, outside.pk), (
                        f"{url}: {role} chose {model._meta.label} {outside.pk} in {name}"
                    )


@pytest.mark.django_db
def test_the_walk_reaches_the_choice_fields_of_forms_and_filters(client, viewers):
    """The checks above look at what the context walk finds; it must find the choices."""

    def choice_fields(user, url):
        found = shown(_get(client, user, url))
        return {name for form, _f, _id in found["forms"] for name, field in form.fields.items()
                if isinstance(field, ModelChoiceField)}  # fmt: skip

    assert "enterprise" in choice_fields(viewers["enterprise"], "/enterprises/pledges/new/")
    assert "division" in choice_fields(viewers["provincial"], "/enterprises/new/")
    assert "reporting_unit" in choice_fields(viewers["headquarters"], "/enterprises/")
