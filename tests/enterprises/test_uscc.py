"""Unified Social Credit Code validation (GB 32100-2015)."""

import random

import pytest
from django.utils import translation

from enterprises import uscc
from enterprises.uscc import CHARSET, USCCError, validate

WORKED_EXAMPLES = ["91350100M000100Y43", "914403001922038216", "91110108551385082Q"]


def error_for(raw):
    """Return the USCCError raised by validate(raw)."""
    with pytest.raises(USCCError) as info:
        validate(raw)
    return info.value


def message_en(err):
    """Render an error message in English (the source language)."""
    with translation.override("en"):
        return str(err)


@pytest.mark.parametrize("code", WORKED_EXAMPLES)
def test_worked_examples_are_valid(code):
    assert validate(code) == code


@pytest.mark.parametrize(
    "code",
    [
        "11420802MB1975934L",  # organ, letters in the body (M=21 vs M=22)
        "91110000600037341L",
        "91440300MA5D11102W",
        "92370200L12345674X",  # individual business, org check X
        "93330200MA2H000066",  # farmers' cooperative, org check 0
    ],
)
def test_more_real_and_fixture_codes_are_valid(code):
    assert validate(code) == code


@pytest.mark.parametrize("prefix", ["11110000", "51110000", "A1110000", "N2370200", "Y1440300"])
def test_letter_led_and_other_authorities_are_accepted(prefix):
    code = uscc.make_uscc(prefix, "60003734")
    assert code[:8] == prefix
    assert validate(code) == code


def test_known_check_characters():
    assert uscc.check_character("91350100M000100Y4") == "3"
    assert uscc.check_character("91110108551385082") == "Q"
    assert uscc.org_code_check_character("M000100Y") == "4"
    assert uscc.org_code_check_character("55138508") == "2"
    assert uscc.make_uscc("91350100", "M000100Y") == "91350100M000100Y43"


def test_org_check_ten_is_x_and_eleven_is_zero():
    assert uscc.org_code_check_character("00000006") == "X"  # 6*2 = 12, 12 mod 11 = 1
    assert uscc.org_code_check_character("00000000") == "0"  # 0 mod 11 = 0


def test_weights_are_powers_of_three_mod_31():
    assert uscc.WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_lower_case_and_surrounding_spaces_are_accepted():
    assert validate("  91110108551385082q\t") == "91110108551385082Q"
    assert validate("\u300091350100m000100y43\u3000") == "91350100M000100Y43"
    assert uscc.normalise(" 9135 0100m ") == "9135 0100M"


def test_empty():
    for raw in ["", "   ", "\u3000", None]:
        err = error_for(raw)
        assert err.code == "empty"
        assert err.position is None


@pytest.mark.parametrize("raw, length", [("9135010M000100Y43", 17), ("91350100M000100Y433", 19)])
def test_length(raw, length):
    err = error_for(raw)
    assert err.code == "length"
    assert err.position is None
    assert message_en(err) == f"A USCC has 18 characters; this one has {length}."


def test_length_is_checked_before_characters():
    assert error_for("9135 0100M000100Y43").code == "length"


@pytest.mark.parametrize("letter", "IOSVZ")
def test_forbidden_letters_are_named_with_position(letter):
    raw = "91350100M0" + letter + "0100Y43"
    err = error_for(raw)
    assert (err.code, err.position, err.found) == ("forbidden_letter", 11, letter)
    assert "11" in str(err)
    assert letter in str(err)


def test_forbidden_letter_message():
    err = error_for("91350100M0O0100Y43")
    assert message_en(err) == (
        "Character 11 is the letter O, which a USCC never uses "
        "(it uses 0-9 and the letters A-H, J-N, P-R, T, U, W, X, Y)."
    )


def test_inner_space_is_rejected():
    err = error_for("91350100 M00100Y43")
    assert (err.code, err.position) == ("space", 9)
    err = error_for("9135010\u3000M000100Y43")
    assert (err.code, err.position) == ("space", 8)


def test_full_width_characters_are_rejected_not_converted():
    err = error_for("91350100\uff2d000100Y43")  # full-width M
    assert (err.code, err.position, err.expected) == ("full_width", 9, "M")
    assert "9" in str(err)
    err = error_for("\uff19\uff11350100M000100Y43")  # full-width 9 at position 1
    assert (err.code, err.position, err.expected) == ("full_width", 1, "9")


def test_other_characters_are_rejected():
    err = error_for("9135010-M000100Y43")
    assert (err.code, err.position, err.found) == ("invalid_character", 8, "-")
    err = error_for("91350100中000100Y43")
    assert (err.code, err.position, err.found) == ("non_ascii", 9, "中")
    assert "中" in str(err)


def test_first_bad_character_is_reported():
    err = error_for("9O350100M000100YZ3")
    assert err.position == 2


def test_wrong_check_character():
    err = error_for("91350100M000100Y4Y")
    assert (err.code, err.position, err.expected, err.found) == ("check", 18, "3", "Y")
    assert message_en(err) == (
        "Character 18 should be 3, not Y (check character over positions 1-17)."
    )


def test_wrong_org_check_is_reported_at_17_before_18():
    raw = "91350100M000100Y03"
    assert uscc.check_character(raw[:17]) != raw[17]  # 18 is wrong too
    err = error_for(raw)
    assert (err.code, err.position, err.expected, err.found) == ("org_check", 17, "4", "0")
    assert message_en(err) == (
        "Character 17 should be 4, not 0 (organisation-code check over positions 9-16)."
    )


def test_org_check_uses_gb11714_letter_values():
    # M is 22 for the organisation-code check (21 would give 7).
    assert uscc.org_code_check_character("MB197593") == "4"
    err = error_for("11420802MB1975937L")
    assert (err.position, err.expected) == (17, "4")


def test_position_17_letter_other_than_x():
    err = error_for("91350100M000100YA3")
    assert (err.code, err.position, err.found) == ("org_check_form", 17, "A")
    assert "17" in str(err)


def is_valid(raw):
    """True if validate(raw) accepts the code."""
    try:
        validate(raw)
    except USCCError:
        return False
    return True


def test_random_codes_validate_and_every_single_substitution_is_detected():
    rng = random.Random(32100)
    undetected = []
    for _ in range(2000):
        prefix8, body8 = "".join(rng.choices(CHARSET, k=8)), "".join(rng.choices(CHARSET, k=8))
        code = uscc.make_uscc(prefix8, body8)
        assert code.startswith(prefix8 + body8)
        assert validate(code) == code
        for i, original in enumerate(code):
            head, tail = code[:i], code[i + 1 :]
            undetected += [
                head + c + tail for c in CHARSET if c != original and is_valid(head + c + tail)
            ]
    assert undetected == []


def test_make_uscc_rejects_bad_parts():
    with pytest.raises(ValueError):
        uscc.make_uscc("9135010", "M000100Y")
    with pytest.raises(ValueError):
        uscc.make_uscc("91350100", "M00010OY")


def test_check_helpers_reject_bad_input():
    with pytest.raises(ValueError):
        uscc.check_character("91350100M000100Y")
    with pytest.raises(ValueError):
        uscc.org_code_check_character("M00010")


def test_division_code():
    assert uscc.division_code("91110108551385082Q") == "110108"
    assert uscc.division_code(" 91440300mA5D11102W ") == "440300"


@pytest.mark.parametrize(
    "division, unit",
    [
        ("440305", "440300"),  # Shenzhen, Nanshan: separate city
        ("440300", "440300"),
        ("440106", "440000"),  # Guangzhou: Guangdong
        ("370212", "370200"),  # Qingdao
        ("210202", "210200"),  # Dalian
        ("330203", "330200"),  # Ningbo
        ("350203", "350200"),  # Xiamen
        ("210102", "210000"),  # Shenyang: Liaoning
        ("110108", "110000"),  # Beijing, Haidian
        ("650102", "650000"),
        ("660100", "660000"),  # XPCC
        ("990000", None),
        ("710000", None),  # Taiwan is not a reporting unit
        ("100000", None),  # national level
        ("4403", None),
        ("44030A", None),
        ("", None),
    ],
)
def test_reporting_unit_code(division, unit):
    assert uscc.reporting_unit_code(division) == unit


def test_reporting_unit_code_xpcc_is_configurable():
    assert uscc.reporting_unit_code("660001", xpcc_code="XPCC01") == "XPCC01"


def test_reporting_units_data():
    units = uscc.REPORTING_UNITS
    assert len(units) == 37
    assert len({u[0] for u in units}) == 37
    kinds = [u[3] for u in units]
    assert (kinds.count("province"), kinds.count("separate_city"), kinds.count("xpcc")) == (
        31,
        5,
        1,
    )
    codes = {u[0] for u in units}
    for code, _zh, en, kind, parent in units:
        assert len(code) == 6 and en
        if kind == "separate_city":
            assert parent in codes and parent.endswith("0000")
        else:
            assert parent == ""
