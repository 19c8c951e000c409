"""Create staff accounts in bulk from a CSV file (all rows or none)."""

import csv
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.audit import acting_as
from portal.exports import csv_cell
from portal.provisioning import COLUMNS, ProvisioningError, provision


class Command(BaseCommand):
    help = (
        "Create staff accounts from a CSV with the columns "
        + ", ".join(COLUMNS)
        + ". Nothing is created when any row is bad. Prints username,password as CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="path of the CSV file (UTF-8)")
        parser.add_argument("--output", help="write the credentials here instead of stdout")

    def handle(self, csv_file, output=None, **options):
        try:
            with open(csv_file, encoding="utf-8-sig") as source:
                text = source.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {csv_file}: {error}") from error
        try:
            with acting_as(label=f"provision_accounts {csv_file}"):
                created = provision(text)
        except ProvisioningError as bad:
            raise CommandError(_("Nothing was created.") + f"\n{bad}") from bad
        target = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
        try:
            writer = csv.writer(target)
            writer.writerow(["username", "password"])
            # Passwords are printed exactly as they must be typed; usernames may start with @ + -.
            writer.writerows((csv_cell(username), password) for username, password in created)
        finally:
            if output:
                target.close()
        self.stderr.write(f"Created {len(created)} accounts.")
