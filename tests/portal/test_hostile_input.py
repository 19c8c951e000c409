"""Hostile text typed into the main forms stays text: on every page, in the PDF, in exports.

One value carries HTML and script, an attribute break-out, SQL, full-width and zero-width
characters, mixed scripts and a right-to-left override. It goes in through the forms a
person uses (enterprise, pledge, declaration, certificate, report section, measure), then
every page that shows it is read as each role that may see it.
"""

import io
import re
import subprocess
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from enterprises.models import Certificate, Enterprise, Pledge, StandardDeclaration
from enterprises.services.pledges import PLEDGE
from portal.audit import acting_as
from reporting.defaults import ensure_default_rounds
from reporting.models import Measure, Milestone, ProgressReport, Round
from reporting.services import schedule
from reporting.services.reports import REPORT
from tests.factories import act_for, random_uscc

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
BREAK_OUT = '"><img src=x onerror=alert(1)>'
HOSTILE = (
    f"{SCRIPT} {BREAK_OUT} ' OR 1=1; DROP TABLE portal_user; -- "
    "＜ｓｃｒｉｐｔ＞全角 零\u200b宽\u200d字 Ωмир مرحبا 中文 \u202etxt.exe"
)
STORED = HOSTILE.replace("\u202e", "")  # bidi overrides are dropped on save (portal.text)
RAW = ("<script>alert", "<img src=x")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
FORMULA = '=HYPERLINK("http://x","y")'
PDF_SCAN = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TEN_MB = 10 * 1024 * 1024


def text_of(pdf):
    """The PDF's text as pdftotext extracts it, without the spaces and line breaks of layout
    and without the page numbers ("— 13 —") that a paragraph running over a page carries."""
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return re.sub(r"—\d+—", "", "".join(out.stdout.decode().split()))


def squeezed(text):
    return "".join(text.split())


def enterprise_form(**overrides):
    return {
        "uscc": random_uscc("440106"),
        "name": f"广州{HOSTILE}"[:200],
        "legal_representative": HOSTILE[:50],
        "address": HOSTILE,
        "former_names": HOSTILE,
        "status": "operating",
        "industry_section": "H",
        "industry_division": "62",
        "size": "small",
        "contact_name": FORMULA,
        "contact_phone": "+86-20-1",
        **overrides,
    }


def pledge_form(enterprise):
    return {
        "enterprise": enterprise.pk,
        "services": HOSTILE,
        "standards": HOSTILE,
        "response_hours": 2,
        "completion_days": 3,
        "pricing": HOSTILE,
        "after_sales": HOSTILE,
        "complaint_channel": HOSTILE,
        "complaint_phone": "020-12345678",
        "period_start": "2019-01-01",
        "period_end": "2020-12-31",
    }


def declaration_form(enterprise):
    return {
        "enterprise": enterprise.pk,
        "standard_number": "Q/GZ 001-2019",
        "standard_name": HOSTILE,
        "standard_type": "enterprise",
        "is_own_standard": "on",
        "service": HOSTILE[:100],
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "30",
        "indicators-0-name": HOSTILE[:100],
        "indicators-0-unit": "%",
        "indicators-0-declared_value": "98",
        "indicators-0-benchmark_value": "90",
        "indicators-0-higher_is_better": "on",
    }


def certificate_form(enterprise):
    return {
        "enterprise": enterprise.pk,
        "number": "CQC-2019-001",
        "certification_body": HOSTILE,
        "service": HOSTILE[:100],
        "scope_text": HOSTILE,
        "issued_on": "2019-01-01",
        "expires_on": "2022-01-01",
        "scan": SimpleUploadedFile("扫描件.pdf", PDF_SCAN),
    }


def measure_form():
    return {
        "task": 1,
        "kind": "platform",
        "name": HOSTILE[:200],
        "description": HOSTILE,
        "pilots": 0,
        "platforms": 1,
        "people_trained": 0,
        "bodies": 0,
        "started_on": "2019-04-01",
    }


def posted(response):
    """A form post that was accepted (a redirect), or the form's errors to read."""
    assert response.status_code == 302, response.context["form"].errors
    return response


@pytest.fixture
def report(db):
    """Guangdong's 2019 report, opened by the schedule."""
    ensure_default_rounds(Round, Milestone)
    with acting_as(source="task", label="test schedule"):
        schedule.run(date(2019, 11, 1))
    return ProgressReport.objects.get(round__due_date__year=2019, reporting_unit__code="440000")


@pytest.fixture
def typed(client_for, province_user, enterprise_user, report):
    """Everything typed through the forms: staff's enterprise, report and measure, the
    enterprise's pledge (published), declaration and certificate."""
    staff = client_for(province_user)
    posted(staff.post(reverse("enterprises:create"), enterprise_form()))
    enterprise = Enterprise.objects.get()
    posted(staff.post(reverse("reporting:measures"), measure_form()))
    sections = {"lock_version": report.lock_version}
    sections |= {f"{s['key']}": HOSTILE for s in report.round.sections if s["key"] != "attachments"}
    posted(staff.post(reverse("reporting:report_edit", args=[report.pk]), sections))

    act_for(enterprise_user, enterprise=enterprise)
    owner = client_for(enterprise_user)
    posted(owner.post(reverse("enterprises:pledge_create"), pledge_form(enterprise)))
    posted(owner.post(reverse("enterprises:declaration_create"), declaration_form(enterprise)))
    posted(owner.post(reverse("enterprises:certificate_create"), certificate_form(enterprise)))
    pledge = Pledge.objects.get()
    PLEDGE.apply(pledge, "submit", enterprise_user)
    PLEDGE.apply(pledge, "publish", province_user)
    report.refresh_from_db()
    return {
        "enterprise": enterprise,
        "pledge": pledge,
        "declaration": StandardDeclaration.objects.get(),
        "certificate": Certificate.objects.get(),
        "measure": Measure.objects.get(),
        "report": report,
    }


def test_the_forms_keep_the_text_as_typed_without_bidi_overrides(typed):
    assert typed["enterprise"].address == STORED
    assert typed["pledge"].latest_revision().services == STORED
    assert typed["report"].texts["task-1"] == STORED
    assert typed["measure"].description == STORED
    assert typed["certificate"].scope_text == STORED
    assert typed["declaration"].standard_name == STORED


def pages(typed):
    """(role, url) of every page that shows one of the typed objects."""
    enterprise, pledge, report = typed["enterprise"], typed["pledge"], typed["report"]
    declaration, certificate = typed["declaration"], typed["certificate"]
    staff = [
        reverse("enterprises:list"),
        reverse("enterprises:list") + "?q=广州",
        reverse("enterprises:detail", args=[enterprise.pk]),
        reverse("enterprises:edit", args=[enterprise.pk]),
        reverse("enterprises:pledge_review") + "?status=published",
        reverse("enterprises:pledge_detail", args=[pledge.pk]),
        reverse("enterprises:declarations") + "?front_runner=all",
        reverse("enterprises:declaration_detail", args=[declaration.pk]),
        reverse("enterprises:certificates"),
        reverse("enterprises:certificate_detail", args=[certificate.pk]),
        reverse("reporting:report", args=[report.pk]),
        reverse("reporting:report_edit", args=[report.pk]),
        reverse("reporting:measures"),
        reverse("reporting:measure_edit", args=[typed["measure"].pk]),
        reverse("portal:history", args=["enterprises", "enterprise", enterprise.pk]),
        reverse("portal:history", args=["reporting", "progressreport", report.pk]),
        reverse("portal:dashboard"),
    ]
    owner = [
        reverse("enterprises:mine"),
        reverse("enterprises:my_pledges"),
        reverse("enterprises:pledge_detail", args=[pledge.pk]),
        reverse("enterprises:pledge_edit", args=[pledge.pk]),
        reverse("enterprises:my_declarations"),
        reverse("enterprises:declaration_detail", args=[declaration.pk]),
        reverse("enterprises:declaration_edit", args=[declaration.pk]),
        reverse("enterprises:my_certificates"),
        reverse("enterprises:certificate_detail", args=[certificate.pk]),
        reverse("enterprises:certificate_edit", args=[certificate.pk]),
        reverse("portal:dashboard"),
    ]
    public = [
        reverse("enterprises:public_pledges"),
        reverse("enterprises:public_enterprise", args=[enterprise.uscc]),
        reverse("enterprises:public_declarations"),
        reverse("enterprises:public_declaration", args=[declaration.pk]),
    ]
    headquarters = [reverse("portal:audit"), reverse("reporting:report", args=[report.pk])]
    return {"staff": staff, "owner": owner, "public": public, "headquarters": headquarters}


def test_every_page_that_shows_the_text_escapes_it(
    typed, client, client_for, province_user, enterprise_user, hq_user
):
    users = {"staff": province_user, "owner": enterprise_user, "headquarters": hq_user}
    shown = []
    for role, urls in pages(typed).items():
        reader = client_for(users[role]) if role in users else client
        if role == "public":
            reader.logout()
        for url in urls:
            response = reader.get(url)
            assert response.status_code == 200, (role, url)
            html = response.content.decode()
            assert not any(raw in html for raw in RAW), (role, url)
            if ESCAPED in html:
                shown.append(url)
    unshown = [url for urls in pages(typed).values() for url in urls if url not in shown]
    assert unshown == []  # each page really shows the text, escaped


def test_the_pdf_prints_the_text_literally(typed, client_for, province_user):
    report = typed["report"]
    REPORT.apply(report, "review", province_user)
    REPORT.apply(report, "submit", province_user)
    client = client_for(province_user)
    job_url = client.post(reverse("reporting:report_pdf", args=[report.pk])).url

    pdf = b"".join(client.get(f"{job_url}download/").streaming_content)

    text = text_of(pdf)
    sections = len([key for key, value in report.texts.items() if value])
    assert text.count(SCRIPT) >= sections and text.count(squeezed(BREAK_OUT)) >= sections
    assert "DROPTABLEportal_user" in text and "＜ｓｃｒｉｐｔ＞全角" in text
    assert "Ωмир" in text and squeezed(typed["measure"].name)[:40] in text


def test_the_export_keeps_every_value_as_text(typed, client_for, province_user):
    response = client_for(province_user).get(reverse("enterprises:export"))

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    row = list(sheet[2])
    address = next(cell for cell in row if cell.value == STORED)
    contact = next(cell for cell in row if cell.value == FORMULA)
    phone = next(cell for cell in row if cell.value == "+86-20-1")
    assert address.data_type == "s"
    assert contact.data_type == "s" and contact.quotePrefix
    assert phone.data_type == "s" and phone.quotePrefix


def field_error(response):
    """The first field error shown on a form page."""
    return response.text.split('class="error" role="alert">', 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize(
    ("url_name", "form", "field", "limit", "label"),
    [
        ("enterprises:create", lambda e: enterprise_form(), "name", 200, "名称"),
        ("enterprises:create", lambda e: enterprise_form(), "address", 300, "住所"),
        ("enterprises:pledge_create", pledge_form, "services", 4000, "服务项目"),
        ("enterprises:certificate_create", certificate_form, "scope_text", 2000, "认证范围"),
        ("reporting:measures", lambda e: measure_form(), "description", 5000, "说明"),
    ],
)
def test_a_value_over_the_limit_is_refused_naming_the_field(
    client_for, province_user, enterprise_user, url_name, form, field, limit, label
):
    enterprise = act_for(enterprise_user, division_code="440106")
    writer = province_user if url_name.startswith(("enterprises:create", "reporting")) else None
    client = client_for(writer or enterprise_user)
    data = form(enterprise) | {field: "字" * (limit + 1)}

    response = client.post(reverse(url_name), data)

    assert response.status_code in (200, 400)
    error = field_error(response)
    assert label in error and str(limit) in error and str(limit + 1) in error


def test_a_ten_megabyte_report_section_is_refused_with_the_413_page(
    client_for, province_user, report
):
    client = client_for(province_user)
    url = reverse("reporting:report_edit", args=[report.pk])

    response = client.post(url, {"lock_version": report.lock_version, "task-1": "字" * TEN_MB})

    assert response.status_code == 413
    assert 'data-testid="error-page"' in response.text and "3 MB" in response.text
    report.refresh_from_db()
    assert report.texts.get("task-1", "") == ""


def test_a_ten_megabyte_api_body_is_refused_with_the_413_json(client_for, province_user, report):
    client = client_for(province_user)
    url = f"/api/v1/reporting/reports/{report.pk}/texts/"
    body = {"lock_version": report.lock_version, "texts": {"task-1": "x" * TEN_MB}}

    response = client.post(url, body, content_type="application/json")

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"
