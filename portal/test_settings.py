"""Settings for the test suite: always PostgreSQL and Redis, never SQLite.

DATABASE_URL and REDIS_URL default to the local services (the Makefile starts
them); anything but PostgreSQL is refused so a test run cannot silently pass
on another database.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

from .settings import *  # noqa: E402, F403
from .settings import BASE_DIR, CACHES, DATABASES, REDIS_URL, STATIC_ROOT  # noqa: E402

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "The tests run on PostgreSQL only; DATABASE_URL points at "
        f"{DATABASES['default']['ENGINE']}. Run them with `make test`."
    )
if not REDIS_URL.startswith("redis://"):
    raise ImproperlyConfigured("The tests need Redis: set REDIS_URL (make test does).")

DATABASES["default"]["CONN_MAX_AGE"] = 0
# Parallel workers share one Redis database; each clears only its own keys between tests.
CACHES["default"]["KEY_PREFIX"] = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media-private"
LANGUAGE_CODE = "zh-hans"

Path(STATIC_ROOT).mkdir(exist_ok=True)  # WhiteNoise warns when it is missing

# An app known only to the tests; it joins the portal through its discovered modules.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.throwaway_app"]  # noqa: F405
