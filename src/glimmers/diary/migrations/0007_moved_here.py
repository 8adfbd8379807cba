"""The owner's profile, kept edit conflicts and the day tallies move into the diary.

The tables stay as they are (no row is copied); the models are taken over in Django's
state, and then each table is renamed after its new app."""

import django.db.models.deletion
import django.utils.timezone
import glimmers.diary.models.profile
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('diary', '0006_search_facts'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('accounts', '0001_initial'),
        ('api', '0001_device_tokens_and_conflicts'),
        ('insights', '0002_count_existing_days'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Profile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('time_zone', models.CharField(default='UTC', max_length=64, validators=[glimmers.diary.models.profile.validate_time_zone], verbose_name='time zone')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='profile', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={'db_table': 'accounts_profile'},
                ),
                migrations.CreateModel(
                    name='DayTally',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('day', models.DateField()),
                        ('weekday', models.PositiveSmallIntegerField(default=0)),
                        ('glimmers', models.PositiveIntegerField(default=0)),
                        ('strong', models.PositiveIntegerField(default=0)),
                        ('triggers', models.PositiveIntegerField(default=0)),
                        ('beans', models.PositiveIntegerField(default=0)),
                        ('sense_sight', models.PositiveIntegerField(default=0)),
                        ('sense_hearing', models.PositiveIntegerField(default=0)),
                        ('sense_smell', models.PositiveIntegerField(default=0)),
                        ('sense_taste', models.PositiveIntegerField(default=0)),
                        ('sense_touch', models.PositiveIntegerField(default=0)),
                        ('sense_body', models.PositiveIntegerField(default=0)),
                        ('sense_intuition', models.PositiveIntegerField(default=0)),
                        ('kind_moment', models.PositiveIntegerField(default=0)),
                        ('kind_memory', models.PositiveIntegerField(default=0)),
                        ('kind_dark_time', models.PositiveIntegerField(default=0)),
                        ('kind_conversation', models.PositiveIntegerField(default=0)),
                        ('kind_photo', models.PositiveIntegerField(default=0)),
                        ('hour_00', models.PositiveIntegerField(default=0)),
                        ('hour_01', models.PositiveIntegerField(default=0)),
                        ('hour_02', models.PositiveIntegerField(default=0)),
                        ('hour_03', models.PositiveIntegerField(default=0)),
                        ('hour_04', models.PositiveIntegerField(default=0)),
                        ('hour_05', models.PositiveIntegerField(default=0)),
                        ('hour_06', models.PositiveIntegerField(default=0)),
                        ('hour_07', models.PositiveIntegerField(default=0)),
                        ('hour_08', models.PositiveIntegerField(default=0)),
                        ('hour_09', models.PositiveIntegerField(default=0)),
                        ('hour_10', models.PositiveIntegerField(default=0)),
                        ('hour_11', models.PositiveIntegerField(default=0)),
                        ('hour_12', models.PositiveIntegerField(default=0)),
                        ('hour_13', models.PositiveIntegerField(default=0)),
                        ('hour_14', models.PositiveIntegerField(default=0)),
                        ('hour_15', models.PositiveIntegerField(default=0)),
                        ('hour_16', models.PositiveIntegerField(default=0)),
                        ('hour_17', models.PositiveIntegerField(default=0)),
                        ('hour_18', models.PositiveIntegerField(default=0)),
                        ('hour_19', models.PositiveIntegerField(default=0)),
                        ('hour_20', models.PositiveIntegerField(default=0)),
                        ('hour_21', models.PositiveIntegerField(default=0)),
                        ('hour_22', models.PositiveIntegerField(default=0)),
                        ('hour_23', models.PositiveIntegerField(default=0)),
                        ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='day_tallies', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'insights_daytally',
                        'ordering': ['day'],
                        'constraints': [models.UniqueConstraint(models.F('owner'), models.F('day'), name='one_tally_a_day')],
                    },
                ),
                migrations.CreateModel(
                    name='EditConflict',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('base_version', models.PositiveIntegerField()),
                        ('saved_version', models.PositiveIntegerField()),
                        ('data', models.JSONField()),
                        ('received_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                        ('settled_at', models.DateTimeField(blank=True, null=True)),
                        ('glimmer', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='edit_conflicts', to='diary.glimmer')),
                        ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='edit_conflicts', to=settings.AUTH_USER_MODEL)),
                        ('trigger', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='edit_conflicts', to='diary.trigger')),
                    ],
                    options={
                        'db_table': 'api_editconflict',
                        'ordering': ['received_at', 'id'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('glimmer__isnull', False), ('trigger__isnull', False), _connector='XOR'), name='conflict_has_one_entry')],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name='profile', table=None),
        migrations.AlterModelTable(name='daytally', table=None),
        migrations.AlterModelTable(name='editconflict', table=None),
    ]
