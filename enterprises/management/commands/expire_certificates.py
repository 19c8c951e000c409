"""Run the daily certificate job by hand, for today or any date."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from enterprises.services.certificates import run_daily


class Command(BaseCommand):
    help = "Expire certificates past their date and send 60- and 30-day reminders (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as of this date (YYYY-MM-DD); default today.")

    def handle(self, *args, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date must be YYYY-MM-DD, not {date!r}") from error
        result = run_daily(today)
        self.stdout.write(
            f"expired {result['expired']}; reminders sent: "
            f"60 days {result['reminders']['60']}, 30 days {result['reminders']['30']}"
        )
