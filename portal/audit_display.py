"""How recorded changes read on the pages: fields by their names, choices by their labels.

Kept apart from portal.audit (which records) so that the audit entry model can show its
changes without importing the recorder.
"""

from django.urls import get_resolver
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

# What the details of events (record_event) are called on the pages.
EVENT_DETAILS = {
    "address": gettext_lazy("IP address"),
    "by": gettext_lazy("by"),
    "codes": gettext_lazy("evaluation codes"),
    "device": gettext_lazy("device"),
    "expires_at": gettext_lazy("expires at"),
    "failures": gettext_lazy("failures"),
    "file": gettext_lazy("file"),
    "filters": gettext_lazy("filters"),
    "format": gettext_lazy("format"),
    "key": gettext_lazy("key"),
    "kind": gettext_lazy("kind"),
    "locked_until": gettext_lazy("locked until"),
    "name": gettext_lazy("name"),
    "recovery_codes": gettext_lazy("recovery codes"),
    "rows": gettext_lazy("rows"),
    "username": gettext_lazy("username"),
}


# The actions of each workflow's log model ("app.model") in words: {action: label}.
_ACTIONS = {}


def name_actions(log_label, labels):
    """Called by each portal.workflow.Workflow as it is declared."""
    _ACTIONS[log_label.lower()] = labels


def _action_label(model, action):
    get_resolver().url_patterns  # noqa: B018 - the views import the services declaring workflows
    label = _ACTIONS.get(model._meta.label_lower, {}).get(action)
    return label or model.recorded_actions.get(action, action)


def shown_changes(model, changes):
    """[(label, before, after)]: recorded changes as pages show them, in words.

    A field is named by its verbose name and a choice by its label (a workflow log's
    statuses and actions too); the details of an event by EVENT_DETAILS. The codes of a
    field without choices (a JSON list or dict, a job's kind) are named by the model's
    ``audit_words`` ({attname: dotted path of a function returning [(code, label)]}); texts
    keyed by code are shown without their keys; any other structured value without words,
    or nested, is counted rather than shown as code. Anything else is shown as recorded.
    """
    fields = {f.attname: f for f in model._meta.concrete_fields} if model else {}
    status_label = getattr(model, "status_label", None)  # a workflow's log (StatusLog)
    audit_words = getattr(model, "audit_words", {})
    rows = []
    for key, (before, after) in changes.items():
        field = fields.get(key)
        if status_label and key in ("from_status", "to_status"):
            before, after = (status_label(v) if v else v for v in (before, after))
        elif status_label and key == "action":
            before, after = (_action_label(model, v) if v else v for v in (before, after))
        words = dict(import_string(audit_words[key])()) if key in audit_words else None
        # gettext again: a library's verbose names (django-otp's) are plain strings.
        label = _(str(field.verbose_name)) if field else EVENT_DETAILS.get(key, key)
        rows.append((label, _shown(field, before, words), _shown(field, after, words)))
    return rows


def _shown(field, value, words=None):
    if isinstance(value, dict) and not words and all(isinstance(v, str) for v in value.values()):
        return " · ".join(v for v in value.values() if v) or None  # texts by section, say
    if isinstance(value, dict | list) and _nested(value) or isinstance(value, dict) and not words:
        return _counted(value)
    if isinstance(value, dict):
        keys = [k for k in words if k in value] + [k for k in value if k not in words]
        return "; ".join(f"{words.get(k, k)}: {_shown(None, value[k])}" for k in keys) or None
    if isinstance(value, list):
        return ", ".join(str(_shown(field, item, words)) for item in value) or None
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if words:
        return words.get(value, value)
    if field is not None and field.choices:
        return dict(field.flatchoices).get(value, value)
    return value


def _nested(value):
    items = value.values() if isinstance(value, dict) else value
    return any(isinstance(item, dict | list) for item in items)


def _counted(value):
    if not value:
        return None
    return ngettext("%(count)d entry", "%(count)d entries", len(value)) % {"count": len(value)}
