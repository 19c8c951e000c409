"""Consumers' contact details: mainland phone numbers, ID numbers (GB 11643) and masking.

Pure functions; each check raises ``ValidationError`` saying what is wrong and where.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}-?[1-9]\d{6,7}")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
_SEPARATORS = str.maketrans("", "", " -")


def clean_phone(value: str) -> str:
    """A mainland mobile (11 digits from 13) or a landline with its area code (0xx-xxxxxxx)."""
    value = value.strip().replace(" ", "")
    if value.startswith("+86"):
        value = value[3:]
    if MOBILE.fullmatch(value) or LANDLINE.fullmatch(value):
        return value
    raise ValidationError(
        _(
            "“%(value)s” is not a mainland phone number: give an 11-digit mobile number "
            "starting with 13-19, or a landline with its area code such as 020-12345678."
        )
        % {"value": value[:30]},
        code="phone",
    )


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def clean_id_number(value: str) -> str:
    """An 18-character citizen ID number whose birth date and check character are right."""
    value = value.strip().translate(_SEPARATORS).upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        raise ValidationError(
            _("An ID number has 18 characters: 17 digits and a digit or X (%(n)d given).")
            % {"n": len(value)},
            code="id_length",
        )
    try:
        datetime.datetime.strptime(value[6:14], "%Y%m%d")
    except ValueError:
        raise ValidationError(
            _("Characters 7-14 of an ID number are a birth date; “%(date)s” is not a date.")
            % {"date": value[6:14]},
            code="id_birth_date",
        ) from None
    expected = id_check_digit(value[:17])
    if value[17] != expected:
        raise ValidationError(
            _("The last character of this ID number should be %(expected)s, not %(given)s.")
            % {"expected": expected, "given": value[17]},
            code="id_check",
        )
    return value


def mask_phone(value: str) -> str:
    """138****5678: the first three and the last four digits."""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """张*: the family name (first character) only."""
    return value[:1] + "*" * max(len(value) - 1, 1) if value else ""


def mask_id_number(value: str) -> str:
    """4401**********123X: the division prefix and the last four characters."""
    return value[:4] + "*" * max(len(value) - 8, 0) + value[-4:] if value else ""


def mask_address(value: str) -> str:
    """The first six characters (the province and city, usually) and no more."""
    return value[:6] + "…" if len(value) > 6 else value
