"""Whole-instance backup: every person, their diaries and photo files, in one zip.

Restoring into an empty instance on either database is also the way from SQLite to PostgreSQL.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
import uuid
import zipfile
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from glimmers.diary.models import Photo
from glimmers.diary.services import rebuild_derived
from glimmers.lib.records import ImportProblem, Progress, left_out_of_backups

FORMAT_NAME = "glimmers-backup"
FORMAT_VERSION = 1
DATA_NAME = "glimmers-backup.json"
# Models that moved to another app since a backup may have been made: old label → new.
MOVED = {
    "accounts.profile": "diary.profile",
    "api.devicetoken": "accounts.devicetoken",
    "api.editconflict": "diary.editconflict",
    "insights.daytally": "diary.daytally",
}


class ExactEncoder(json.JSONEncoder):
    """Times with every microsecond (Django's JSON encoder keeps only milliseconds)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | date | time):
            return o.isoformat()
        if isinstance(o, uuid.UUID):
            return str(o)
        return super().default(o)


def backed_up_models() -> list[type[Model]]:
    """Django's users and every model of every Glimmers app, parents before children (so a
    restore inserts them in this order), leaving out what is rebuilt after a restore."""
    chosen = [
        model
        for model in apps.get_models()
        if (model._meta.app_label == "auth" and model._meta.model_name == "user")
        or (
            model.__module__.startswith("glimmers.")
            and model._meta.label not in left_out_of_backups()
        )
    ]
    ordered: list[type[Model]] = []
    waiting = list(chosen)
    while waiting:
        for model in waiting:
            parents = {
                field.related_model
                for field in model._meta.concrete_fields
                if field.is_relation and field.related_model is not model
            }
            if not any(parent in waiting for parent in parents):
                ordered.append(model)
                waiting.remove(model)
                break
        else:  # a cycle: nothing of ours has one, but never loop for ever
            ordered.extend(waiting)
            break
    return ordered


def write_backup(target: Path, *, progress: Progress | None = None) -> int:
    """Write the backup zip atomically (temp file, then rename); returns the object count."""
    objects = []
    for model in backed_up_models():
        rows = model._default_manager.order_by("pk")
        objects.extend(serializers.serialize("python", rows.iterator(chunk_size=2000)))
        if progress:
            progress(1)
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "objects": objects}
    target = target.resolve()
    if not target.parent.is_dir():  # say which folder is missing, not the temporary name
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    fd, temporary = tempfile.mkstemp(prefix=".backup-", dir=target.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(DATA_NAME, json.dumps(document, ensure_ascii=False, cls=ExactEncoder))
            for name in Photo.objects.values_list("image", flat=True).order_by("image"):
                with default_storage.open(name, "rb") as handle:
                    archive.writestr(f"media/{name}", handle.read(), zipfile.ZIP_STORED)
        Path(temporary).chmod(0o600)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(objects)


def restore_backup(source: Path) -> int:
    """Load a backup into an instance with no people yet; all or nothing."""
    if get_user_model().objects.exists():
        raise ImportProblem(
            _("This instance already has people in it; restore only into an empty one.")
        )
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile:
        raise ImportProblem(_("This file is not a Glimmers backup (not a zip archive).")) from None
    except OSError as error:
        raise ImportProblem(
            _("Cannot read %(path)s: %(why)s.") % {"path": source, "why": error.strerror}
        ) from None
    with archive:
        document = _read_document(archive)
        written: list[str] = []
        try:
            with transaction.atomic():
                count = 0
                objects = [_moved(item) for item in document["objects"]]
                for item in serializers.deserialize("python", objects):
                    item.save()
                    count += 1
                _reset_sequences()
                for person in get_user_model().objects.all():
                    rebuild_derived(person)
                for name in archive.namelist():
                    if name.startswith("media/") and not name.endswith("/"):
                        relative = _safe_media_name(name)
                        default_storage.delete(relative)  # a stray file must not rename ours
                        saved = default_storage.save(relative, ContentFile(archive.read(name)))
                        written.append(saved)
        except (serializers.base.DeserializationError, KeyError, TypeError, ValueError):
            _remove(written)
            raise ImportProblem(
                _("This backup's data is damaged and cannot be restored.")
            ) from None
        except BaseException:
            _remove(written)
            raise
    return count


def _moved(item: Any) -> Any:
    """A backed-up object under its model's label today."""
    if isinstance(item, dict) and item.get("model") in MOVED:
        return {**item, "model": MOVED[item["model"]]}
    return item


def _read_document(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        document = json.loads(archive.read(DATA_NAME))
    except KeyError:
        raise ImportProblem(
            _("This zip is not a Glimmers backup (it has no %(name)s).") % {"name": DATA_NAME}
        ) from None
    except ValueError:
        raise ImportProblem(_("This backup's data is damaged and cannot be restored.")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportProblem(_("This zip is not a Glimmers backup."))
    if document.get("version") != FORMAT_VERSION:
        raise ImportProblem(_("This backup comes from a newer Glimmers; please upgrade first."))
    return document


def _safe_media_name(name: str) -> str:
    relative = PurePosixPath(name).relative_to("media")
    if relative.is_absolute() or ".." in relative.parts:
        raise ImportProblem(
            _("This backup holds a file with an unsafe name; nothing was restored.")
        )
    return str(relative)


def _remove(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _reset_sequences() -> None:
    """After inserting rows with their ids, PostgreSQL's counters must move past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), backed_up_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
