"""Public forms guarded against robots without any third-party service.

``GuardedForm`` adds two fields: a signed timestamp of when the form was served (a post
sooner than ``PORTAL_FORM_MIN_SECONDS`` after it, or with a token older than a day or
forged, is refused) and a honeypot field that people never see and robots fill in.
Rate limits per address come from ``portal.ratelimit``.
"""

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

SALT = "portal.form_guard"
MAX_AGE = 24 * 3600


def new_token():
    return signing.TimestampSigner(salt=SALT).sign("form")


class GuardedForm(forms.Form):
    """A public form with a fill-time token and a honeypot; subclasses add their fields."""

    form_token = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "trap"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_token"] = new_token()

    def clean_form_token(self):
        signer = signing.TimestampSigner(salt=SALT)
        token = self.cleaned_data["form_token"]
        try:
            signer.unsign(token, max_age=MAX_AGE)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form has expired. Reload the page and send it again."), code="token"
            ) from None
        try:
            signer.unsign(token, max_age=settings.PORTAL_FORM_MIN_SECONDS)
        except signing.SignatureExpired:
            return token
        raise forms.ValidationError(
            _("The form was sent too quickly. Check it and send it again."), code="too_fast"
        )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."), code="honeypot")
        return ""
