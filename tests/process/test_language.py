"""The real `glimmers` speaks the terminal's language: its own sentences, the shared rules'
sentences, and the ones said before Django starts (talking to a server)."""

from __future__ import annotations

import pytest


@pytest.fixture
def speaking(instance):
    instance.run("add", "the first one", check=True)
    return instance


def test_ukrainian_from_the_locale(speaking):
    speaking.extra_env.update(GLIMMERS_LANGUAGE="", LANG="uk_UA.UTF-8")
    result = speaking.run("add", "   ")  # the shared rule, through Django's translation
    assert result.returncode == 1
    assert result.stderr.strip() == "Напиши кілька слів про цю мить."
    result = speaking.run("list", "--kind", "dream")  # the CLI's own sentence
    assert result.returncode == 1
    assert result.stderr.startswith("«dream» — такого виду тут немає")


def test_german_by_choice_even_in_a_ukrainian_terminal(speaking):
    speaking.extra_env.update(GLIMMERS_LANGUAGE="de", LANG="uk_UA.UTF-8")
    result = speaking.run("list", "--user", "nobody")
    assert result.returncode == 1
    assert (
        result.stderr.strip() == "Hier heißt niemand „nobody“; schau in `glimmers user list` nach."
    )


def test_before_django_starts_too(instance):
    instance.extra_env.update(GLIMMERS_LANGUAGE="uk")
    result = instance.run("list", "--server", "http://127.0.0.1:9", "--token", "glm_x")
    assert result.returncode == 1
    assert result.stderr.startswith("Не вдається з’єднатися із сервером http://127.0.0.1:9")


def test_a_language_not_spoken_yet_is_english(speaking):
    speaking.extra_env.update(GLIMMERS_LANGUAGE="", LANG="fr_FR.UTF-8")
    assert speaking.run("add", "   ").stderr.strip() == "Write a few words about the moment."
    # What scripts read stays the same in every language.
    speaking.extra_env.update(LANG="uk_UA.UTF-8")
    assert speaking.run("list", "--json").stdout.lstrip().startswith("[")
