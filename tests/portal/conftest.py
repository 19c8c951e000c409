"""Minimal Django settings for the chart and PDF tests when pytest-django is not active.

With pytest-django (the normal run) the project settings are used and this hook
does nothing. Run with ``-p no:django`` the chart and PDF code still needs
gettext and the template engine, so it gets a settings stub here.
"""

from pathlib import Path

import django
from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]


def pytest_configure(config):
    """Configure stub settings unless pytest-django (or anything else) already did."""
    if config.pluginmanager.hasplugin("django") or settings.configured:
        return
    settings.configure(
        INSTALLED_APPS=[],
        USE_I18N=True,
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [BASE_DIR / "templates"],
            }
        ],
    )
    django.setup()
