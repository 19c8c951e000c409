"""Public pages (no login): published pledges and standard declarations."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from portal.models import ReportingUnit
from portal.ratelimit import rate_limited
from portal.scoping import public_rows

from .. import industries
from ..models import Enterprise, Pledge, PledgeRevision, StandardDeclaration, StandardIndicator
from ..page_sections import sections_for
from ..services.registry import search_name

PAGE_SIZE = 30
MAX_OFFSET = 10**9


def page_of(rows, request, size=PAGE_SIZE):
    """One page without COUNT(*): the rows, and whether there are more."""
    try:
        number = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        number = 1
    start = (number - 1) * size
    if start > MAX_OFFSET:
        raise Http404  # PostgreSQL's OFFSET is a bigint; no list is that long anyway
    items = list(rows[start : start + size + 1])
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "items": items[:size],
        "number": number,
        "has_previous": number > 1,
        "has_next": len(items) > size,
        "query": query.urlencode(),
    }


def filter_choices():
    """Reporting units and service sections for the filter forms."""
    service = [c for c in industries.section_choices() if c[0] in industries.SERVICE_SECTIONS]
    return {"units": ReportingUnit.objects.all(), "sections": service}


def _filtered(rows, request, enterprise="enterprise"):
    """Apply the public filters: region, industry section and a name fragment (bigram index)."""
    unit = request.GET.get("unit", "")
    section = request.GET.get("section", "")
    name = request.GET.get("q", "").strip()[:50]
    if unit.isdigit():
        rows = rows.filter(**{f"{enterprise}__reporting_unit__code": unit})
    if section in industries.SERVICE_SECTIONS:
        rows = rows.filter(**{f"{enterprise}__industry_section": section})
    if name:
        matches = search_name(Enterprise.objects.all(), name).values("pk")
        rows = rows.filter(**{f"{enterprise}__in": matches})
    return rows


@rate_limited("public_search", methods=("GET",))
def pledges(request):
    """The public directory of published pledges, by region and industry."""
    rows = public_rows(Pledge.objects.all()).select_related(
        "enterprise", "enterprise__reporting_unit", "published_revision"
    )
    rows = _filtered(rows, request).order_by("-published_at", "-id")
    context = {"page": page_of(rows, request), **filter_choices()}
    return render(request, "enterprises/public/pledges.html", context)


def enterprise_pledges(request, uscc):
    """One enterprise's public page: its pledges, declarations and other apps' sections."""
    enterprise = get_object_or_404(Enterprise.objects.select_related("reporting_unit"), uscc=uscc)
    pledge_rows = public_rows(Pledge.objects.filter(enterprise=enterprise))
    history = list(
        public_rows(PledgeRevision.objects.filter(pledge__in=pledge_rows))
        .select_related("pledge")
        .order_by("-published_at")
    )
    sections = sections_for(enterprise)
    if not history and not sections:
        raise Http404
    for revision in history:
        revision.is_current = revision.pk == revision.pledge.published_revision_id
    current = next((r for r in history if r.is_current), None)
    declarations = public_rows(StandardDeclaration.objects.filter(enterprise=enterprise))
    context = {
        "enterprise": enterprise,
        "current": current,
        "history": history,
        "declarations": declarations.order_by("-declared_at")[:50],
        "sections": sections,
    }
    return render(request, "enterprises/public/enterprise.html", context)


@rate_limited("public_search", methods=("GET",))
def declarations(request):
    """The public list of standard self-declarations."""
    rows = public_rows(StandardDeclaration.objects.all()).select_related(
        "enterprise", "enterprise__reporting_unit"
    )
    rows = _filtered(rows, request)
    kind = request.GET.get("type", "")
    if kind in StandardDeclaration.Type.values:
        rows = rows.filter(standard_type=kind)
    if request.GET.get("front_runner") == "1":
        rows = rows.filter(front_runner=StandardDeclaration.FrontRunner.CONFIRMED)
    context = {
        "page": page_of(rows.order_by("-declared_at", "-id"), request),
        "types": StandardDeclaration.Type.choices,
        **filter_choices(),
    }
    return render(request, "enterprises/public/declarations.html", context)


def declaration(request, pk):
    """One public declaration with its indicators and how they compare with the benchmark."""
    indicators = Prefetch("indicators", queryset=public_rows(StandardIndicator.objects.all()))
    rows = public_rows(StandardDeclaration.objects.all()).prefetch_related(indicators)
    item = get_object_or_404(rows.select_related("enterprise"), pk=pk)
    return render(request, "enterprises/public/declaration.html", {"declaration": item})
