"""What the queue and its deadlines read from an index: the day a court's order was made, the
queue's order, and national security letters by their day of arrival."""

from datetime import date

import django.db.models.lookups
from django.db import migrations, models


def order_dates(apps, schema_editor):
    """The day each court's order was made, from the demand's date of issue (else its arrival)."""
    Case = apps.get_model("cases", "Case")
    for case in Case.objects.filter(secrecy="court_ordered").select_related("demand"):
        issued = (case.demand.request or {}).get("issued_on")
        case.secrecy_since = date.fromisoformat(issued) if issued else case.demand.received_on
        case.save(update_fields=["secrecy_since"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_report_breakdowns"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="secrecy_since",
            field=models.DateField(blank=True, db_index=True, null=True),
        ),
        migrations.RunPython(order_dates, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                django.db.models.lookups.IsNull(models.F("due_at"), True),
                models.F("due_at"),
                django.db.models.lookups.IsNull(models.F("due_on"), True),
                models.F("due_on"),
                models.F("created_at"),
                name="case_queue_order",
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["instrument", "received_on"], name="case_instrument_received"),
        ),
    ]
