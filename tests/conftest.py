"""The fixed cast every test uses: an owner with a diary, and a stranger.

tests/settings.py points GLIMMERS_HOME at a fresh folder, so no test touches a real diary.
DATABASE_URL, when set, runs the same suite on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from glimmers.accounts.services import create_user

PASSWORD = "a calm river at dawn"


@pytest.fixture(autouse=True)
def _each_test_starts_in_english() -> Any:
    """A request with Accept-Language leaves that language active in the thread, and a CLI
    command its person's time zone; without this, a German page or a Kyiv command in one
    test would change the next test's messages and days."""
    translation.deactivate()
    timezone.deactivate()
    yield
    translation.deactivate()
    timezone.deactivate()


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


# The two tiers: what needs a real process, server or browser, and the API fuzzing, run in
# CI (`bin/test`); everything else is the fast loop (`bin/test --fast`).
SLOW_FOLDERS = {"process": "process", "browser": "browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = item.path.parent.name
        if folder in SLOW_FOLDERS:
            item.add_marker(SLOW_FOLDERS[folder])
