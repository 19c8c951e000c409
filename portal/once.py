"""One result per form: a hidden one-time token, spent in the transaction that acts on it.

A form that creates something mixes in ``OnceForm`` (a hidden ``once`` field holding a new
UUID each time the form is served) and its view hands the work to ``submit``. The token is
spent (a ``SentForm`` row, its primary key) in the same transaction as the work, so the
same form sent again, by a double click, a retry, a second tab or two posts at once, does
not make a second object: it goes to the first post's result with a message. A post that
fails (a ValidationError) spends nothing and can be sent again.
"""

import datetime
import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SentForm

FIELD = "once"


class OnceForm(forms.Form):
    """Mixin: the hidden one-time token (a post without one is taken as it comes)."""

    once = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[FIELD] = uuid.uuid4()


def submit(request, form, create):
    """Run ``create()`` (it returns the URL of its result) once per token; redirect there.

    The token leaves ``form.cleaned_data`` before ``create`` runs.
    """
    key = form.cleaned_data.pop(FIELD, None)
    if key is None:
        return redirect(create())
    with transaction.atomic():
        try:
            with transaction.atomic():
                spent = SentForm.objects.create(key=key)
        except IntegrityError:  # spent by an earlier post (waited for, if it was in progress)
            first = SentForm.objects.get(key=key)
            messages.info(
                request,
                _(
                    "This form was already sent and has been dealt with; it was not "
                    "sent a second time. Here is the result."
                ),
            )
            return redirect(first.result)
        spent.result = create()
        spent.save(update_fields=["result"])
    return redirect(spent.result)


def forget_spent(now=None):
    """Delete tokens spent more than PORTAL_SENT_FORM_DAYS ago; returns how many went."""
    since = (now or timezone.now()) - datetime.timedelta(days=settings.PORTAL_SENT_FORM_DAYS)
    deleted, _by_model = SentForm.objects.filter(sent_at__lt=since).delete()
    return deleted
