"""Forms of enterprise accounts: sign-up and claiming an enterprise."""

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from portal.models import User


class SignupForm(UserCreationForm):
    """An enterprise user's account; Django's password validators apply."""

    email = forms.EmailField(
        label=_("E-mail"), help_text=_("Decisions on your claims are sent here.")
    )
    full_name = forms.CharField(label=_("Full name"), max_length=60)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "full_name", "email"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address exists already."))
        return email


class ClaimForm(forms.Form):
    """Claim an enterprise by its USCC."""

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
