"""Import of historical five-class risk classes: preview by row, history rows, rejected rows."""

import io

import openpyxl
import pytest
from django.urls import reverse

from credit.models import EnterpriseRiskClass, RiskClassHistory
from portal.models import Job
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def csv_file(lines, name="classes.csv"):
    upload = io.BytesIO("\n".join(lines).encode("utf-8"))
    upload.name = name
    return upload


def test_historical_classes_are_imported_as_history_with_their_letter(client_for, province_user):
    guangdong = factories.EnterpriseFactory()
    zhejiang = factories.EnterpriseFactory(division_code="330106")
    client = client_for(province_user)
    lines = [
        "统一社会信用代码,分类,分类日期,备注",
        f"{guangdong.uscc},E,2019,广东省2019年五级分类",
        f"{zhejiang.uscc},A,2019-06-30,",
        f"{guangdong.uscc},F,2019-06-30,",
        "91440101MA5XXXXX,B,2019,",
        f"{guangdong.uscc},B,2099-01-01,",
    ]
    preview = client.post(reverse("credit:risk_import"), {"file": csv_file(lines)})
    text = preview.content.decode()
    assert "1 rows can be imported, 4 rows are rejected." in text
    assert "Row 3: USCC: " in text and "not in the registry of your jurisdiction" in text
    assert "Row 4: Class: F is not one of A, B, C, D, E." in text
    assert "Row 6: Date classified: 2099-01-01 is in the future." in text
    token = preview.context["token"]
    response = client.post(reverse("credit:risk_import_start"), {"token": token})
    job = Job.objects.get()
    assert response.url == job.get_absolute_url() and job.status == Job.Status.DONE
    (row,) = RiskClassHistory.objects.all()
    assert (row.enterprise, row.source, row.risk_class) == (guangdong, "imported", "E")
    assert row.computed_at.date().isoformat() == "2019-12-31" and "五级" in row.note
    assert not EnterpriseRiskClass.objects.exists()  # history only, never a current class
    rejected = openpyxl.load_workbook(io.BytesIO(job.result_file.read()))
    reasons = [r[-1] for r in rejected.active.iter_rows(min_row=2, values_only=True)]
    # The job writes in the default language (English under the ``english`` fixture).
    assert len(reasons) == 4 and reasons[1] == "Row 4: Class: F is not one of A, B, C, D, E."
    again = client.post(reverse("credit:risk_import_start"), {"token": token})
    assert again.status_code == 404  # a preview is imported once


def test_a_file_without_the_class_column_is_refused_by_name(client_for, province_user):
    response = client_for(province_user).post(
        reverse("credit:risk_import"), {"file": csv_file(["统一社会信用代码,分类日期", "x,2019"])}
    )
    assert "Columns missing: 分类." in response.content.decode()
    assert response.context["token"] == ""


def test_enterprise_users_cannot_import(client_for, enterprise_user):
    assert client_for(enterprise_user).get(reverse("credit:risk_import")).status_code == 403
