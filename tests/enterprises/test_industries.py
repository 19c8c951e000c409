"""GB/T 4754-2017 sections and divisions."""

import pytest

from enterprises import industries
from enterprises.industries import (
    DIVISIONS,
    SECTIONS,
    SERVICE_SECTIONS,
    division_choices,
    section_choices,
    section_of_division,
)


def test_sections_a_to_t():
    assert [s[0] for s in SECTIONS] == list("ABCDEFGHIJKLMNOPQRST")
    assert all(zh and en for _letter, zh, en in SECTIONS)
    assert dict((s[0], s[1]) for s in SECTIONS)["K"] == "房地产业"


def test_service_sections():
    assert frozenset("FGHIJKLMNOPQRS") == SERVICE_SECTIONS
    assert {s[0] for s in SECTIONS} >= SERVICE_SECTIONS


def test_division_codes_are_unique_and_cover_01_to_97():
    codes = [d[0] for d in DIVISIONS]
    assert len(codes) == len(set(codes))
    assert codes == [f"{n:02d}" for n in range(1, 98)]
    assert all(zh and en for _code, zh, en, _s in DIVISIONS)


def test_every_section_has_divisions_and_every_division_a_known_section():
    letters = {s[0] for s in SECTIONS}
    assert {d[3] for d in DIVISIONS} == letters


def test_divisions_of_each_section_are_contiguous():
    sections = [d[3] for d in DIVISIONS]
    seen = []
    for letter in sections:
        if not seen or seen[-1] != letter:
            assert letter not in seen
            seen.append(letter)
    assert seen == [s[0] for s in SECTIONS]


@pytest.mark.parametrize(
    "section, first, last",
    [
        ("F", "51", "52"),
        ("G", "53", "60"),
        ("H", "61", "62"),
        ("I", "63", "65"),
        ("J", "66", "69"),
        ("K", "70", "70"),
        ("L", "71", "72"),
        ("M", "73", "75"),
        ("N", "76", "79"),
        ("O", "80", "82"),
        ("P", "83", "83"),
        ("Q", "84", "85"),
        ("R", "86", "90"),
        ("S", "91", "96"),
        ("T", "97", "97"),
    ],
)
def test_service_division_ranges(section, first, last):
    codes = [code for code, _label in division_choices(section)]
    assert codes == [f"{n:02d}" for n in range(int(first), int(last) + 1)]


def test_every_service_division_maps_to_a_service_section():
    service = [d for d in DIVISIONS if 51 <= int(d[0]) <= 96]
    assert len(service) == 46
    for code, _zh, _en, section in service:
        assert section in SERVICE_SECTIONS
        assert section_of_division(code) == section


def test_known_names():
    names = {d[0]: d[1] for d in DIVISIONS}
    assert names["51"] == "批发业"
    assert names["52"] == "零售业"
    assert names["62"] == "餐饮业"
    assert names["90"] == "娱乐业"
    assert names["96"] == "基层群众自治组织及其他组织"


def test_section_choices():
    choices = section_choices()
    assert len(choices) == 20
    assert ("F", "F 批发和零售业") in choices


def test_division_choices():
    assert len(division_choices()) == 97
    assert division_choices("F") == [("51", "51 批发业"), ("52", "52 零售业")]
    assert division_choices(" f ") == division_choices("F")
    with pytest.raises(ValueError):
        division_choices("Z")


def test_section_of_division():
    assert section_of_division("51") == "F"
    assert section_of_division("83") == "P"
    assert section_of_division("05") == "A"
    assert section_of_division(5) == "A"
    assert section_of_division("97") == "T"
    assert section_of_division("98") is None
    assert section_of_division("") is None


def test_module_exports():
    assert set(industries.__all__) >= {"SECTIONS", "DIVISIONS", "SERVICE_SECTIONS"}
