"""Consumers' evaluations on an enterprise's public page (enterprises.page_sections)."""

from django.utils.translation import gettext_lazy as _

from enterprises.page_sections import Section

from .services import evaluations

SHOWN = 50


def sections(enterprise):
    rows = evaluations.released_rows(enterprise)
    figures = evaluations.summary(rows)
    if not figures["count"]:
        return []
    context = {"summary": figures, "evaluations": list(rows[:SHOWN]), "uscc": enterprise.uscc}
    return [
        Section(
            _("Consumers' evaluations"), "monitoring/evaluations/_public_section.html", context, 50
        )
    ]
