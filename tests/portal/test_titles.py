"""Titles break where the meaning allows (GB/T 9704 7.3.1), for every unit's report."""

import pytest

from portal.reference_units import REPORTING_UNITS
from portal.titles import LINE_CHARACTERS, title_lines, width

ROUND_TITLES = [
    "2019年服务业质量提升专项行动进展情况报告",
    "2020年度服务业质量提升专项行动工作总结",
    "2021年服务业质量提升专项行动推进情况报告",
    "报告",
]
# Words no line may end inside, whatever the title.
WORDS = [
    "服务业",
    "质量提升",
    "专项行动",
    "进展情况报告",
    "推进情况报告",
    "工作总结",
    "（全国汇总）",
    "2019年",
    "2020年度",
]
TITLES = [unit[1] + round_title for unit in REPORTING_UNITS for round_title in ROUND_TITLES]
TITLES += [round_title + "（全国汇总）" for round_title in ROUND_TITLES]


def breaks(lines):
    """Offsets in the title where one line ends and the next begins."""
    offsets, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        offsets.append(at)
    return offsets


@pytest.mark.parametrize("title", TITLES)
def test_no_line_ends_inside_a_word(title):
    lines = title_lines(title)
    assert "".join(lines) == title
    assert all(width(line) <= LINE_CHARACTERS for line in lines), lines
    for word in [*WORDS, *(unit[1] for unit in REPORTING_UNITS)]:
        start = title.find(word)
        while start != -1:
            inside = range(start + 1, start + len(word))
            assert not set(breaks(lines)) & set(inside), (word, lines)
            start = title.find(word, start + 1)


def test_the_lines_are_balanced_and_the_addition_never_alone():
    assert title_lines("广东省2019年服务业质量提升专项行动进展情况报告") == [
        "广东省2019年服务业质量提升",
        "专项行动进展情况报告",
    ]
    assert title_lines("2019年服务业质量提升专项行动进展情况报告（全国汇总）") == [
        "2019年服务业质量提升专项行动",
        "进展情况报告（全国汇总）",
    ]
    assert title_lines("北京市2019年报告") == ["北京市2019年报告"]
