"""Device tokens went to accounts and kept edit conflicts to the diary (state only)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('api', '0001_device_tokens_and_conflicts'),
        ('accounts', '0002_device_tokens_moved_here'),
        ('diary', '0007_moved_here'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='editconflict',
                    name='glimmer',
                ),
                migrations.RemoveField(
                    model_name='editconflict',
                    name='owner',
                ),
                migrations.RemoveField(
                    model_name='editconflict',
                    name='trigger',
                ),
                migrations.DeleteModel(
                    name='DeviceToken',
                ),
                migrations.DeleteModel(
                    name='EditConflict',
                ),
            ],
        ),
    ]
