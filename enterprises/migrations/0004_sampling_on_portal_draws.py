"""Standard-declaration sampling records its draws with portal.draws; the old seeds move there."""

import django.db.models.deletion
from django.db import migrations, models

LEGACY_ALGORITHM = "python-random-sample (before sha256-rank-v1)"


def move_seeds(apps, schema_editor):
    """Legacy draws keep their seed and result; their candidate list was never recorded."""
    SamplingDraw = apps.get_model("enterprises", "SamplingDraw")
    Draw = apps.get_model("portal", "Draw")
    for sample in SamplingDraw.objects.all():
        result = [str(pk) for pk in sample.items.order_by("declaration_id").values_list("declaration_id", flat=True)]
        record = Draw.objects.create(
            purpose=f"enterprises.standards:legacy:{sample.pk}",
            seed=str(sample.seed),
            algorithm=LEGACY_ALGORITHM,
            candidates="",
            candidates_sha256="",
            population=sample.population,
            k=len(result),
            result=result,
            reporting_unit_id=sample.reporting_unit_id,
            drawn_by_id=sample.drawn_by_id,
        )
        Draw.objects.filter(pk=record.pk).update(drawn_at=sample.drawn_at)
        sample.draw = record
        sample.save(update_fields=["draw"])


class Migration(migrations.Migration):
    dependencies = [
        ("enterprises", "0003_self_service"),
        ("portal", "0005_draw"),
    ]

    operations = [
        migrations.AddField(
            model_name="samplingdraw",
            name="draw",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="portal.draw",
                verbose_name="draw",
            ),
        ),
        migrations.RunPython(move_seeds, migrations.RunPython.noop),
        migrations.RemoveField(model_name="samplingdraw", name="seed"),
        migrations.AlterField(
            model_name="samplingdraw",
            name="draw",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="portal.draw",
                verbose_name="draw",
            ),
        ),
    ]
