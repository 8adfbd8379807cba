#!/usr/bin/env python
"""Django's usual entry point, for `./manage.py check --deploy` and friends.

Everyday use goes through the `glimmers` command (see docs/cli.md).
"""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glimmers.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
