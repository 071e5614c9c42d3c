# The requesters' accounts, API tokens and rate-limit buckets belong to the `requesters` app
# (the core the portal and the API share): the portal lets go of them here, in Django's record
# of the models only; the tables stay, and `requesters.0001` takes them over.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ApiToken"),
                migrations.DeleteModel(name="RateBucket"),
                migrations.DeleteModel(name="Requester"),
            ],
            database_operations=[],
        ),
    ]
