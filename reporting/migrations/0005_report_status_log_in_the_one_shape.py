"""The report log takes portal.models.StatusLog's shape: renamed, ``comment`` becomes ``reason``."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0004_join_private_attachments_and_text_limits"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("Transition", "ReportStatusChange"),
        migrations.RenameField("reportstatuschange", "comment", "reason"),
        migrations.AlterField(
            model_name="reportstatuschange",
            name="reason",
            field=models.TextField(
                blank=True,
                max_length=2000,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="reason",
            ),
        ),
        migrations.AlterField(
            model_name="reportstatuschange",
            name="action",
            field=models.CharField(max_length=30, verbose_name="action"),
        ),
        migrations.AlterField(
            model_name="reportstatuschange",
            name="from_status",
            field=models.CharField(blank=True, max_length=20, verbose_name="from"),
        ),
        migrations.AlterField(
            model_name="reportstatuschange",
            name="to_status",
            field=models.CharField(blank=True, max_length=20, verbose_name="to"),
        ),
        migrations.AlterField(
            model_name="reportstatuschange",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="by",
            ),
        ),
        migrations.AlterField(
            model_name="reportstatuschange",
            name="at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
        ),
        migrations.AlterField(
            model_name="reportstatuschange",
            name="report",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="status_changes",
                to="reporting.progressreport",
            ),
        ),
    ]
