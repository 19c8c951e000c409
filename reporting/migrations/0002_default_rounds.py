"""The 2019 and 2020 rounds (due 2019-11-30 and 2020-11-30) and their milestones."""

from django.db import migrations


def load(apps, schema_editor):
    from reporting.defaults import ensure_default_rounds

    ensure_default_rounds(apps.get_model("reporting", "Round"), apps.get_model("reporting", "Milestone"))


def unload(apps, schema_editor):
    from reporting.defaults import DEFAULT_ROUNDS

    Round = apps.get_model("reporting", "Round")
    Round.objects.filter(title__in=[row[0] for row in DEFAULT_ROUNDS], reports__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
