"""Recompute credit risk classes by hand: the nation, or one reporting unit, as of a date."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from credit.services.risk_compute import recompute
from portal.audit import acting_as
from portal.jobs import Refused
from portal.models import ReportingUnit


class Command(BaseCommand):
    help = "Recompute every enterprise's credit risk class (set-based); --unit for one unit."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="As of this date (YYYY-MM-DD); default today.")
        parser.add_argument("--unit", help="Only this reporting unit (its code, e.g. 440000).")

    def handle(self, *args, date=None, unit=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date must be YYYY-MM-DD, not {date!r}") from error
        reporting_unit = None
        if unit:
            reporting_unit = ReportingUnit.objects.filter(code=unit).first()
            if reporting_unit is None:
                raise CommandError(f"No reporting unit has the code {unit!r}.")
        try:
            with acting_as(None, source="command", label="recompute_risk_classes"):
                run = recompute(reporting_unit=reporting_unit, today=today)
        except Refused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(f"{run.enterprises} enterprises, {run.changed} classes changed")
