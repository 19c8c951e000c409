"""The core knows no app: an app joins the portal through its AppConfig and discovered modules.

``tests.throwaway_app`` is installed only in the test settings; nothing in portal/
names it, yet it contributes figures, a navigation entry, a dashboard card and a page.
"""

import re
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps

from portal.audit import is_audited
from portal.discovery import project_app_labels
from portal.models import ReportingUnit
from reporting.metrics_registry import collect
from tests import logins

PORTAL = Path(__file__).resolve().parents[2] / "portal"
# Where the project is put together: INSTALLED_APPS and the beat schedule name the apps.
COMPOSITION = {"settings.py", "test_settings.py"}


def test_the_throwaway_app_is_a_project_app_from_its_own_config():
    assert "throwaway" in project_app_labels()
    assert {"portal", "enterprises", "reporting"} <= project_app_labels()
    assert "auth" not in project_app_labels() and "otp_totp" not in project_app_labels()


@pytest.mark.django_db
def test_the_throwaway_app_contributes_figures_to_a_report():
    unit = ReportingUnit.objects.get(code="440000")
    figures = collect(unit, date(2019, 1, 1), date(2019, 1, 31))
    throwaway = [f for f in figures if f["app"] == "throwaway"]
    assert throwaway == [
        {
            "task": 12,
            "key": "throwaway_days",
            "label": "Throwaway days counted",
            "value": 31,
            "unit": "days",
            "app": "throwaway",
        }
    ]


@pytest.mark.django_db
def test_headquarters_sees_the_throwaway_entry_and_card(client, hq_user):
    logins.log_in(client, hq_user)
    body = client.get("/dashboard/").content.decode()
    assert '<a href="/throwaway/"' in body or 'href="/throwaway/"' in body
    assert "Throwaway card" in body and "Throwaway figure" in body
    nav = re.search(r"<nav.*?</nav>", body, re.S).group(0)
    assert "Throwaway page" in nav
    assert client.get("/throwaway/").status_code == 200


@pytest.mark.django_db
def test_the_throwaway_entry_and_card_follow_their_roles(client, province_user):
    logins.log_in(client, province_user)
    body = client.get("/dashboard/").content.decode()
    assert "Throwaway" not in body
    assert client.get("/throwaway/").status_code == 403


def test_audited_apps_come_from_their_config():
    throwaway = apps.get_app_config("throwaway")
    session = apps.get_model("sessions", "Session")
    assert throwaway.audited is True
    assert is_audited(apps.get_model("enterprises", "Enterprise"))
    assert is_audited(apps.get_model("otp_totp", "TOTPDevice"))
    assert not is_audited(session)
    assert not is_audited(apps.get_model("portal", "AuditEntry"))


def naming_pattern():
    """An app other than the core named as a module, URL namespace, label or URL path."""
    names = "|".join(sorted(project_app_labels() - {"portal"}))
    return re.compile(rf"\b({names})[.:]\w|[\"'/]({names})[\"'/]")


def test_no_module_of_the_core_names_an_app():
    pattern = naming_pattern()
    naming = []
    for source in sorted(PORTAL.rglob("*.py")):
        if source.name in COMPOSITION or "migrations" in source.parts:
            continue
        for number, line in enumerate(source.read_text().splitlines(), 1):
            if pattern.search(line):
                naming.append(f"{source.relative_to(PORTAL)}:{number}: {line.strip()}")
    assert naming == []


def test_the_scan_finds_an_app_named_in_the_core():
    pattern = naming_pattern()
    assert pattern.search('    (_("Pledges"), "enterprises:pledge_review", STAFF),')
    assert pattern.search('apps.get_model("enterprises", "EnterpriseMembership")')
    assert pattern.search("from reporting.models import Round")
    assert pattern.search('"/monitoring/",')
    assert not pattern.search("the 37 reporting units of the campaign")
    assert not pattern.search('_("Import enterprises")')


@pytest.mark.django_db
def test_only_the_closest_menu_entry_is_marked_active(client, province_user):
    from portal.navigation import menu_for

    active = [
        item["url"] for item in menu_for(province_user, "/enterprises/claims/") if item["active"]
    ]
    assert active == ["/enterprises/claims/"]
    active = [item["url"] for item in menu_for(province_user, "/enterprises/42/") if item["active"]]
    assert active == ["/enterprises/"]
