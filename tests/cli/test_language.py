"""The terminal's language: GLIMMERS_LANGUAGE, else the locale variables, else English."""

from __future__ import annotations

import pytest

from glimmers.cli.i18n import language


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "en"),
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LANG": "de_AT.UTF-8"}, "de"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:de"}, "de"),
        ({"LC_ALL": "uk_UA.UTF-8", "LANG": "de_DE.UTF-8"}, "uk"),
        ({"LC_MESSAGES": "de_DE@euro", "LANG": "uk_UA.UTF-8"}, "de"),
        ({"GLIMMERS_LANGUAGE": "de", "LANG": "uk_UA.UTF-8"}, "de"),
        ({"GLIMMERS_LANGUAGE": "klingon", "LANG": "uk_UA.UTF-8"}, "en"),
    ],
)
def test_the_language_comes_from_the_environment(monkeypatch, env, expected):
    for name in ("GLIMMERS_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert language() == expected
