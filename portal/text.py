"""Text people type, made safe to show: no bidirectional control characters.

U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates) reorder what
follows them, so "txt.exe" typed with an override shows as "exe.txt" on pages and in
PDFs. Chinese and English text never needs them. Every text field of every project
model loses them on save (``strip_bidi_on_save``); bulk writes call ``without_bidi``.
"""

import re

from django.db import models
from django.db.models.signals import pre_save

from .discovery import project_app_labels

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_bidi(value):
    """The value without bidi controls; strings inside lists and dicts too (JSON fields)."""
    if isinstance(value, str):
        return BIDI_CONTROLS.sub("", value)
    if isinstance(value, list):
        return [without_bidi(v) for v in value]
    if isinstance(value, dict):
        return {k: without_bidi(v) for k, v in value.items()}
    return value


def _strip(sender, instance, **kwargs):
    if sender._meta.app_label not in project_app_labels():
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField | models.JSONField):
            value = getattr(instance, field.attname)
            if isinstance(value, str | list | dict):
                setattr(instance, field.attname, without_bidi(value))


def strip_bidi_on_save():
    """Connect the receiver (called once from PortalConfig.ready)."""
    pre_save.connect(_strip, dispatch_uid="portal_strip_bidi")
