"""Practice data is part of a person's data: export → import, backup → restore, deletion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from glimmers.accounts.services import create_user, delete_account
from glimmers.lib.records import ImportProblem
from glimmers.portability.backup import restore_backup, write_backup
from glimmers.portability.export import export_json
from glimmers.portability.imports import read_document, save_parts
from glimmers.practice import prompts, services
from glimmers.practice.models import Draft, Flow, HiddenPrompt, Onboarding, Pause
from tests.web import entries

PRACTICE_MODELS = (Pause, Draft, HiddenPrompt, Onboarding)


def fill(owner):
    glimmer = entries.glimmer(owner, "bread in the oven", senses=["smell"])
    services.record_pause(
        owner,
        seconds=30,
        glimmer=glimmer,
        with_toy=True,
        state_before="mobilized",
        state_after="safe",
        body="shoulders dropped",
    )
    services.record_pause(owner, seconds=15, state_before="shut-down")
    services.save_draft(owner, Flow.WALK, {"when": "now", "sight": "лампа 💡", "step": 2})
    prompts.set_hidden(owner, "senses-taste", True)
    services.finish_onboarding(owner)
    return glimmer


def test_export_import_export_keeps_every_practice_record(db):
    owner = create_user("mover", None, time_zone="Europe/Kyiv")
    fill(owner)
    first = json.dumps(export_json(owner), ensure_ascii=False, indent=1)
    practice = json.loads(first)["practice"]
    assert len(practice["pauses"]) == 2 and practice["pauses"][0]["glimmer"]
    assert practice["drafts"][0]["data"]["sight"] == "лампа 💡"
    assert practice["hidden_prompts"][0]["key"] == "senses-taste"
    assert practice["onboarding"]["finished_at"]
    delete_account(owner)
    again = create_user("mover", None, time_zone="Europe/Kyiv")
    result = save_parts(again, read_document(json.loads(first)))
    assert result.count("pauses") == 2
    assert json.dumps(export_json(again), ensure_ascii=False, indent=1) == first


def test_importing_twice_adds_no_second_pause(db):
    owner = create_user("twice", None)
    fill(owner)
    document = json.loads(json.dumps(export_json(owner)))
    assert save_parts(owner, read_document(document)).count("pauses") == 0
    assert Pause.objects.count() == 2 and HiddenPrompt.objects.count() == 1


def test_an_export_from_before_the_practice_still_imports(db):
    owner = create_user("older", None)
    document = {"format": "glimmers", "version": 1, "glimmers": [], "triggers": []}
    save_parts(owner, read_document(document))
    assert not Pause.objects.exists()


@pytest.mark.parametrize(
    "practice, words",
    [
        ("nope", "not a mapping"),
        ({"pauses": "x"}, "not a list"),
        ({"pauses": [{"seconds": 600, "paused_at": "2024-01-01T00:00:00Z"}]}, "Pause 1"),
        ({"pauses": [{"seconds": 30, "paused_at": "soon"}]}, "cannot be read"),
    ],
)
def test_a_broken_practice_part_is_one_sentence_and_saves_nothing(db, practice, words):
    owner = create_user("careful", None)
    document = {
        "format": "glimmers",
        "version": 1,
        "glimmers": [{"text": "kept?", "noticed_at": "2024-01-01T00:00:00Z"}],
        "practice": practice,
    }
    with pytest.raises(ImportProblem, match=words):
        save_parts(owner, read_document(document), strict=True)
    assert not owner.glimmers.exists() and not Pause.objects.exists()


def test_backup_and_restore_carry_the_practice(db, tmp_path: Path):
    owner = create_user("whole", None)
    fill(owner)
    counts = [model.objects.count() for model in PRACTICE_MODELS]
    target = tmp_path / "all.zip"
    write_backup(target)
    Pause.objects.all().delete()
    get_user_model().objects.all().delete()
    restore_backup(target)
    assert [model.objects.count() for model in PRACTICE_MODELS] == counts == [2, 1, 1, 1]
    assert Pause.objects.filter(glimmer__isnull=False).get().body == "shoulders dropped"


def test_deleting_an_account_removes_its_practice_and_nobody_elses(db):
    owner = create_user("leaving", None)
    stays = create_user("staying", None)
    fill(owner)
    fill(stays)
    delete_account(owner)
    for model in PRACTICE_MODELS:
        assert model.objects.filter(owner=stays).exists()
        assert model.objects.count() == 1 if model is not Pause else model.objects.count() == 2


def test_into_another_diary_the_pause_follows_its_glimmer_to_the_new_id(db):
    first = create_user("first", None)
    fill(first)
    document = json.loads(json.dumps(export_json(first)))
    second = create_user("second", None)
    save_parts(second, read_document(document))
    anchored = Pause.objects.get(owner=second, glimmer__isnull=False)
    assert anchored.glimmer.owner == second and anchored.glimmer.text == "bread in the oven"
    assert anchored.id != Pause.objects.get(owner=first, glimmer__isnull=False).id
