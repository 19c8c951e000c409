"""Let the pure enterprises modules be tested with or without pytest-django."""

import os

from django.conf import settings

# Under pytest-django the project settings are already loaded; only a run with
# `-p no:django` (and no DJANGO_SETTINGS_MODULE) needs minimal settings so that
# lazy translated messages can be turned into str.
if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
    settings.configure(USE_I18N=False)
