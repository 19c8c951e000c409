"""Restore a backup of `manage.py backup` into a new database and the file roots."""

from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup directory: create the database (it must not exist yet), load the "
        "dump, copy the files into MEDIA_ROOT and PRIVATE_MEDIA_ROOT, and check row counts "
        "and checksums against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a directory written by `manage.py backup`")
        parser.add_argument(
            "--database",
            required=True,
            help="the new database: a PostgreSQL name on the configured server, or a SQLite path",
        )

    def handle(self, directory, database, **options):
        try:
            manifest = restore(directory, database)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{database}: {sum(manifest['rows'].values())} rows in {len(manifest['rows'])} "
            f"tables, {len(manifest['files'])} files checked."
        )
