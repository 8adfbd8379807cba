"""Test settings: the real settings, read with GLIMMERS_HOME pointing at a throw-away folder.

pytest-django reads settings before any conftest runs, so the folder is chosen here.
"""

import os
import tempfile

os.environ["GLIMMERS_HOME"] = tempfile.mkdtemp(prefix="glimmers-test-")
os.environ.pop("GLIMMERS_USER", None)
# The CLI speaks the terminal's language; tests expect English unless they ask for another.
os.environ["GLIMMERS_LANGUAGE"] = "en"

from glimmers.settings import *  # noqa: F403

# Fast hashing in tests only; production uses Argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Live-server threads must not keep connections open, or PostgreSQL cannot drop the test
# database at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
