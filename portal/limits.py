"""Length limits for text a person types, in one place.

CharFields carry ``max_length``; TextFields get ``text_limit(n)``: the
max_length (so forms and DRF serializers refuse more, and the browser's
textarea stops at it) and a MaxLengthValidator (so the model's full_clean
refuses it too). Every refusal says the limit and the length given.
"""

from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

NAME = 200
REASON = 2000
PLEDGE_TEXT = 5000
REPORT_SECTION = 20_000

# DRF's own message does not say how long the text was.
API_MAX_LENGTH_MESSAGE = _(
    "Ensure this field has no more than {max_length} characters (it has %(show_value)d)."
)


def text_limit(limit):
    """Keyword arguments that limit a TextField to ``limit`` characters."""
    return {"max_length": limit, "validators": [MaxLengthValidator(limit)]}


def use_api_message():
    """Make DRF's max_length errors say the length given (called once at start-up)."""
    from rest_framework import fields

    fields.CharField.default_error_messages["max_length"] = API_MAX_LENGTH_MESSAGE
