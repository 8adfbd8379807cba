"""Day tallies went to the diary (state only)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('insights', '0002_count_existing_days'),
        ('diary', '0007_moved_here'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='DayTally',
                ),
            ],
        ),
    ]
