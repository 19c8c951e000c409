"""Back up the database and the uploaded files into one dated directory (portal.backups)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump custom format, or a copy of SQLite) and MEDIA_ROOT and "
        "PRIVATE_MEDIA_ROOT into a new dated directory with a manifest of row counts and "
        "SHA-256 checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", help="the directory to write into (PORTAL_BACKUP_DIR)")

    def handle(self, to=None, **options):
        try:
            target = backup(to or settings.PORTAL_BACKUP_DIR)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(target))
