"""The workflow in pages: the buttons of ``portal/_transitions.html`` and the POST that applies one.

Both read the workflow's declaration (portal.workflow), so a new transition needs no
template or view change.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .limits import REASON
from .workflow import AlreadyApplied


@dataclass(frozen=True)
class Button:
    action: str
    label: str
    style: str
    url: str
    reason_required: bool


def transition_buttons(workflow, obj, user, url):
    """Context for ``portal/_transitions.html``: the actions the user may take on ``obj`` now.

    ``url`` is where the form posts; a callable gets the action (for a URL per action).
    """
    buttons = [
        Button(
            t.action, t.label, t.style, url(t.action) if callable(url) else url, t.reason_required
        )
        for t in workflow.offered(obj, user)
    ]
    asks_reason = any(t.asks_reason for t in workflow.offered(obj, user))
    return {
        "buttons": buttons,
        "asks_reason": asks_reason,
        "object_id": obj.pk,
        "seen": getattr(obj, workflow.field),
    }


class TransitionForm(forms.Form):
    """What the buttons post: the action, the reason that may go with it, and the status
    the page showed (``seen``: a second post of the same form does nothing more)."""

    action = forms.CharField(max_length=30)
    seen = forms.CharField(max_length=20, required=False)
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        max_length=REASON,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def confirmation(request, workflow, obj, action):
    """The page asking to confirm ``action`` on ``obj``, or None when it is confirmed or needs none.

    A plain form posts the action again with ``confirmed``, so it works without JavaScript;
    an action the user may not take, or missing its required reason, goes straight on to be
    refused with the reason why.
    """
    transition = workflow.transition(action)
    reason = request.POST.get("reason", "").strip()
    if (
        transition not in workflow.offered(obj, request.user)
        or not transition.confirm
        or request.POST.get("confirmed")
        or (transition.reason_required and not reason)
    ):
        return None
    context = {
        "object": obj,
        "transition": transition,
        "reason": reason,
        "action": action,
        "seen": request.POST.get("seen", ""),
    }
    return render(request, "portal/confirm_transition.html", context)


def apply_posted(request, workflow, obj, action=None):
    """Apply the posted action to ``obj``; success or the refusal goes to the user's messages."""
    data = request.POST.copy()
    if action is not None:
        data["action"] = action
    form = TransitionForm(data)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return None
    action = form.cleaned_data["action"]
    try:
        log = workflow.apply(
            obj,
            action,
            request.user,
            reason=form.cleaned_data["reason"],
            seen=form.cleaned_data["seen"],
        )
    except AlreadyApplied as repeated:
        messages.info(request, repeated.messages[0])
        return None
    except ValidationError as refused:
        for message in error_messages(refused):
            messages.error(request, message)
        return None
    messages.success(
        request,
        _("Done: %(action)s. The status is now “%(state)s”.")
        % {"action": workflow.transition(action).label, "state": workflow.label(log.to_status)},
    )
    return log


def error_messages(error):
    """The messages of a ValidationError, field errors included, as plain strings."""
    if hasattr(error, "error_dict"):
        return [str(m) for field_messages in error.message_dict.values() for m in field_messages]
    return [str(m) for m in error.messages]


def flash_form_errors(request, form):
    """The form's errors as the page's messages, each led by its field's label."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for message in errors:
            messages.error(request, f"{label}: {message}" if label else message)


def attempt(request, action, success, form=None):
    """Run a service call; its refusal (or the form's errors) becomes the page's messages."""
    if form is not None and not form.is_valid():
        flash_form_errors(request, form)
        return False
    try:
        action()
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True
