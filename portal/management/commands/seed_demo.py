"""Load realistic demo data (idempotent) and print the demo logins."""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.audit import acting_as
from portal.demo import DemoContext
from portal.discovery import app_modules


class Command(BaseCommand):
    help = "Load the demo data of every app and print the demo logins."

    def handle(self, *args, **options):
        demo = DemoContext()
        with transaction.atomic(), acting_as(label="seed_demo"):
            for config, module in app_modules("demo"):
                self.stdout.write(f"Seeding {config.label}...")
                module.seed(demo)
        self.print_logins(demo.logins)

    def print_logins(self, logins):
        widths = [max(len(str(row[i])) for row in [("Role", "Username", "Password"), *logins])
                  for i in range(3)]  # fmt: skip
        rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        self.stdout.write("\nDemo logins (http://127.0.0.1:8000/accounts/login/):")
        self.stdout.write(rule)
        for row in [("Role", "Username", "Password"), *logins]:
            cells = (
                f" {str(value).ljust(width)} " for value, width in zip(row, widths, strict=True)
            )
            self.stdout.write("|" + "|".join(cells) + "|")
            if row[0] == "Role":
                self.stdout.write(rule)
        self.stdout.write(rule)
