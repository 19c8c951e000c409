"""`manage.py backup` and `restore` (make backup / make restore): every row and file comes back."""

import io
from pathlib import Path

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg2 import sql

from enterprises.models import Enterprise
from portal.backups import checksums, pg_row_counts
from portal.uploads import private_storage
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db(transaction=True)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def fresh_name():
    """A database name that does not exist yet; dropped after the test."""
    name = f"{connection.settings_dict['NAME']}_restored"
    yield name
    db = connection.settings_dict
    admin = psycopg2.connect(
        host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"],
        dbname="postgres",
    )  # fmt: skip
    admin.autocommit = True
    with admin.cursor() as cursor:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        cursor.execute(drop.format(sql.Identifier(name)))
    admin.close()


def back_up(tmp_path):
    out = io.StringIO()
    call_command("backup", to=str(tmp_path / "backups"), stdout=out)
    return Path(out.getvalue().strip())


def test_a_restore_into_a_fresh_database_has_every_row_and_every_file(
    settings, tmp_path, fresh_name
):
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path / "media", tmp_path / "private"
    EnterpriseFactory.create_batch(3)
    stored = private_storage().save("attachments/报告附件.pdf", ContentFile(PDF))
    source_rows = pg_row_counts(connection.settings_dict["NAME"])
    source_files = checksums(tmp_path / "private")
    backup = back_up(tmp_path)
    assert backup.parent == tmp_path / "backups" and backup.name.startswith("portal-")

    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path / "media2", tmp_path / "private2"
    call_command("restore", str(backup), database=fresh_name, stdout=io.StringIO())

    restored_rows = pg_row_counts(fresh_name)
    assert set(connection.introspection.table_names()) <= set(restored_rows)
    assert restored_rows["enterprises_enterprise"] == Enterprise.objects.count() == 3
    assert restored_rows == source_rows
    assert checksums(tmp_path / "private2") == source_files
    assert (tmp_path / "private2" / stored).read_bytes() == PDF


def test_a_backup_whose_files_were_changed_is_refused(settings, tmp_path, fresh_name):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    stored = private_storage().save("attachments/a.pdf", ContentFile(PDF))
    backup = back_up(tmp_path)
    (backup / "files" / "private" / stored).write_bytes(PDF + b"changed")
    with pytest.raises(CommandError, match="checksums"):
        call_command("restore", str(backup), database=fresh_name)


def test_a_restore_never_overwrites_an_existing_database(tmp_path):
    backup = back_up(tmp_path)
    with pytest.raises(CommandError, match="exists already"):
        call_command("restore", str(backup), database=connection.settings_dict["NAME"])
