"""The audit trail and the histories say what happened in words, in Chinese and in English.

A workflow step is named by its action's label and by the person who took it, a job by its
kind's name, the codes in a JSON field by their labels, a structured value by its size;
never a code such as ``submit``, ``reporting_pdf`` or ``{'service': 5}``.
"""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext as _

from credit import inspection_rules
from credit.services.risk_indicators import INDICATORS
from enterprises.services.pledges import PLEDGE
from portal import jobs
from portal.audit import acting_as, record_event
from portal.models import AuditEntry, Job, StatusLog
from tests import factories
from tests.logins import log_in

LANGUAGES = ["zh-hans", "en"]


def trail(client, language, **filters):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get("/audit/", filters).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_workflow_step_is_named_by_its_action_and_the_person_who_took_it(
    client, hq_user, province_user, enterprise_user, language
):
    enterprise = factories.EnterpriseFactory()
    factories.act_for(enterprise_user, enterprise)
    factories.published_pledge(enterprise, enterprise_user, province_user)  # outside a request
    log_in(client, hq_user)
    page = trail(client, language, object_repr="→")
    with translation.override(language):
        for action in ("submit", "publish"):
            assert f"<ins>{PLEDGE.transition(action).label}</ins>" in page
    assert "<ins>submit</ins>" not in page and "<ins>publish</ins>" not in page
    assert "workflow " not in page
    assert f"<td>{enterprise_user.username}</td>" in page
    assert f"<td>{province_user.username}</td>" in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_jobs_kind_and_the_codes_in_json_fields_are_named_by_their_labels(
    client, hq_user, language
):
    with acting_as(hq_user):
        job = jobs.start("reporting_pdf", "2019年进展情况报告", owner=hq_user)
        record_event(job, "download", kind=job.kind, file="report.pdf")
        factories.InspectorFactory(fields=["service_quality", "pricing"])
        factories.evaluation(aspects={"service": 5, "quality": 4, "environment": 3, "price": 2})
    log_in(client, hq_user)
    page = trail(client, language)
    with translation.override(language):
        assert f"<ins>{Job.KINDS['reporting_pdf']}</ins>" in page
        assert f"<ins>{_('Service quality')}, {_('Pricing')}</ins>" in page
        assert f"<ins>{_('Service attitude')}: 5; {_('Quality of the service')}: 4;" in page
    assert "reporting_pdf" not in page and "service_quality" not in page
    assert "&#x27;service&#x27;" not in page


def demo_codes():
    """The codes the demo's trail could show: recorded actions, job kinds, field codes."""
    logs = [m for m in apps.get_models() if issubclass(m, StatusLog)]
    actions = {a for log in logs for a in log.objects.values_list("action", flat=True)}
    fields = {code for code, _label in inspection_rules.field_choices()}
    return actions | set(Job.KINDS) | fields | {indicator.code for indicator in INDICATORS}


@pytest.mark.django_db
def test_no_entry_of_the_demos_trail_shows_a_code_in_either_language():
    call_command("seed_demo", verbosity=0)
    codes, shown = demo_codes(), []
    entries = list(AuditEntry.objects.select_related("content_type"))
    for language in LANGUAGES:
        with translation.override(language):
            for entry in entries:
                model = entry.content_type.model
                for label, before, after in entry.shown_changes:
                    for value in (str(before), str(after)):
                        if value in codes or value.startswith(("{", "[")):
                            shown.append((language, model, str(label), value[:60]))
                    if language == "zh-hans" and re.fullmatch(r"[a-z][a-z _]*", str(label)):
                        shown.append((language, model, "untranslated field", str(label)))
    assert sorted(set(shown)) == []
    assert len(codes) > 20
