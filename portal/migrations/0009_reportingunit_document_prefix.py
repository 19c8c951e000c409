"""Reporting units get a document-number prefix (粤市监), filled with the defaults."""

from django.db import migrations, models

from portal import reference_data


def fill(apps, schema_editor):
    reference_data.fill_document_prefixes(apps.get_model("portal", "ReportingUnit"))


class Migration(migrations.Migration):
    dependencies = [("portal", "0008_merge_user_language_and_download_audit")]

    operations = [
        migrations.AddField(
            model_name="reportingunit",
            name="document_prefix",
            field=models.CharField(
                blank=True,
                help_text="The prefix of the report's document number, e.g. 粤市监 in 粤市监〔2019〕12号.",
                max_length=20,
                verbose_name="document number prefix",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
