"""The USCC rules at their edges; check characters worked out by hand (GB 32100, GB 11714)."""

import pytest
from django.utils import translation

from enterprises import uscc


@pytest.mark.parametrize(
    ("body", "expected"),
    [("00000000", "0"), ("40000000", "X"), ("10000000", "8"), ("M000100Y", "4")],
)
def test_the_organisation_check_character_including_x_and_zero(body, expected):
    # 11 - (sum of value x weight) mod 11; 10 is written X and 11 is written 0.
    assert uscc.org_code_check_character(body) == expected


@pytest.mark.parametrize(
    ("first17", "expected"),
    [("9144010640000000X", "2"), ("91440106000000000", "T"), ("91350100M000100Y4", "3")],
)
def test_the_check_character_over_positions_1_to_17(first17, expected):
    # 1176 mod 31 = 29 -> 31 - 29 = 2; 284 mod 31 = 5 -> 26 -> "T".
    assert uscc.check_character(first17) == expected


def test_make_uscc_writes_both_check_characters():
    assert uscc.make_uscc("91440106", "40000000") == "9144010640000000X2"
    assert uscc.make_uscc("91440106", "00000000") == "91440106000000000T"


@pytest.mark.parametrize(
    ("raw", "code", "position", "expected", "found", "message"),
    [
        ("", "empty", None, None, None, "Enter the 18-character Unified Social Credit Code."),
        ("9144010640000000X", "length", None, None, None,
         "A USCC has 18 characters; this one has 17."),
        ("91440106 0000000X2", "space", 9, None, " ",
         "Character 9 is a space; a USCC has no spaces inside it."),
        ("9144010640000000Ｘ2", "full_width", 17, "X", "Ｘ",
         "Character 17 is the full-width character Ｘ; type the ordinary (half-width) X instead."),
        ("91440106I0000000X2", "forbidden_letter", 9, None, "I",
         "Character 9 is the letter I, which a USCC never uses "
         "(it uses 0-9 and the letters A-H, J-N, P-R, T, U, W, X, Y)."),
        ("91440106-0000000X2", "invalid_character", 9, None, "-",
         "Character 9 is “-”, which a USCC never uses "
         "(it uses 0-9 and the letters A-H, J-N, P-R, T, U, W, X, Y)."),
        ("91440106中0000000X2", "non_ascii", 9, None, "中",
         "Character 9 is “中”, which a USCC never uses "
         "(it uses 0-9 and the letters A-H, J-N, P-R, T, U, W, X, Y)."),
        ("9144010640000000A2", "org_check_form", 17, None, "A",
         "Character 17 is the letter A, but the organisation-code check character "
         "(position 17) is always a digit or X."),
        ("914401064000000082", "org_check", 17, "X", "8",
         "Character 17 should be X, not 8 (organisation-code check over positions 9-16)."),
        ("9144010640000000X3", "check", 18, "2", "3",
         "Character 18 should be 2, not 3 (check character over positions 1-17)."),
    ],
)  # fmt: skip
def test_each_error_says_what_and_where(raw, code, position, expected, found, message):
    with pytest.raises(uscc.USCCError) as error:
        uscc.validate(raw)
    got = error.value
    assert (got.code, got.position, got.expected, got.found) == (code, position, expected, found)
    with translation.override("en"):
        assert str(got) == message


def test_the_length_is_kept_on_the_error():
    with pytest.raises(uscc.USCCError) as error:
        uscc.validate("91440106")
    assert error.value.length == 8


@pytest.mark.parametrize(
    ("raw", "normal"),
    [("\u3000 9144010640000000x2\t", "9144010640000000X2"), (" ａb中 ", "ａB中"), (None, "")],
)
def test_normalise_trims_and_uppercases_only_ascii(raw, normal):
    assert uscc.normalise(raw) == normal


@pytest.mark.parametrize("first17", ["9144010640000000", "9144010640000000I", "9144010640000000X1"])
def test_check_character_refuses_what_is_not_17_charset_characters(first17):
    with pytest.raises(ValueError):
        uscc.check_character(first17)


@pytest.mark.parametrize("body", ["4000000", "4000000!", "400000000"])
def test_the_organisation_check_refuses_what_is_not_8_characters(body):
    with pytest.raises(ValueError):
        uscc.org_code_check_character(body)


@pytest.mark.parametrize(
    ("division", "unit"),
    [("440106", "440000"), ("440305", "440300"), ("660100", "660000"), ("990000", None),
     ("44010", None), ("４40106", None), ("", None)],
)  # fmt: skip
def test_a_division_maps_to_its_reporting_unit(division, unit):
    assert uscc.reporting_unit_code(division) == unit
