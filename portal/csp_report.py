"""The endpoint browsers send Content-Security-Policy violation reports to."""

import json
import logging

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .ratelimit import counted

logger = logging.getLogger("portal.csp")

MAX_REPORT_BYTES = 8 * 1024
REPORTS_PER_MINUTE = 30
LOGGED_FIELDS = ("document-uri", "violated-directive", "effective-directive", "blocked-uri")


def _over_rate(request):
    key = f"csp-report:{request.META.get('REMOTE_ADDR', '')}"
    return counted(key, 60) > REPORTS_PER_MINUTE


def _summary(body):
    try:
        report = json.loads(body).get("csp-report", {})
    except (ValueError, AttributeError):
        return None
    if not isinstance(report, dict):
        return None
    return {field: str(report.get(field, ""))[:300] for field in LOGGED_FIELDS}


@csrf_exempt
@require_POST
def csp_report(request):
    """Log one violation report; 413 if it is too large, 429 if a client sends too many."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    if _over_rate(request):
        return HttpResponse(status=429)
    summary = _summary(request.read(MAX_REPORT_BYTES))
    if summary is None:
        return HttpResponse(status=400)
    logger.warning("CSP violation: %s", json.dumps(summary, ensure_ascii=False))
    return HttpResponse(status=204)
