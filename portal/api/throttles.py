"""API rate limits: per user at the rate of their role, and per address for anonymous calls.

Rates come from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] (keys: the roles and "anon"),
read at each request so that settings overrides apply.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from ..proxy import client_address


class _PortalThrottle:
    @property
    def THROTTLE_RATES(self):  # noqa: N802 - the name DRF reads
        return api_settings.DEFAULT_THROTTLE_RATES

    def get_ident(self, request):
        # DRF would believe any client's X-Forwarded-For; only the trusted proxy's counts.
        return client_address(request)


class RoleRateThrottle(_PortalThrottle, UserRateThrottle):
    """Logged-in users (session or token), at the rate of their role."""

    scope = "enterprise"

    def allow_request(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return True
        self.scope = request.user.role
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class AnonymousRateThrottle(_PortalThrottle, AnonRateThrottle):
    """Anonymous calls, per source address."""
