# The requesters' accounts, API tokens and rate-limit buckets, taken over from the portal
# (`portal.0002` lets go of them): first recorded on the portal's tables as they are, then
# those tables renamed as this app's. No row is copied; nothing is lost.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("portal", "0002_requesters_move_to_their_own_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='RateBucket',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=200, unique=True)),
                        ('tokens', models.FloatField()),
                        ('refilled_at', models.FloatField()),
                    ],
                    options={'db_table': 'portal_ratebucket'},
                ),
                migrations.CreateModel(
                    name='ApiToken',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key_hash', models.CharField(max_length=64, unique=True)),
                        ('prefix', models.CharField(max_length=12)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('last_used_at', models.DateTimeField(blank=True, null=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='api_tokens', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={'db_table': 'portal_apitoken'},
                ),
                migrations.CreateModel(
                    name='Requester',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200)),
                        ('agency', models.CharField(max_length=200)),
                        ('phone', models.CharField(blank=True, max_length=40)),
                        ('status', models.CharField(choices=[('unconfirmed', 'Unconfirmed'), ('pending', 'Pending'), ('approved', 'Approved'), ('refused', 'Refused')], default='unconfirmed', max_length=20)),
                        ('domain_verdict', models.CharField(max_length=10)),
                        ('domain_reason', models.TextField()),
                        ('email_confirmed_at', models.DateTimeField(blank=True, null=True)),
                        ('decision_reason', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='requester', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={'db_table': 'portal_requester'},
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="ratebucket", table=None),
        migrations.AlterModelTable(name="apitoken", table=None),
        migrations.AlterModelTable(name="requester", table=None),
    ]
