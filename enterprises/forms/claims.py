"""Forms of enterprise accounts: sign-up and claiming an enterprise."""

from django import forms
from django.contrib.auth.forms import UsernameField
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from portal.models import User
from portal.once import OnceForm


class SignupForm(forms.Form):
    """The first step of an enterprise account: whether the names are taken is told only by mail."""

    username = UsernameField(
        label=_("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=User._meta.get_field("username").help_text,
    )
    full_name = forms.CharField(label=_("Full name"), max_length=60)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_(
            "We send a link here to choose your password; decisions on your claims are sent "
            "here too."
        ),
    )


class ClaimForm(OnceForm):
    """Claim an enterprise by its USCC (sent once however often posted)."""

    uscc = forms.CharField(
        label=_("Unified Social Credit Code"),
        max_length=40,
        help_text=_("The 18-character code on the business licence."),
    )
    note = forms.CharField(
        label=_("Note for the regulator"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
