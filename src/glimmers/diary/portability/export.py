"""Exports. `export_json` is lossless: importing it into an empty diary and exporting again
gives the same document, byte for byte once serialized."""

from __future__ import annotations

import base64
import csv
import io
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from glimmers.accounts.services import time_zone_of
from glimmers.diary.choices import Kind, Sense
from glimmers.diary.models import Bean, Glimmer, Intention, Photo, Trigger
from glimmers.practice.portability import export_practice

FORMAT_NAME = "glimmers"
FORMAT_VERSION = 1
Progress = Callable[[int], None]


def stamp(moment: datetime | None) -> str | None:
    """A datetime as ISO 8601 in UTC with a Z, or None."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _labels(through: Any, field: str, scope: Q) -> dict[Any, list[str]]:
    found: dict[Any, list[str]] = defaultdict(list)
    rows = through.objects.filter(scope).values_list("glimmer_id", f"{field}__name")
    for glimmer_id, name in rows.order_by(f"{field}__name"):
        found[glimmer_id].append(name)
    return found


def _photos(scope: Q, with_data: bool) -> dict[Any, list[dict[str, Any]]]:
    found: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for photo in Photo.objects.filter(scope).order_by("created_at", "id"):
        record: dict[str, Any] = {
            "id": str(photo.id),
            "width": photo.width,
            "height": photo.height,
            "taken_at": stamp(photo.taken_at),
            "created_at": stamp(photo.created_at),
            "content_type": "image/jpeg",
        }
        if with_data:
            with photo.image.open("rb") as handle:
                record["data"] = base64.b64encode(handle.read()).decode("ascii")
        found[photo.glimmer_id].append(record)
    return found


ENTRY_FIELDS = (
    "id",
    "text",
    "noticed_at",
    "senses",
    "sense_lines",
    "body",
    "intensity",
    "created_at",
    "updated_at",
    "trashed_at",
)


def _entries(queryset: Any, fields: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    for row in queryset.values_list(*fields).iterator(chunk_size=5000):
        values = dict(zip(fields, row, strict=True))
        senses = values["senses"]
        record = {
            "id": str(values["id"]),
            "kind": values.get("kind"),
            "text": values["text"],
            "noticed_at": stamp(values["noticed_at"]),
            # values_list may hand the stored text back without from_db_value
            "senses": senses.split() if isinstance(senses, str) else list(senses),
            "sense_lines": values["sense_lines"] or {},
            "body": values["body"],
            "intensity": values["intensity"],
            "created_at": stamp(values["created_at"]),
            "updated_at": stamp(values["updated_at"]),
            "trashed_at": stamp(values["trashed_at"]),
        }
        if "kind" not in values:
            del record["kind"]
        yield record


def glimmer_records(
    queryset: Any,
    *,
    owner: Any = None,
    photo_data: bool = False,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Glimmers as export records, in the queryset's order.

    Pass `owner` when the queryset is all of that person's glimmers: labels and photos are
    then read in one sweep instead of by id.
    """
    records = list(_entries(queryset, (*ENTRY_FIELDS, "kind")))
    if owner is not None:
        scope = Q(glimmer__owner=owner)
    else:
        scope = Q(glimmer_id__in=[uuid.UUID(record["id"]) for record in records])
    tags = _labels(Glimmer.tags.through, "tag", scope)
    people = _labels(Glimmer.people.through, "person", scope)
    photos = _photos(scope, with_data=photo_data)
    for number, record in enumerate(records, start=1):
        key = uuid.UUID(record["id"])
        record["tags"] = tags.get(key, [])
        record["people"] = people.get(key, [])
        record["photos"] = photos.get(key, [])
        if progress and number % 1000 == 0:
            progress(1000)
    return records


def export_json(
    owner: Any, *, photo_data: bool = True, progress: Progress | None = None
) -> dict[str, Any]:
    """Everything a person owns, as one JSON-ready document (photos inlined as base64)."""
    from glimmers.api.portability import export_conflicts
    from glimmers.conversations import portability as conversations
    from glimmers.questions import portability as questions

    everything = Glimmer.objects.filter(owner=owner).order_by("noticed_at", "id")
    triggers = Trigger.objects.filter(owner=owner).order_by("noticed_at", "id")
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "owner": {"username": owner.get_username(), "time_zone": str(time_zone_of(owner))},
        "glimmers": glimmer_records(
            everything, owner=owner, photo_data=photo_data, progress=progress
        ),
        "triggers": list(_entries(triggers, ENTRY_FIELDS)),
        "beans": [
            {
                "id": str(bean.id),
                "counted_at": stamp(bean.counted_at),
                "note": bean.note,
                "glimmer": str(bean.glimmer_id) if bean.glimmer_id else None,
            }
            for bean in Bean.objects.filter(owner=owner).order_by("counted_at", "id")
        ],
        "intentions": [
            {
                "id": str(intention.id),
                "day": intention.day.isoformat(),
                "text": intention.text,
                "created_at": stamp(intention.created_at),
                "updated_at": stamp(intention.updated_at),
            }
            for intention in Intention.objects.filter(owner=owner).order_by("day")
        ],
        **questions.export_records(owner),
        "conversations": conversations.export_records(owner),
        "practice": export_practice(owner),
        "edit_conflicts": export_conflicts(owner),
    }


def export_markdown(owner: Any) -> str:
    """A readable diary: a heading per day, a section per glimmer (trash left out)."""
    zone = time_zone_of(owner)
    out = io.StringIO()
    # gettext cannot see _() inside f-strings, so the words are looked up first.
    title, body_word, with_word = _("Glimmers"), _("Body"), _("With")
    out.write(f"# {title}\n")
    current_day = None
    for record in _alive(export_json(owner, photo_data=False)["glimmers"]):
        moment = datetime.fromisoformat(record["noticed_at"]).astimezone(zone)
        if moment.date() != current_day:
            current_day = moment.date()
            out.write(f"\n## {current_day.isoformat()}\n")
        out.write(f"\n### {moment:%H:%M} · {Kind(record['kind']).label}\n\n{record['text']}\n")
        for sense in record["senses"]:
            line = record["sense_lines"].get(sense, "")
            out.write(f"\n- {Sense(sense).label}" + (f": {line}" if line else ""))
        if record["senses"]:
            out.write("\n")
        if record["body"]:
            out.write(f"\n{body_word}: {record['body']}\n")
        if record["people"]:
            out.write(f"\n{with_word}: {', '.join(record['people'])}\n")
        if record["tags"]:
            out.write("\n" + " ".join(f"#{tag}" for tag in record["tags"]) + "\n")
    return out.getvalue()


CSV_COLUMNS = [
    "id",
    "noticed_at",
    "kind",
    "text",
    "senses",
    *(f"line_{sense}" for sense in Sense.values),
    "body",
    "tags",
    "people",
    "intensity",
    "photos",
    "created_at",
    "updated_at",
]


def export_csv(owner: Any) -> str:
    """One row per glimmer (trash left out); lists are joined with "; "."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in _alive(export_json(owner, photo_data=False)["glimmers"]):
        row = {key: record.get(key) for key in CSV_COLUMNS if key in record}
        row.update(
            senses="; ".join(record["senses"]),
            tags="; ".join(record["tags"]),
            people="; ".join(record["people"]),
            photos=len(record["photos"]),
            **{f"line_{s}": record["sense_lines"].get(s, "") for s in Sense.values},
        )
        writer.writerow(row)
    return out.getvalue()


def _alive(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [record for record in records if record["trashed_at"] is None]
