"""PDF rendering with WeasyPrint, laid out after GB/T 9704-2012.

Templates extend ``pdf/document.html``, which links ``portal/pdf/gbt9704.css``
relative to :data:`BASE_URL` (this app's static directory), so rendering needs
neither ``collectstatic`` nor a web server. Only ``file:`` and ``data:`` URLs
are fetched: documents embed their charts (``portal.charts``) as ``<img>``
data URIs and never reach out to the network.

The official faces come from the Fandol font files in ``PORTAL_PDF_FONT_DIR``:
each file present becomes an ``@font-face`` (family ``FandolFang``, ``FandolSong``,
``FandolHei``, ``FandolKai``) that every render adds to the document's styles.

The 版记 (imprint: 抄送, 印发机关, 印发日期) is an element of class ``imprint`` inside an
``imprint-holder``; it is set at the foot of its page (a CSS footnote), and GB/T 9704
wants that page even: when it lands on an odd page the document is laid out again with
the holder starting the next even page, on a page without a number.

Rendering is long work: call it from a Celery task (``portal.jobs``), never inside a
web request. A document of more than ``PORTAL_PDF_MAX_PAGES`` pages is refused with
``TooManyPages``, which fails its job with a message for the user.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from .jobs import Refused

STATIC_DIR = Path(__file__).resolve().parent / "static"
BASE_URL = STATIC_DIR.as_uri() + "/"
GBT9704_CSS = STATIC_DIR / "portal" / "pdf" / "gbt9704.css"

# One font configuration for the whole process: fontconfig is scanned once.
FONT_CONFIG = FontConfiguration()

# file name -> (family, weight) of the Fandol faces the stylesheet names.
FANDOL_FACES = {
    "FandolFang-Regular.otf": ("FandolFang", 400),
    "FandolSong-Regular.otf": ("FandolSong", 400),
    "FandolSong-Bold.otf": ("FandolSong", 700),
    "FandolHei-Regular.otf": ("FandolHei", 400),
    "FandolHei-Bold.otf": ("FandolHei", 700),
    "FandolKai-Regular.otf": ("FandolKai", 400),
}


class TooManyPages(Refused):
    """The laid-out document has more pages than a PDF may have."""

    def __init__(self, pages: int, limit: int, document: str = ""):
        super().__init__(pages, limit)
        self.pages, self.limit, self.document = pages, limit, document

    def __str__(self):
        # Translated when shown, so the language is the reader's, not the PDF's.
        message = _(
            "The PDF was not made: the document has %(pages)s pages, more than the "
            "limit of %(limit)s pages. Shorten the text and try again."
        ) % {"pages": self.pages, "limit": self.limit}
        if not self.document:
            return message
        return _("%(document)s: %(reason)s") % {"document": self.document, "reason": message}


def font_faces_css() -> str:
    """@font-face rules for the Fandol font files present in PORTAL_PDF_FONT_DIR."""
    directory = Path(settings.PORTAL_PDF_FONT_DIR)
    rules = [
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
        f'src: url("{(directory / name).as_uri()}"); }}'
        for name, (family, weight) in FANDOL_FACES.items()
        if (directory / name).is_file()
    ]
    return "\n".join(rules)


@cache
def font_faces() -> CSS:
    """The @font-face stylesheet, parsed once per process (it registers the fonts)."""
    return CSS(string=font_faces_css(), font_config=FONT_CONFIG)


@cache
def imprint_on_even_page() -> CSS:
    """The second layout's rule: the 版记 starts the next even page, on its own page."""
    return CSS(string=".imprint-holder { break-before: left; page: imprint; }")


def imprint_page(document) -> int | None:
    """The number of the page whose foot holds the 版记, if the document has one."""
    for number, page in enumerate(document.pages, start=1):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and "imprint" in (element.get("class") or "").split():
                return number
    return None


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render an HTML string to PDF bytes (relative URLs resolve against base_url)."""
    fetcher = URLFetcher(allowed_protocols=("file", "data"))
    html = HTML(string=html, base_url=base_url or BASE_URL, url_fetcher=fetcher)
    document = html.render(stylesheets=[font_faces()], font_config=FONT_CONFIG)
    if (imprint_page(document) or 0) % 2:
        stylesheets = [font_faces(), imprint_on_even_page()]
        document = html.render(stylesheets=stylesheets, font_config=FONT_CONFIG)
    limit = settings.PORTAL_PDF_MAX_PAGES
    if len(document.pages) > limit:
        raise TooManyPages(len(document.pages), limit)
    return document.write_pdf()


def render_document(template_name: str, context: dict | None = None, request=None) -> bytes:
    """Render a Django template (usually extending pdf/document.html) to PDF bytes."""
    from django.template.loader import render_to_string

    return render_pdf(render_to_string(template_name, context or {}, request=request))
