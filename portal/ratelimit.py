"""Rate limits on public forms, per source address: sign-up, password reset, public search.

``@rate_limited("signup")`` takes the rate from settings.PORTAL_RATE_LIMITS
(e.g. "5/hour") and answers 429 (our page, or JSON under /api/) when it is used up.
"""

import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .errors import too_many_requests
from .proxy import client_address

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
logger = logging.getLogger("portal.ratelimit")


def parse_rate(rate):
    """ "5/hour" -> (5, 3600)."""
    count, period = rate.split("/")
    return int(count), PERIODS[period]


def hit(scope, address, now=None):
    """Count a request; returns 0 if allowed, else the seconds until the window ends."""
    limit, period = parse_rate(settings.PORTAL_RATE_LIMITS[scope])
    now = now or time.time()
    window = int(now // period)
    count = counted(f"ratelimit:{scope}:{address}:{window}", period)
    return 0 if count <= limit else int((window + 1) * period - now) + 1


def counted(key, period):
    """Add one to a counter in the cache kept for ``period`` seconds; its new value.

    With the cache (Redis) unreachable the count is 0: the forms keep working, unlimited,
    and the failure is logged. Logins are still limited: their lockout is in the database.
    """
    try:
        cache.add(key, 0, timeout=period)
        return cache.incr(key)
    except (RedisConnectionError, RedisTimeoutError) as error:
        logger.warning("rate limit not counted, the cache is unreachable: %s", error)
        return 0


def rate_limited(scope, methods=("POST",)):
    """A view decorator: requests of these methods count against the scope's rate."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                wait = hit(scope, client_address(request))
                if wait:
                    return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
