"""Whole-instance backups: which models they hold, and backups made before some models moved
to another app still restore."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from glimmers.accounts.services import create_user, delete_account
from glimmers.accounts.tokens import create_token, owner_of
from glimmers.diary.conflicts import edit_or_keep
from glimmers.diary.models import DayTally, EditConflict, time_zone_of
from glimmers.diary.services import EntryInput, add_glimmer, edit_glimmer
from glimmers.portability.backup import (
    DATA_NAME,
    MOVED,
    backed_up_models,
    restore_backup,
    write_backup,
)


def test_a_backup_holds_every_model_but_what_is_rebuilt_parents_first():
    labels = [model._meta.label for model in backed_up_models()]
    for label in ("auth.User", "diary.Profile", "accounts.DeviceToken", "diary.EditConflict"):
        assert label in labels
    for label in ("diary.DayTally", "diary.SearchDocument", "booklet.BookletJob"):
        assert label not in labels
    for parent, child in [
        ("auth.User", "diary.Glimmer"),
        ("diary.Glimmer", "diary.Photo"),
        ("diary.Glimmer", "practice.Pause"),
        ("diary.Glimmer", "diary.EditConflict"),
        ("questions.GlimmerQuestion", "questions.Answer"),
    ]:
        assert labels.index(parent) < labels.index(child)


def test_a_backup_from_before_the_move_restores(db, tmp_path):
    owner = create_user("older", None, time_zone="Europe/Berlin")
    glimmer = add_glimmer(owner, EntryInput("rain", noticed_at=datetime(2025, 6, 1, tzinfo=UTC)))
    edit_glimmer(glimmer, EntryInput("soft rain", noticed_at=glimmer.noticed_at))
    edit_or_keep(glimmer, 1, EntryInput("rain at night", noticed_at=glimmer.noticed_at))
    _record, token = create_token(owner, "laptop")
    target = tmp_path / "backup.zip"
    write_backup(target)
    # Write the same backup with the labels it had when those models lived elsewhere.
    with zipfile.ZipFile(target) as archive:
        document = json.loads(archive.read(DATA_NAME))
        media = {name: archive.read(name) for name in archive.namelist() if name != DATA_NAME}
    old_label = {new: old for old, new in MOVED.items()}
    for item in document["objects"]:
        item["model"] = old_label.get(item["model"], item["model"])
    assert {"accounts.profile", "api.devicetoken", "api.editconflict"} <= {
        item["model"] for item in document["objects"]
    }
    older = tmp_path / "older.zip"
    with zipfile.ZipFile(older, "w") as archive:
        archive.writestr(DATA_NAME, json.dumps(document))
        for name, data in media.items():
            archive.writestr(name, data)
    delete_account(owner)

    restore_backup(older)
    again = get_user_model().objects.get(username="older")
    assert str(time_zone_of(again)) == "Europe/Berlin"
    assert owner_of(token) == again
    assert EditConflict.objects.get(owner=again).data["text"] == "rain at night"
    assert DayTally.objects.get(owner=again).glimmers == 1  # rebuilt


def test_the_next_backup_time_follows_the_local_clock_across_daylight_saving():
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from glimmers.portability.backup import seconds_until

    berlin = ZoneInfo("Europe/Berlin")
    evening = datetime(2026, 3, 28, 22, 0, tzinfo=berlin)
    # 03:00 comes 4 real hours later: the clock jumps from 02:00 to 03:00 that night.
    assert seconds_until(time(3, 0), evening) == 4 * 3600
    # 02:30 does not exist that night: it is taken as 03:30.
    assert seconds_until(time(2, 30), evening) == 4.5 * 3600
    # Already past today: tomorrow's, 22 real hours on.
    assert seconds_until(time(21, 0), evening) == 22 * 3600


def test_a_dated_backup_into_a_folder_keeps_the_newest(db, owner, tmp_path):
    from glimmers.portability.backup import back_up_into, check_backup

    first = back_up_into(tmp_path, keep=1)
    assert check_backup(first.file).records > 0
    (tmp_path / first.file.name).rename(tmp_path / "glimmers-backup-20000101-000000.zip")
    second = back_up_into(tmp_path, keep=1)
    assert [path.name for path in second.let_go] == ["glimmers-backup-20000101-000000.zip"]
    assert [path.name for path in tmp_path.iterdir()] == [second.file.name]
