"""Run the daily credit-lists job by hand, for today or any date."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from credit.services.lists import run_daily


class Command(BaseCommand):
    help = (
        "Remove serious listings whose period is served and propose abnormal-list entries "
        "listed three years for the serious list (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as of this date (YYYY-MM-DD); default today.")

    def handle(self, *args, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date must be YYYY-MM-DD, not {date!r}") from error
        result = run_daily(today)
        self.stdout.write(
            f"expired {result['expired']}; proposed for the serious list "
            f"{result['proposed_for_serious_list']}; removal decisions overdue "
            f"{result['removal_overdue']}"
        )
