"""Sections other apps add to an enterprise's public page, found in their ``enterprise_page.py``.

The enterprises app names no other app: an app that has something public to say about an
enterprise (monitoring: consumers' evaluations) defines, in ``<app>/enterprise_page.py``::

    def sections(enterprise) -> list[enterprises.page_sections.Section]

returning nothing when it has nothing public for that enterprise. Each section's template
is included with ``section`` (its context) and rendered under its title, in order.
"""

from dataclasses import dataclass, field

from portal.discovery import app_modules


@dataclass
class Section:
    """A part of an enterprise's public page: title, template, what the template reads."""

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def sections_for(enterprise):
    """Every app's public sections for the enterprise, in order."""
    found = []
    for _config, module in app_modules("enterprise_page"):
        found.extend(module.sections(enterprise))
    return sorted(found, key=lambda section: section.order)
