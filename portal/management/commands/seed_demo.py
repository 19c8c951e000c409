"""Load realistic demo data (idempotent) and print the demo logins."""

import unicodedata

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
            for step in demo.last:
                step(demo)
        self.print_logins(demo.logins)
        self.stdout.write(
            "\nStaff accounts ask for a second factor after the password "
            "(员工账号登录需第二重验证). Add this key to any TOTP authenticator app, "
            f"or run `oathtool --totp -b {demo.totp_secret}`:\n  {demo.totp_secret}"
        )
        for note in demo.notes:
            self.stdout.write(f"\n{note}")

    def print_logins(self, logins):
        rows = [("Role 角色", "Username 用户名", "Password 密码"), *logins]
        widths = [max(display_width(str(row[i])) for row in rows) for i in range(3)]
        rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
        self.stdout.write("\nDemo logins (http://127.0.0.1:8000/accounts/login/):")
        self.stdout.write(rule)
        for index, row in enumerate(rows):
            cells = (
                f" {pad(str(value), width)} " for value, width in zip(row, widths, strict=True)
            )
            self.stdout.write("|" + "|".join(cells) + "|")
            if index == 0:
                self.stdout.write(rule)
        self.stdout.write(rule)


def display_width(text):
    """Columns a terminal gives the text: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text, width):
    return text + " " * (width - display_width(text))
