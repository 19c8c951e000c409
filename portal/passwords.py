"""Password rules whose messages Django's own Chinese catalogue misses.

Django 5.2 changed the minimum-length message's msgid (to ``%d``); its zh_Hans catalogue
still translates the old one, so the message showed in English in the Chinese UI. This
validator says the same in our catalogue.
"""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short: it needs at least %(min_length)d character.",
            "This password is too short: it needs at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
