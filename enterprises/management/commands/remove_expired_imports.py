"""Remove previewed import files nobody imported, by hand (Celery beat runs it hourly)."""

from django.core.management.base import BaseCommand

from enterprises.services.imports import remove_expired_uploads


class Command(BaseCommand):
    help = "Remove stored import previews older than their time to live."

    def handle(self, *args, **options):
        self.stdout.write(f"removed {remove_expired_uploads()} expired import previews")
