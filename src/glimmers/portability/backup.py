"""Whole-instance backup: every person, their diaries and photo files, in one zip.

Restoring into an empty instance on either database is also the way from SQLite to PostgreSQL.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import tempfile
import threading
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
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
from django.utils import timezone
from django.utils.translation import gettext as _

from glimmers.diary.models import Photo
from glimmers.diary.services import measure_photos, rebuild_derived
from glimmers.lib.records import ImportProblem, Progress, left_out_of_backups

logger = logging.getLogger(__name__)

FORMAT_NAME = "glimmers-backup"
FORMAT_VERSION = 1
DATA_NAME = "glimmers-backup.json"
# How many snapshots to try when photos vanish between a snapshot and its copy.
TRIES = 3
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


@contextlib.contextmanager
def one_moment() -> Iterator[None]:
    """Every read inside sees the whole instance as it was at one moment, while people go on
    writing: SQLite's read transaction over its write-ahead log, PostgreSQL's repeatable read.
    (Inside a transaction someone else began, the reads are that transaction's already.)"""
    if connection.in_atomic_block:
        yield
        return
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")  # Django's own BEGIN would take the write lock
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")  # nothing was written: this only lets the snapshot go
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


class PhotoVanished(Exception):
    """A photo's file went (its glimmer deleted) between the snapshot and its copy."""


@dataclass
class Summary:
    """What a backup holds: rows by model, and photo files."""

    rows: dict[str, int] = field(default_factory=dict)
    photos: int = 0

    @property
    def records(self) -> int:
        return sum(self.rows.values())


def write_backup(target: Path, *, progress: Progress | None = None) -> Summary:
    """Write one snapshot of the whole instance, and the photo files of exactly its rows, into
    a zip (a temporary file renamed into place only once it has been read back and found
    whole). A photo deleted while it was being copied makes the backup start again."""
    target = target.resolve()
    if not target.parent.is_dir():  # say which folder is missing, not the temporary name
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target.parent))
    for _attempt in range(TRIES):
        fd, temporary = tempfile.mkstemp(prefix=".backup-", dir=target.parent)
        os.close(fd)
        try:
            written = _write_snapshot(Path(temporary), progress)
            checked = check_backup(Path(temporary))
            if checked != written:
                raise ImportProblem(_("The backup did not read back whole; nothing was kept."))
            Path(temporary).chmod(0o600)
            Path(temporary).replace(target)
            return written
        except PhotoVanished:
            continue
        finally:
            Path(temporary).unlink(missing_ok=True)
    raise ImportProblem(_("Photos kept being deleted while the backup was made; please try again."))


def _write_snapshot(path: Path, progress: Progress | None) -> Summary:
    summary = Summary()
    with one_moment():
        objects: list[dict[str, Any]] = []
        for model in backed_up_models():
            rows = model._default_manager.order_by("pk")
            found = serializers.serialize("python", rows.iterator(chunk_size=2000))
            summary.rows[model._meta.label_lower] = len(found)
            objects.extend(found)
            if progress:
                progress(1)
        names = list(Photo.objects.values_list("image", flat=True).order_by("image"))
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "objects": objects}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_NAME, json.dumps(document, ensure_ascii=False, cls=ExactEncoder))
        for name in names:
            try:
                with default_storage.open(name, "rb") as handle:
                    archive.writestr(f"media/{name}", handle.read(), zipfile.ZIP_STORED)
            except FileNotFoundError:
                raise PhotoVanished(name) from None
            summary.photos += 1
    return summary


def check_backup(source: Path) -> Summary:
    """Read a backup whole without changing anything: the zip and every file in it intact,
    its data readable, every row of a model this Glimmers knows, and a file for every photo.
    Says what it holds, or raises ImportProblem with the first thing wrong."""
    with _open_backup(source) as archive:
        broken = archive.testzip()
        if broken is not None:
            raise ImportProblem(
                _("The backup is damaged (%(name)s does not read back).") % {"name": broken}
            )
        document = _read_document(archive)
        media = {name for name in archive.namelist() if name.startswith("media/")}
        summary = Summary()
        known = {model._meta.label_lower for model in backed_up_models()}
        for item in document["objects"]:
            label = _moved(item).get("model") if isinstance(item, dict) else None
            if label not in known:
                raise ImportProblem(_("This backup's data is damaged and cannot be restored."))
            summary.rows[label] = summary.rows.get(label, 0) + 1
            if label == "diary.photo":
                image = item.get("fields", {}).get("image")
                if f"media/{image}" not in media:
                    raise ImportProblem(
                        _("This backup lacks the file of a photo (%(name)s).") % {"name": image}
                    )
                summary.photos += 1
        for label in known - summary.rows.keys():
            summary.rows[label] = 0
    return summary


@contextlib.contextmanager
def _open_backup(source: Path) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile:
        raise ImportProblem(_("This file is not a Glimmers backup (not a zip archive).")) from None
    except OSError as error:
        raise ImportProblem(
            _("Cannot read %(path)s: %(why)s.") % {"path": source, "why": error.strerror}
        ) from None
    with archive:
        yield archive


def restore_backup(source: Path) -> int:
    """Load a backup into an instance with no people yet; all or nothing."""
    if get_user_model().objects.exists():
        raise ImportProblem(
            _("This instance already has people in it; restore only into an empty one.")
        )
    with _open_backup(source) as archive:
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
                measure_photos()  # a backup from before photos had sizes
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


# --- encrypted backups (age: a passphrase, or recipients' public keys) ---------------------

AGE_HEADER = b"age-encryption.org/v1"


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(AGE_HEADER)) == AGE_HEADER
    except OSError:
        return False


def encrypt_backup(
    plain: Path, target: Path, *, passphrase: str | None = None, recipients: Sequence[str] = ()
) -> None:
    """Seal a finished backup with age: for whoever knows the passphrase, or for the holders
    of the recipients' keys ("age1…"); written beside the target, then renamed into place."""
    import pyrage

    data = plain.read_bytes()
    try:
        if recipients:
            keys = [pyrage.x25519.Recipient.from_str(key.strip()) for key in recipients]
            sealed = pyrage.encrypt(data, keys)
        else:
            sealed = pyrage.passphrase.encrypt(data, passphrase or "")
    except (pyrage.RecipientError, pyrage.EncryptError, ValueError):
        raise ImportProblem(_("That is not a recipient key (one starts with age1…).")) from None
    fd, temporary = tempfile.mkstemp(prefix=".backup-", dir=target.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(sealed)
    Path(temporary).chmod(0o600)
    Path(temporary).replace(target)


@contextlib.contextmanager
def opened(
    source: Path, *, passphrase: str | None = None, identities: Sequence[str] = ()
) -> Iterator[Path]:
    """The backup as a plain zip: itself, or (sealed with age) opened into a private
    temporary file that goes when the block ends."""
    if not is_encrypted(source):
        yield source
        return
    import pyrage

    try:
        if identities:
            keys = [pyrage.x25519.Identity.from_str(key.strip()) for key in identities]
            data = pyrage.decrypt(source.read_bytes(), keys)
        else:
            data = pyrage.passphrase.decrypt(source.read_bytes(), passphrase or "")
    except (pyrage.IdentityError, pyrage.DecryptError, ValueError):
        raise ImportProblem(
            _("This backup is encrypted, and that passphrase or key does not open it.")
        ) from None
    with tempfile.TemporaryDirectory(prefix="glimmers-restore-") as folder:
        plain = Path(folder) / "backup.zip"
        plain.write_bytes(data)
        plain.chmod(0o600)
        yield plain


# --- backups on a schedule ------------------------------------------------------------------

KEPT_NAME = re.compile(r"^glimmers-backup-\d{8}-\d{6}\.zip(\.age)?$")


def dated_name(moment: datetime, *, encrypted: bool) -> str:
    return f"glimmers-backup-{moment:%Y%m%d-%H%M%S}.zip" + (".age" if encrypted else "")


def keep_newest(folder: Path, keep: int) -> list[Path]:
    """Remove the oldest dated backups in a folder beyond the newest `keep`; returns them.
    Only files named as scheduled backups are touched."""
    dated = sorted(path for path in folder.iterdir() if KEPT_NAME.match(path.name))
    gone = dated[: max(len(dated) - keep, 0)]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


@dataclass(frozen=True)
class Sealing:
    """How a backup is sealed with age: a passphrase, or recipients' public keys, or not."""

    passphrase: str | None = None
    recipients: Sequence[str] = ()

    @property
    def sealed(self) -> bool:
        return bool(self.passphrase or self.recipients)


def back_up_to(
    target: Path, sealing: Sealing = Sealing(), *, progress: Progress | None = None
) -> Summary:
    """One backup written to `target`, sealed as asked (the plain zip never outlives this)."""
    if not sealing.sealed:
        return write_backup(target, progress=progress)
    plain = target.with_name(f".{target.name}.plain")
    try:
        summary = write_backup(plain, progress=progress)
        encrypt_backup(plain, target, passphrase=sealing.passphrase, recipients=sealing.recipients)
    finally:
        plain.unlink(missing_ok=True)
    return summary


@dataclass(frozen=True)
class Kept:
    file: Path
    summary: Summary
    let_go: list[Path]


def back_up_into(
    folder: Path, keep: int, sealing: Sealing = Sealing(), *, progress: Progress | None = None
) -> Kept:
    """A dated backup in `folder`, and only the newest `keep` left there."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / dated_name(timezone.now(), encrypted=sealing.sealed)
    summary = back_up_to(target, sealing, progress=progress)
    return Kept(target, summary, keep_newest(folder, keep))


# --- the nightly backup of `glimmers serve` ---------------------------------------------------


def seconds_until(at: time, now: datetime) -> float:
    """Real seconds from `now` (aware, in the zone the time is meant in) to the next `at` on
    the clock there. A time a daylight-saving jump skips is taken as that much later."""
    zone = now.tzinfo
    day = now.date()
    for _attempt in range(3):
        wall = datetime.combine(day, at, tzinfo=zone)
        # Subtracting times of one zone compares their wall clocks; in UTC, real seconds.
        wait = (wall.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
        if wait > 0:
            return wait
        day += timedelta(days=1)
    return 24 * 60 * 60.0


class NightlyBackups(threading.Thread):
    """Beside the web server: a dated backup into a folder each day at one local time, the
    newest `keep` kept. A backup that fails is logged and tried again the next day."""

    def __init__(self, folder: Path, keep: int, at: time, sealing: Sealing, zone: tzinfo) -> None:
        super().__init__(name="glimmers-nightly-backup", daemon=True)
        self.folder, self.keep, self.at, self.sealing, self.zone = folder, keep, at, sealing, zone
        self.stopping = threading.Event()

    def run(self) -> None:
        from django.db import connections

        while not self.stopping.wait(seconds_until(self.at, datetime.now(self.zone))):
            self.run_once()
            connections.close_all()  # this thread's own; a day later a fresh one is opened

    def run_once(self) -> Kept | None:
        try:
            kept = back_up_into(self.folder, self.keep, self.sealing)
        except Exception:
            logger.exception("The nightly backup into %s failed", self.folder)
            return None
        logger.warning(
            "Backed up %d records to %s", kept.summary.records, kept.file
        )  # WARNING: the server's default log level, so a host sees it
        return kept

    def stop(self) -> None:
        self.stopping.set()
