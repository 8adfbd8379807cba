"""The practice from a terminal, driven through the real commands (no terminal here, so
nothing is asked: the scriptable path)."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from glimmers.diary import services as diary
from glimmers.diary.models import Glimmer, Intention
from glimmers.practice.models import Pause
from tests.web import entries


@pytest.fixture
def quick_clock(monkeypatch):
    """The pacer's waits, counted instead of slept: tests add no real seconds."""
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


def test_pause_without_a_terminal_prints_each_breath_and_keeps_the_pause(run, owner, quick_clock):
    result = run("pause", "--seconds", "20", "--before", "mobilized", "--after", "safe")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Breathe in…",
        "Breathe out, slowly…",
        "Breathe in…",
        "Breathe out, slowly…",
        "Thank you for pausing.",
    ]
    assert sum(quick_clock) == 20
    pause = Pause.objects.get()
    assert (pause.owner, pause.seconds, pause.state_before, pause.state_after) == (
        owner,
        20,
        "mobilized",
        "safe",
    )


def test_pause_anchors_a_glimmer_and_prints_json(run, owner, quick_clock):
    glimmer = entries.glimmer(owner, "cat on my lap")
    result = run(
        "pause", "--glimmer", str(glimmer.id), "--toy", "--body", "slower breath", "--json"
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout[result.stdout.index("{") :])
    assert record["glimmer"] == str(glimmer.id) and record["with_toy"] is True
    assert record["seconds"] == 30 and record["body"] == "slower breath"
    assert "The toy rises… breathe in" in result.stdout
    glimmer.refresh_from_db()
    assert glimmer.body == "slower breath"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--seconds", "5"], "15"),
        (["--before", "calm"], "“calm” is not a state; choose safe, mobilized or shut-down."),
        (["--glimmer", "nope"], "“nope” is not a glimmer id."),
        (["--glimmer", "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"], "There is no glimmer"),
    ],
)
def test_pause_refuses_bad_input_in_one_sentence(run, owner, quick_clock, args, message):
    result = run("pause", *args)
    assert result.exit_code != 0
    assert message in result.stderr and "Traceback" not in result.output
    assert not Pause.objects.exists()


def test_pause_cannot_anchor_someone_elses_glimmer(run, owner, stranger, quick_clock):
    theirs = entries.glimmer(stranger)
    result = run("pause", "--user", "olena", "--glimmer", str(theirs.id))
    assert result.exit_code == 1 and "There is no glimmer" in result.stderr


def test_walk_with_flags_saves_a_memory(run, owner):
    result = run(
        "walk",
        "--saw", "waves",
        "--heard", "gulls",
        "--line", "taste=cold watermelon",
        "--felt", "safe all over",
        "--sensed", "grandpa's calm",
        "--text", "The sea with grandpa",
        "--at", "2019-07-14",
        "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    glimmer = Glimmer.objects.get()
    assert record["id"] == str(glimmer.id) and record["kind"] == "memory"
    assert record["senses"] == ["sight", "hearing", "taste", "body", "intuition"]
    assert record["sense_lines"]["body"] == "safe all over"
    assert record["text"] == "The sea with grandpa"
    assert timezone.localtime(glimmer.noticed_at).date().isoformat() == "2019-07-14"


def test_a_walk_given_by_flags_leaves_a_walk_in_the_middle_waiting(run, owner):
    from glimmers.practice import services
    from glimmers.practice.models import Flow

    services.save_draft(owner, Flow.WALK, {"sight": "light on the stairs"})  # begun on the web
    assert run("walk", "--heard", "rain").exit_code == 0
    assert services.load_draft(owner, Flow.WALK) == {"sight": "light on the stairs"}


def test_walk_prints_the_id_and_uses_the_first_line_as_its_words(run, owner):
    result = run("walk", "--heard", "rain on the roof")
    assert result.exit_code == 0
    glimmer = Glimmer.objects.get()
    assert result.stdout.strip() == str(glimmer.id)
    assert glimmer.text == "rain on the roof" and glimmer.kind == "moment"


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "Write at least one line"),
        (["--line", "sonar=ping"], "“sonar” is not a sense Glimmers knows."),
        (["--saw", "x", "--at", "2999-01-01"], "in the future"),
    ],
)
def test_walk_refuses_bad_input_in_one_sentence(run, owner, args, message):
    result = run("walk", *args)
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert not Glimmer.objects.exists()


def test_morning_with_flags(run, owner):
    result = run(
        "morning", "--intention", "notice voices", "--moment", "tea with Mila", "-m", "a robin"
    )
    assert result.exit_code == 0, result.output
    assert "Intention: notice voices" in result.stdout
    assert "Kept 2 good moments from yesterday." in result.stdout
    assert Intention.objects.get().text == "notice voices"
    yesterday = timezone.localdate() - timedelta(days=1)
    for glimmer in Glimmer.objects.all():
        assert timezone.localtime(glimmer.noticed_at).date() == yesterday


def test_morning_json_and_too_many_moments(run, owner):
    result = run("morning", "-m", "one", "--json")
    document = json.loads(result.stdout)
    assert document["intention"] is None and document["glimmers"][0]["text"] == "one"
    result = run("morning", "-m", "a", "-m", "b", "-m", "c", "-m", "d")
    assert result.exit_code == 1 and "Up to three moments are plenty." in result.stderr


def test_evening_shows_the_day_gently(run, owner):
    empty = run("evening")
    assert empty.exit_code == 0
    assert "No glimmers written down today. Some days are like that." in empty.stdout
    assert "One a day is enough." in empty.stdout
    diary.set_intention(owner, "notice voices")
    diary.count_bean(owner)
    result = run("evening", "--add", "my son's laugh")
    assert "This morning you meant to notice: notice voices" in result.stdout
    assert "my son's laugh" in result.stdout
    assert "And 1 moment counted without words." in result.stdout


def test_evening_json(run, owner):
    entries.glimmer(owner, "bread", ago=timedelta(seconds=1))
    document = json.loads(run("evening", "--json").stdout)
    assert document["day"] == timezone.localdate().isoformat()
    assert [g["text"] for g in document["glimmers"]] == ["bread"]
    assert document["beans"] == 0 and document["intention"] is None


def test_pause_still_is_calm_lines_only(run, owner, quick_clock):
    result = run("pause", "--seconds", "15", "--still")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Breathe in…",
        "Breathe out, slowly…",
        "Breathe in…",
        "Breathe out, slowly…",
        "Thank you for pausing.",
    ]
