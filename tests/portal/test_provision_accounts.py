"""Bulk provisioning of staff accounts from CSV: all rows or none, each error by row and column."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from portal.models import AuditEntry, User

HEADER = "username,full_name,email,role,unit_code,agency,password\n"


def write_csv(tmp_path, body):
    path = tmp_path / "accounts.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return str(path)


@pytest.mark.django_db
def test_all_74_provincial_offices_are_created_with_passwords(tmp_path, capsys):
    from portal.models import ReportingUnit

    rows = "".join(
        f"{kind}_{unit.code},{unit.name},{kind}{unit.code}@example.cn,provincial,{unit.code},{kind},\n"
        for unit in ReportingUnit.objects.all()
        for kind in ("market", "drc")
    )
    out = tmp_path / "credentials.csv"
    call_command("provision_accounts", write_csv(tmp_path, rows), output=str(out))
    assert User.objects.filter(role="provincial").count() == 74
    lines = out.read_text().splitlines()
    assert len(lines) == 75
    username, password = lines[1].split(",")
    assert User.objects.get(username=username).check_password(password)
    assert User.objects.get(username="drc_440300").agency.name == "深圳市发展和改革委员会"


@pytest.mark.django_db
def test_a_bad_row_creates_nothing_and_every_problem_is_named(tmp_path):
    rows = (
        "ok1,张三,a@example.cn,provincial,440000,market,\n"
        "bad1,李四,not-an-email,provincial,990000,market,\n"
        "ok1,王五,,governor,440000,market,\n"
        "hq1,赵六,,headquarters,,drc,123\n"
    )
    with pytest.raises(CommandError) as error, translation.override("en"):
        call_command("provision_accounts", write_csv(tmp_path, rows))
    message = str(error.value)
    assert "Nothing was created" in message
    assert "Row 3, column email" in message
    assert "Row 3, column unit_code" in message and "990000" in message
    assert "Row 4, column username" in message
    assert "Row 4, column role" in message
    assert "Row 5, column password" in message
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_missing_column_is_reported(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("username,role\nx,provincial\n", encoding="utf-8")
    with pytest.raises(CommandError, match="第 1 行，agency 列"):
        call_command("provision_accounts", str(path))


@pytest.mark.django_db
def test_provisioning_is_audited_as_the_command(tmp_path):
    call_command(
        "provision_accounts",
        write_csv(tmp_path, "hq2,钱七,,headquarters,,market,\n"),
        output=str(tmp_path / "o.csv"),
    )
    entry = AuditEntry.objects.get(object_repr="钱七")
    assert entry.action == "create" and entry.source == "command"
    assert entry.actor_label.startswith("provision_accounts")
    assert entry.changes["password"][1].startswith("***")
