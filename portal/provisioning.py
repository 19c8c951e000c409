"""Provision staff accounts in bulk from CSV: every row is checked before anything is written.

Columns: username, full_name, email, role (headquarters | provincial),
unit_code (GB/T 2260 code of the reporting unit; empty for headquarters),
agency (market | drc), password (optional; a random one is generated).
"""

import csv
import io
import secrets
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from .access import HEADQUARTERS, STAFF_ROLES
from .models import Agency, User

COLUMNS = ("username", "full_name", "email", "role", "unit_code", "agency", "password")
REQUIRED = ("username", "role", "agency")


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)s, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ProvisioningError(Exception):
    """The CSV has bad rows; nothing was created."""

    def __init__(self, errors):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def read_rows(text):
    """The CSV's rows as dicts; a missing column is a ProvisioningError."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ProvisioningError(
            [RowError(1, c, _("this column is missing from the header")) for c in missing]
        )
    return list(reader)


def _agency_for(row):
    role, unit_code, kind = row["role"], (row.get("unit_code") or "").strip(), row["agency"]
    if role == HEADQUARTERS:
        return Agency.objects.filter(reporting_unit__isnull=True, kind=kind).first()
    return Agency.objects.filter(reporting_unit__code=unit_code, kind=kind).first()


def check_row(number, row, seen):
    """The problems of one row, each naming its column."""
    errors = []
    username = (row.get("username") or "").strip()
    if not username:
        errors.append(RowError(number, "username", _("a username is required")))
    elif username in seen:
        errors.append(RowError(number, "username", _("repeats row %s") % seen[username]))
    elif User.objects.filter(username=username).exists():
        errors.append(RowError(number, "username", _("an account %s exists already") % username))
    if row.get("email"):
        try:
            validate_email(row["email"].strip())
        except ValidationError:
            errors.append(RowError(number, "email", _("not an e-mail address")))
    if row.get("role") not in STAFF_ROLES:
        errors.append(RowError(number, "role", _("must be headquarters or provincial")))
    elif row.get("agency") not in Agency.Kind.values:
        errors.append(RowError(number, "agency", _("must be market or drc")))
    elif _agency_for(row) is None:
        errors.append(
            RowError(
                number, "unit_code", _("unknown reporting unit code %r") % row.get("unit_code")
            )
        )
    if row.get("password"):
        try:
            validate_password(row["password"])
        except ValidationError as weak:
            errors.append(RowError(number, "password", " ".join(weak.messages)))
    seen.setdefault(username, number)
    return errors


def provision(text):
    """Create every account in the CSV, or none; returns [(username, password)]."""
    rows = read_rows(text)
    seen, errors = {}, []
    for number, row in enumerate(rows, start=2):
        errors += check_row(number, row, seen)
    if errors:
        raise ProvisioningError(errors)
    if not rows:
        raise ProvisioningError([RowError(2, "username", _("the file has no rows"))])
    created = []
    with transaction.atomic():
        for row in rows:
            password = row.get("password") or secrets.token_urlsafe(12)
            user = User(
                username=row["username"].strip(),
                full_name=(row.get("full_name") or "").strip(),
                email=(row.get("email") or "").strip(),
                role=row["role"],
                agency=_agency_for(row),
            )
            user.set_password(password)
            user.save()
            created.append((user.username, password))
    return created
