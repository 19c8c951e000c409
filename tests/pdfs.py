"""Reading back the PDFs we render (pypdf is a development dependency)."""

import io

from pypdf import PdfReader


def pdf_fonts(pdf_bytes: bytes) -> set[str]:
    """Names of the fonts in a PDF without subset prefix, e.g. 'NotoSerifCJKsc-Regular'."""
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf_bytes)).pages:
        _collect_fonts(page.get("/Resources"), names, seen=set())
    return names


def _collect_fonts(resources, names: set[str], seen: set[int]) -> None:
    """Add the /BaseFont names of a resource dictionary and of its form XObjects."""
    resources = resources.get_object() if resources is not None else None
    if not resources or id(resources) in seen:
        return
    seen.add(id(resources))
    for font in _entries(resources, "/Font"):
        name = str(font.get("/BaseFont", "")).lstrip("/")
        if name:
            names.add(name.split("+", 1)[-1])
    for xobject in _entries(resources, "/XObject"):
        _collect_fonts(xobject.get("/Resources"), names, seen)


def _entries(resources, key: str) -> list:
    """The resolved values of one sub-dictionary (/Font, /XObject) of a resource dictionary."""
    sub = resources.get(key)
    return [value.get_object() for value in sub.get_object().values()] if sub is not None else []


def text_runs(pdf_bytes: bytes) -> list[tuple[str, str, float]]:
    """(text, font name without subset prefix, size in pt) of every text run, in order."""
    runs: list[tuple[str, str, float]] = []

    def visit(text, cm, _tm, font, size):
        if text.strip() and font is not None:
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
            runs.append((text.strip(), name, round(size * abs(cm[0]), 1)))

    for page in PdfReader(io.BytesIO(pdf_bytes)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def text_fonts(pdf_bytes: bytes) -> list[tuple[str, str]]:
    """(text, font name) of every text run, in reading order."""
    return [(text, font) for text, font, _size in text_runs(pdf_bytes)]


def size_of(pdf_bytes: bytes, snippet: str) -> float:
    """The type size (pt) of the last text run that contains the snippet."""
    return [size for text, _font, size in text_runs(pdf_bytes) if snippet in text][-1]


def font_of(pdf_bytes: bytes, snippet: str) -> str:
    """The font of the last text run that contains the snippet (the last, because a
    heading's entry in the table of contents comes before the heading)."""
    return [font for text, font in text_fonts(pdf_bytes) if snippet in text][-1]
