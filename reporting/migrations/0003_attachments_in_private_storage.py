"""Report attachments move from MEDIA_ROOT into private storage, under generated names.

Plain file copies and row updates, so it runs the same on SQLite and PostgreSQL;
the old files are deleted only once the rows are committed.
"""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import migrations, models, transaction

import portal.uploads

EXTENSIONS = {"pdf": "pdf", "png": "png", "jpeg": "jpg", "docx": "docx", "xlsx": "xlsx"}


def to_private(apps, schema_editor):
    def rename(row):
        extension = EXTENSIONS.get(row.content_kind, "bin")
        folder = row.uploaded_at.strftime("reporting/attachments/%Y")
        name = portal.uploads.display_name(row.name, extension)
        return f"{folder}/{uuid.uuid4().hex}.{extension}", name

    public = FileSystemStorage(location=settings.MEDIA_ROOT)
    move(apps, schema_editor, public, portal.uploads.private_storage(), rename)


def to_media(apps, schema_editor):
    public = FileSystemStorage(location=settings.MEDIA_ROOT)
    move(apps, schema_editor, portal.uploads.private_storage(), public, lambda r: (r.file.name, r.name))


def move(apps, schema_editor, source, target, rename):
    """Copy each row's file from source to target, point the row at it, then delete the old."""
    attachment = apps.get_model("reporting", "Attachment")
    moved = []
    for row in attachment.objects.exclude(file="").iterator():
        if not source.exists(row.file.name):
            continue
        new_name, display = rename(row)
        with source.open(row.file.name, "rb") as handle:
            stored = target.save(new_name, handle)
        attachment.objects.filter(pk=row.pk).update(file=stored, name=display)
        moved.append(row.file.name)
    alias = schema_editor.connection.alias
    transaction.on_commit(lambda: [source.delete(name) for name in moved], using=alias)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0002_default_rounds"),
    ]

    operations = [
        migrations.AlterField(
            model_name="attachment",
            name="file",
            field=models.FileField(
                storage=portal.uploads.private_storage,
                upload_to="reporting/attachments/%Y/",
                verbose_name="file",
            ),
        ),
        migrations.RunPython(to_private, to_media),
    ]
