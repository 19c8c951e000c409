"""The two rule sets of DOMAIN.md section 4 (complaints/rule_sets.py)."""

from django.db import migrations


def create(apps, schema_editor):
    from complaints.rule_sets import ensure_rule_sets

    ensure_rule_sets(apps.get_model("complaints", "RuleSet"), apps.get_model("complaints", "Ground"))


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_complaints_and_their_handling")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
