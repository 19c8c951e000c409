"""PDF rendering with WeasyPrint, laid out after GB/T 9704-2012.

Templates extend ``pdf/document.html``, which links ``portal/pdf/gbt9704.css``
relative to :data:`BASE_URL` (this app's static directory), so rendering needs
neither ``collectstatic`` nor a web server. Only ``file:`` and ``data:`` URLs
are fetched: documents embed their charts (``portal.charts``) as ``<img>``
data URIs and never reach out to the network.
"""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

STATIC_DIR = Path(__file__).resolve().parent / "static"
BASE_URL = STATIC_DIR.as_uri() + "/"
GBT9704_CSS = STATIC_DIR / "portal" / "pdf" / "gbt9704.css"

# One font configuration for the whole process: fontconfig is scanned once.
FONT_CONFIG = FontConfiguration()


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render an HTML string to PDF bytes (relative URLs resolve against base_url)."""
    fetcher = URLFetcher(allowed_protocols=("file", "data"))
    document = HTML(string=html, base_url=base_url or BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(font_config=FONT_CONFIG)


def render_document(template_name: str, context: dict | None = None, request=None) -> bytes:
    """Render a Django template (usually extending pdf/document.html) to PDF bytes."""
    from django.template.loader import render_to_string

    return render_pdf(render_to_string(template_name, context or {}, request=request))
