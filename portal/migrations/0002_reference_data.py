"""The 37 reporting units, their two agencies each, headquarters, and admin divisions."""

from django.db import migrations

from portal import reference_data


def load(apps, schema_editor):
    reference_data.load(
        apps.get_model("portal", "ReportingUnit"),
        apps.get_model("portal", "Agency"),
        apps.get_model("portal", "AdminDivision"),
    )


def unload(apps, schema_editor):
    for model in ("AdminDivision", "Agency", "ReportingUnit"):
        apps.get_model("portal", model).objects.all().delete()


APPEND_ONLY_SQL = """
CREATE OR REPLACE FUNCTION portal_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'portal_auditentry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER portal_auditentry_append_only
    BEFORE UPDATE OR DELETE ON portal_auditentry
    FOR EACH ROW EXECUTE FUNCTION portal_audit_append_only();
"""


def protect_audit_table(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(APPEND_ONLY_SQL)


def unprotect_audit_table(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "DROP TRIGGER IF EXISTS portal_auditentry_append_only ON portal_auditentry;"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [
        migrations.RunPython(load, unload),
        migrations.RunPython(protect_audit_table, unprotect_audit_table),
    ]
