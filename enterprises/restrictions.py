"""Whether an enterprise may receive an honour, asked of every app's ``restrictions.py``.

An app that can forbid an honour (credit: the serious-dishonesty list) defines in
``<app>/restrictions.py``::

    def blocked(honour, enterprise_ids) -> dict[int, str]:
        '''Of these enterprise ids, those that may not receive the honour, with why.'''

``honour`` is one of RECOGNITION, FRONT_RUNNER, AWARD; the answer reads the
app's own tables with set-based queries, so a list of any length costs a few
queries. Enterprises import no app to ask: the modules are discovered.

An app may also define ``flags(enterprise_ids) -> dict[int, str]``: a short label shown to
regulators beside the enterprise's name (credit: "Serious illegal and dishonest list").
"""

from portal.discovery import app_modules

RECOGNITION = "recognition"  # a regulator's recognition of a notable improvement
FRONT_RUNNER = "front_runner"  # the standards front-runner list
AWARD = "award"  # any award the campaign gives


def blocked(honour, enterprise_ids):
    """{enterprise id: [reasons]} for the enterprises among these that may not receive it."""
    reasons = {}
    ids = list(enterprise_ids)
    for _config, module in app_modules("restrictions"):
        if module.__name__ == __name__:
            continue
        for pk, reason in module.blocked(honour, ids).items():
            reasons.setdefault(pk, []).append(str(reason))
    return reasons


def reasons_against(enterprise, honour):
    """Why this enterprise may not receive the honour; empty when it may."""
    return blocked(honour, [enterprise.pk]).get(enterprise.pk, [])


def flags(enterprise_ids):
    """{enterprise id: [labels]} regulators see beside these enterprises' names."""
    labels = {}
    ids = list(enterprise_ids)
    for _config, module in app_modules("restrictions"):
        if module.__name__ == __name__ or not hasattr(module, "flags"):
            continue
        for pk, label in module.flags(ids).items():
            labels.setdefault(pk, []).append(str(label))
    return labels
