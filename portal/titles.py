"""Titles of official documents broken into lines where the meaning allows.

GB/T 9704-2012 (7.3.1) wants a long title broken so that every word stays whole and the
lines look balanced (回行时词意完整、排列对称). The title is cut into phrases at places
where a line may end: before a year (广东省|2019年), after it, before 专项行动, before
the document type (|进展情况报告) and before a bracketed addition (|（全国汇总）). Of the
ways to lay those phrases out in as few lines as the type area takes, the one whose
lines differ least in length wins. The template keeps each line whole (no wrapping).
"""

import re
from functools import cache

# 156 mm of type area / 22 pt characters: 20 characters a line.
LINE_CHARACTERS = 20
YEAR = re.compile(r"\d{4}年度?")
CAMPAIGN = re.compile(r"专项行动")
DOCUMENT_TYPE = re.compile(
    r"(?:进展情况报告|情况报告|工作报告|工作总结|报告|总结|通知|意见)(?:（[^）]*）)?$"
)
ADDITION = re.compile(r"（[^）]*）$")  # a bracketed addition at the end: （全国汇总）


def phrases(title: str) -> list[str]:
    """The title cut at every place where a line may end."""
    cuts = {m.start() for m in CAMPAIGN.finditer(title)}
    for year in YEAR.finditer(title):
        cuts |= {year.start(), year.end()}
    for pattern in (DOCUMENT_TYPE, ADDITION):
        found = pattern.search(title)
        if found:
            cuts.add(found.start())
    bounds = [0, *sorted(cuts - {0, len(title)}), len(title)]
    return [title[start:end] for start, end in zip(bounds, bounds[1:], strict=False)]


def width(text: str) -> float:
    """Width in characters: Latin letters and digits take half a CJK character."""
    return sum(0.5 if ch.isascii() else 1 for ch in text)


def title_lines(title: str, limit: int = LINE_CHARACTERS) -> list[str]:
    """The title's lines: whole phrases, the fewest lines, then the most even lengths."""
    parts = tuple(phrases(title))
    if any(width(part) > limit for part in parts):
        return [title]  # a phrase too long for a line: the layout breaks it
    for count in range(1, len(parts) + 1):
        best = _balanced(parts, count, limit)
        if best:
            return list(best)
    return [title]


@cache
def _balanced(parts: tuple[str, ...], count: int, limit: int) -> tuple[str, ...] | None:
    """The split of parts into count lines within limit whose longest line is shortest."""
    if count == 1:
        line = "".join(parts)
        return (line,) if width(line) <= limit else None
    options = []
    for cut in range(1, len(parts)):
        head, rest = "".join(parts[:cut]), _balanced(parts[cut:], count - 1, limit)
        if width(head) <= limit and rest:
            lines = (head, *rest)
            widths = [width(line) for line in lines]
            options.append((max(widths) - min(widths), lines))
    return min(options)[1] if options else None
