"""The fixed cast every test uses: an owner with a diary, and a stranger.

tests/settings.py points GLIMMERS_HOME at a fresh folder, so no test touches a real diary.
DATABASE_URL, when set, runs the same suite on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from glimmers.accounts.services import create_user

PASSWORD = "a calm river at dawn"


@pytest.fixture(autouse=True)
def _each_test_starts_in_english() -> Any:
    """A request with Accept-Language leaves that language active in the thread; without
    this, a German page in one test would make the next test's messages German."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def owner(db: Any) -> Any:
    return create_user("olena", PASSWORD, time_zone="Europe/Kyiv")


@pytest.fixture
def stranger(db: Any) -> Any:
    return create_user("stranger", PASSWORD, time_zone="UTC")


@pytest.fixture
def owner_client(owner: Any) -> Client:
    client = Client()
    client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def stranger_client(stranger: Any) -> Client:
    client = Client()
    client.force_login(stranger, backend="django.contrib.auth.backends.ModelBackend")
    return client
