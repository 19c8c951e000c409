"""Existing status logs into the one shape: name each row's action, log past decisions."""

from django.db import migrations

PLEDGE_ACTIONS = {"submitted": "submit", "published": "publish", "returned": "return",
                  "withdrawn": "withdraw", "draft": "revise"}  # fmt: skip
CERTIFICATE_ACTIONS = {"suspended": "suspend", "valid": "reinstate", "revoked": "revoke",
                       "cancelled": "cancel", "expired": "expire"}  # fmt: skip
CLAIM_ACTIONS = {"approved": "approve", "rejected": "reject"}
FRONT_RUNNER_ACTIONS = {"confirmed": "confirm", "declined": "decline"}


def name_actions(apps, schema_editor):
    for model, actions in (("PledgeStatusChange", PLEDGE_ACTIONS),
                           ("CertificateStatusChange", CERTIFICATE_ACTIONS)):  # fmt: skip
        rows = apps.get_model("enterprises", model).objects
        for to_status, action in actions.items():
            rows.filter(to_status=to_status, action="").update(action=action)


def log_past_decisions(apps, schema_editor):
    """Claims and front-runner decisions had no log: one row each from what was recorded."""
    membership = apps.get_model("enterprises", "EnterpriseMembership")
    claim_log = apps.get_model("enterprises", "ClaimStatusChange")
    claim_log.objects.bulk_create(
        claim_log(membership=m, action=CLAIM_ACTIONS[m.status], from_status="pending",
                  to_status=m.status, actor_id=m.decided_by_id, reason=m.reason,
                  at=m.decided_at)  # fmt: skip
        for m in membership.objects.filter(status__in=CLAIM_ACTIONS, decided_at__isnull=False)
    )
    declaration = apps.get_model("enterprises", "StandardDeclaration")
    decision_log = apps.get_model("enterprises", "FrontRunnerChange")
    decided = declaration.objects.filter(
        front_runner__in=FRONT_RUNNER_ACTIONS, front_runner_decided_at__isnull=False
    )
    decision_log.objects.bulk_create(
        decision_log(declaration=d, action=FRONT_RUNNER_ACTIONS[d.front_runner],
                     from_status="candidate", to_status=d.front_runner,
                     actor_id=d.front_runner_decided_by_id, at=d.front_runner_decided_at)  # fmt: skip
        for d in decided
    )


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0006_one_status_log_shape")]

    operations = [
        migrations.RunPython(name_actions, migrations.RunPython.noop),
        migrations.RunPython(log_past_decisions, migrations.RunPython.noop),
    ]
