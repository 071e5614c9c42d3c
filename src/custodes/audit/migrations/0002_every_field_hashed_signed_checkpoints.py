from django.db import migrations, models

# Events already written keep scheme 1 (their hash did not cover the actor); new ones are
# scheme 2. TRUNCATE is refused on both tables: it fires no row trigger. Only a test database
# whose connection asks for it may be emptied, as the test runner does between tests.
FORBID = """
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' AND current_database() LIKE 'test\\_%'
       AND current_setting('custodes.erase_audit_log', true) = 'yes' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
"""
ALLOW = """
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event;
DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_checkpoint;
DROP TRIGGER IF EXISTS audit_checkpoint_no_truncate ON audit_checkpoint;
DROP FUNCTION IF EXISTS audit_append_only();
"""


def forbid_changes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORBID, params=None)


def allow_changes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="scheme",
            field=models.PositiveSmallIntegerField(default=1),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="event",
            name="signature",
            field=models.CharField(blank=True, default="", max_length=128),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="Checkpoint",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField()),
                ("reason", models.CharField(max_length=20)),
                ("sequence", models.PositiveBigIntegerField()),
                ("head_hash", models.CharField(max_length=64)),
                ("public_key", models.CharField(max_length=64)),
                ("signature", models.CharField(max_length=128)),
            ],
            options={"db_table": "audit_checkpoint", "ordering": ["sequence", "id"]},
        ),
        migrations.CreateModel(
            name="FailedSignIns",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("subject", models.CharField(max_length=100)),
                ("hour", models.DateTimeField()),
                ("failures", models.PositiveIntegerField(default=0)),
                ("refused", models.PositiveIntegerField(default=0)),
                ("last_at", models.DateTimeField()),
                ("recorded", models.BooleanField(default=False)),
            ],
            options={"db_table": "audit_failed_signins"},
        ),
        migrations.AddConstraint(
            model_name="failedsignins",
            constraint=models.UniqueConstraint(fields=("subject", "hour"), name="one_tally_an_hour"),
        ),
        migrations.RunPython(forbid_changes, allow_changes),
    ]
