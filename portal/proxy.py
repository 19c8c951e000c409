"""Trust the reverse proxy's forwarded headers, and nobody else's."""

import ipaddress

from django.conf import settings

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")


def is_trusted_proxy(address):
    """Whether the address is one of settings.TRUSTED_PROXIES (addresses or networks)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = (ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES)
    return any(ip in network for network in networks)


def client_address(request):
    """The client's address: behind a trusted proxy, the last one it saw in X-Forwarded-For."""
    address = request.META.get("REMOTE_ADDR", "")
    if is_trusted_proxy(address):
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        untrusted = [a for a in forwarded if a and not is_trusted_proxy(a)]
        if untrusted:
            return untrusted[-1]
    return address


class TrustedProxyMiddleware:
    """Drop X-Forwarded-* headers unless the request comes from a trusted proxy.

    Runs before SecurityMiddleware, so a client talking to gunicorn directly
    cannot claim HTTPS (SECURE_PROXY_SSL_HEADER) and skip the redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)
