"""Unified Social Credit Code (统一社会信用代码, GB 32100-2015): checks and helpers.

Pure functions, no database. Error messages are lazy translations, so this
module imports without configured Django settings. ``checked`` is the one
conversion of a USCCError into the ValidationError that forms, serializers,
services and the import show.
"""

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.reference_units import (
    PROVINCE,
    REPORTING_UNITS,
    SEPARATE_CITY,
    XPCC_DEFAULT_CODE,
)

__all__ = [
    "CHARSET",
    "LENGTH",
    "MESSAGES",
    "ORG_WEIGHTS",
    "REPORTING_UNITS",
    "WEIGHTS",
    "USCCError",
    "check_character",
    "checked",
    "division_code",
    "make_uscc",
    "normalise",
    "org_code_check_character",
    "reporting_unit_code",
    "validate",
]

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
LENGTH = 18
# Position-18 weights: 3^(i-1) mod 31 for positions 1-17.
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
# GB 11714 organisation-code weights for positions 9-16.
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

_VALUE = {c: i for i, c in enumerate(CHARSET)}
_CHARS = frozenset(CHARSET)
_ORG_VALUE = {c: int(c, 36) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}  # A=10 ... Z=35
_FULL_WIDTH = range(0xFF01, 0xFF5F)  # full-width forms of ASCII "!" .. "~"
_SEPARATE_CITIES = frozenset(u[0] for u in REPORTING_UNITS if u[3] == SEPARATE_CITY)
_PROVINCES = frozenset(u[0] for u in REPORTING_UNITS if u[3] == PROVINCE)

_ALLOWED = _("it uses 0-9 and the letters A-H, J-N, P-R, T, U, W, X, Y")

# Message templates by error code; placeholders: position, expected, found, length, allowed.
MESSAGES = {
    "empty": _("Enter the 18-character Unified Social Credit Code."),
    "length": _("A USCC has 18 characters; this one has {length}."),
    "space": _("Character {position} is a space; a USCC has no spaces inside it."),
    "full_width": _(
        "Character {position} is the full-width character {found}; "
        "type the ordinary (half-width) {expected} instead."
    ),
    "forbidden_letter": _(
        "Character {position} is the letter {found}, which a USCC never uses ({allowed})."
    ),
    "invalid_character": _(
        "Character {position} is “{found}”, which a USCC never uses ({allowed})."
    ),
    "non_ascii": _("Character {position} is “{found}”, which a USCC never uses ({allowed})."),
    "org_check_form": _(
        "Character 17 is the letter {found}, but the organisation-code check "
        "character (position 17) is always a digit or X."
    ),
    "org_check": _(
        "Character 17 should be {expected}, not {found} "
        "(organisation-code check over positions 9-16)."
    ),
    "check": _(
        "Character 18 should be {expected}, not {found} (check character over positions 1-17)."
    ),
}


class USCCError(ValueError):
    """A USCC that fails validation: .code, .position (1-based or None), .message (lazy)."""

    def __init__(self, code, position=None, expected=None, found=None, length=None):
        super().__init__(code, position)
        self.code = code
        self.position = position
        self.expected = expected
        self.found = found
        self.length = length

    @property
    def message(self):
        """The translated explanation, as a lazy string."""
        return format_lazy(
            MESSAGES[self.code],
            position=self.position,
            expected=self.expected,
            found=self.found,
            length=self.length,
            allowed=_ALLOWED,
        )

    def __str__(self):
        return str(self.message)


def normalise(raw: str) -> str:
    """Strip surrounding whitespace (including U+3000) and upper-case ASCII letters."""
    text = (raw or "").strip()
    if text.isascii():
        return text.upper()
    return "".join(c.upper() if c.isascii() else c for c in text)


def check_character(first17: str) -> str:
    """Return the position-18 check character for 17 charset characters."""
    if len(first17) != 17 or not _CHARS.issuperset(first17):
        raise ValueError(f"need 17 characters from {CHARSET}, got {first17!r}")
    return _check(first17)


def org_code_check_character(body8: str) -> str:
    """Return the GB 11714 organisation-code check character (0-9 or X) for 8 body characters."""
    if len(body8) != 8 or any(c not in _ORG_VALUE for c in body8):
        raise ValueError(f"need 8 characters from 0-9 and A-Z, got {body8!r}")
    return _org_check(body8)


def _check(first17):
    return CHARSET[-sum([_VALUE[c] * w for c, w in zip(first17, WEIGHTS, strict=True)]) % 31]


def _org_check(body8):
    c = 11 - sum([_ORG_VALUE[c] * w for c, w in zip(body8, ORG_WEIGHTS, strict=True)]) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def make_uscc(prefix8: str, body8: str) -> str:
    """Build a valid USCC from positions 1-8 and the 8-character organisation body (9-16)."""
    prefix8, body8 = normalise(prefix8), normalise(body8)
    for part in (prefix8, body8):
        if len(part) != 8 or not _CHARS.issuperset(part):
            raise ValueError(f"need 8 characters from {CHARSET}, got {part!r}")
    first17 = prefix8 + body8 + org_code_check_character(body8)
    return first17 + check_character(first17)


def division_code(uscc: str) -> str:
    """Return positions 3-8: the GB/T 2260 code of the registering authority."""
    return normalise(uscc)[2:8]


def reporting_unit_code(division_code: str, xpcc_code: str = XPCC_DEFAULT_CODE) -> str | None:
    """Map a 6-digit GB/T 2260 code to its reporting unit's code, or None if there is none."""
    code = (division_code or "").strip()
    if len(code) != 6 or not (code.isascii() and code.isdigit()):
        return None
    if code[:4] + "00" in _SEPARATE_CITIES:
        return code[:4] + "00"
    if code[:2] == "66":
        return xpcc_code
    province = code[:2] + "0000"
    return province if province in _PROVINCES else None


def _character_error(position: int, ch: str) -> USCCError:
    """Describe why one character is outside the 31-character set."""
    if ch.isspace():
        return USCCError("space", position, found=ch)
    half = chr(ord(ch) - 0xFEE0).upper() if ord(ch) in _FULL_WIDTH else ""
    if half in _CHARS:
        return USCCError("full_width", position, expected=half, found=ch)
    if not ch.isascii():
        return USCCError("non_ascii", position, found=ch)
    if ch.isalpha():
        return USCCError("forbidden_letter", position, found=ch)
    return USCCError("invalid_character", position, found=ch)


def validate(raw: str) -> str:
    """Return the normalised USCC, or raise USCCError describing the first problem found."""
    code = normalise(raw)
    if not code:
        raise USCCError("empty")
    if len(code) != LENGTH:
        raise USCCError("length", length=len(code))
    if not _CHARS.issuperset(code):
        position, ch = next((i, c) for i, c in enumerate(code, 1) if c not in _CHARS)
        raise _character_error(position, ch)
    found = code[16]
    if not (found.isdigit() or found == "X"):
        raise USCCError("org_check_form", 17, found=found)
    expected = _org_check(code[8:16])
    if found != expected:
        raise USCCError("org_check", 17, expected=expected, found=found)
    found, expected = code[17], _check(code[:17])
    if found != expected:
        raise USCCError("check", 18, expected=expected, found=found)
    return code


def checked(raw, field=None):
    """validate(raw), raising ValidationError (keyed by ``field`` when given) instead of USCCError.

    Django forms, DRF serializers (in ``validate_<field>``) and services all take it as is.
    """
    try:
        return validate(raw)
    except USCCError as error:
        invalid = ValidationError(error.message, code=error.code)
        raise (ValidationError({field: invalid}) if field else invalid) from error
