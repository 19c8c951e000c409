"""Every e-mail of the portal: one template pair per message, sent after the transaction commits.

A message named ``name`` is ``templates/mail/<name>/subject.txt`` and ``body.txt``
(rendered by the "mail" template engine: plain text, no HTML escaping). Each
recipient gets their own copy in their own language; a rolled-back write sends nothing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import User


@dataclass(frozen=True)
class Address:
    """A recipient who is not (or not yet) a user: an address and the language to write in."""

    email: str
    language: str = settings.LANGUAGE_CODE


def send(name, recipients, context=None):
    """Mail ``name`` to each recipient (a User or an Address) once the transaction commits.

    Returns how many messages will go out (recipients without an address are left out).
    """
    addresses = [_address(recipient) for recipient in recipients]
    addresses = [address for address in addresses if address.email]
    if addresses:
        context = dict(context or {})
        transaction.on_commit(lambda: _deliver(name, addresses, context))
    return len(addresses)


def render(name, language, context):
    """Subject (one line) and body of message ``name`` in ``language``."""
    with translation.override(language):
        subject = render_to_string(f"{name}/subject.txt", context, using="mail")
        body = render_to_string(f"{name}/body.txt", context, using="mail")
    return " ".join(subject.split()), body


def unit_staff(reporting_unit):
    """The active provincial staff of a reporting unit, as recipients."""
    return User.objects.filter(
        role=User.Role.PROVINCIAL, is_active=True, agency__reporting_unit=reporting_unit
    ).exclude(email="")


def headquarters_staff():
    """The active headquarters staff, as recipients."""
    return User.objects.filter(role=User.Role.HEADQUARTERS, is_active=True).exclude(email="")


def _address(recipient):
    if isinstance(recipient, Address):
        return recipient
    return Address(recipient.email, recipient.language)


def _deliver(name, addresses, context):
    rendered = {}
    messages = []
    for address in addresses:
        if address.language not in rendered:
            rendered[address.language] = render(name, address.language, context)
        subject, body = rendered[address.language]
        messages.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address.email]))
    get_connection().send_messages(messages)
