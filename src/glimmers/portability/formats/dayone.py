"""Day One's JSON export, alone or in its zip: every journal in it (its name kept as a tag),
the photos beside them (read one at a time, when each is saved), each entry's own time
zone, and what Glimmers has no field for (place, weather, pinned, last edit) kept as the
glimmer's details; what it cannot hold at all (audio, video, PDFs) is named."""

from __future__ import annotations

import re
import uuid
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from glimmers.diary.choices import Kind
from glimmers.diary.records import DiaryRecords, EntryRecord, PhotoRecord
from glimmers.lib.records import ImportProblem, Skipped, parse_stamp
from glimmers.portability.imports import Parts, ReadOptions, load_json
from glimmers.portability.zips import open_zip

_MOMENT = re.compile(r"!\[\]\(dayone-moment:/*[^)]*\)\n?")
# Day One writes Markdown: a backslash before any ASCII punctuation keeps it literal.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
PHOTO_FOLDERS = ("photos",)
# An entry's uuid met again in the same export: the second entry is kept under an id made
# from the first and its place, the same on every import.
REPEATED_NAMESPACE = uuid.UUID("3a3f5f61-8a3e-4d43-9a7e-6f1d2b7c9e05")


def read(source: BinaryIO, options: ReadOptions) -> Parts:
    """A Day One export: a Journal.json, or the zip Day One makes with one .json file per
    journal and a photos/ folder."""
    reading = _Reading(options)
    if source.read(2) != b"PK":
        source.seek(0)
        reading.document(load_json(source), journal=None)
        return {"diary": reading.found}
    source.seek(0)
    members = open_zip(source)
    journals = [info for info in members.files() if info.filename.lower().endswith(".json")]
    if not journals:
        raise ImportProblem(_("This zip has no Day One journal (.json) inside."))
    reading.in_zip = True
    reading.photos = {
        PurePosixPath(info.filename).stem: members.reader(info)
        for info in members.files()
        if PurePosixPath(info.filename).parent.name in PHOTO_FOLDERS
    }
    several = len(journals) > 1
    for info in journals:
        journal = PurePosixPath(info.filename).stem if several else None
        reading.document(load_json(members.stream(info)), journal=journal)
    return {"diary": reading.found}


def _edited(item: dict[str, Any]) -> datetime | None:
    """When it was last changed in Day One (kept as the glimmer's last change), if readable."""
    try:
        return parse_stamp(item.get("modifiedDate"), "")
    except ImportProblem:
        return None


@dataclass
class _Reading:
    options: ReadOptions
    photos: dict[str, Callable[[], bytes]] = field(default_factory=dict)
    in_zip: bool = False
    found: DiaryRecords = field(default_factory=DiaryRecords)
    seen: set[uuid.UUID] = field(default_factory=set)

    def document(self, document: Any, *, journal: str | None) -> None:
        entries = document.get("entries") if isinstance(document, dict) else None
        if not isinstance(entries, list):
            raise ImportProblem(_("This is not a Day One export (it has no list of entries)."))
        for number, item in enumerate(entries, start=1):
            where = _("Day One entry %(n)d") % {"n": number}
            if journal:
                where = f"{journal}, {where}"
            if not isinstance(item, dict):
                raise ImportProblem(_("%(where)s is not an entry.") % {"where": where})
            with self.found.reading("glimmers", where):
                self.entry(item, where, journal)

    def entry(self, item: dict[str, Any], where: str, journal: str | None) -> None:
        words = item.get("text")
        if words is not None and not isinstance(words, str):
            raise ImportProblem(_("%(where)s has no text.") % {"where": where})
        text = _ESCAPED.sub(r"\1", _MOMENT.sub("", words or "")).strip()
        pictures, missing = self.pictures(item)
        not_kept = self.not_kept(item)
        if not text and not pictures:
            if missing or not_kept:
                what = "; ".join(part for part in (", ".join(not_kept), missing) if part)
                raise ImportProblem(
                    _("Nothing in it can be kept here: %(what)s")
                    % {"what": what if what.endswith(".") else what + "."}
                )
            raise ImportProblem(_("It is empty: no words and no photos."))
        if missing:
            self.note(where, missing)
        tags = [str(tag) for tag in item["tags"]] if isinstance(item.get("tags"), list) else []
        if journal:
            tags.append(journal)
        details = self.details(item, where, not_kept)
        self.found.glimmers.append(
            EntryRecord(
                id=self.entry_id(item, where),
                kind=Kind.PHOTO if pictures and not text else Kind.MOMENT,
                text=text or _("A photo"),
                noticed_at=parse_stamp(item.get("creationDate"), where),
                time_zone=self.zone(item, where),
                tags=tags,
                intensity=5 if item.get("starred") is True else None,
                photos=pictures,
                updated_at=_edited(item),
                details=details,
                where=where,
            )
        )

    def entry_id(self, item: dict[str, Any], where: str) -> uuid.UUID | None:
        """Its uuid; an id that is not one (files made by other tools) gives the same new
        one every time, so importing twice adds nothing either."""
        raw = str(item.get("uuid") or "").strip()
        if not raw:
            return None
        try:
            entry_id = uuid.UUID(raw)
        except ValueError:
            entry_id = uuid.uuid5(REPEATED_NAMESPACE, raw)
        if entry_id is not None and entry_id in self.seen:
            self.note(
                where, _("Its id is also an earlier entry's; it is kept as a glimmer of its own.")
            )
            return uuid.uuid5(REPEATED_NAMESPACE, f"{entry_id}\n{where}")
        if entry_id is not None:
            self.seen.add(entry_id)
        return entry_id

    def zone(self, item: dict[str, Any], where: str) -> str:
        name = item.get("timeZone")
        if not name:
            return ""
        try:
            zoneinfo.ZoneInfo(str(name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.note(
                where,
                _("Its time zone “%(zone)s” is not known here; its time is shown in yours.")
                % {"zone": str(name)[:64]},
            )
            return ""
        return str(name)

    def pictures(self, item: dict[str, Any]) -> tuple[list[PhotoRecord], str]:
        """The photos at hand, and a phrase for those listed but not in the file (or "")."""
        listed = [p for p in item.get("photos") or [] if isinstance(p, dict)]
        found = [self.photos[str(p.get("md5"))] for p in listed if str(p.get("md5")) in self.photos]
        missing = len(listed) - len(found)
        if not missing:
            phrase = ""
        elif self.in_zip:
            phrase = ngettext(
                "%(n)d photo is not in the zip.", "%(n)d photos are not in the zip.", missing
            ) % {"n": missing}
        else:
            phrase = ngettext(
                "%(n)d photo is not in this file; import Day One's zip to bring it.",
                "%(n)d photos are not in this file; import Day One's zip to bring them.",
                missing,
            ) % {"n": missing}
        return [PhotoRecord(read=read) for read in found], phrase

    def details(self, item: dict[str, Any], where: str, not_kept: list[str]) -> dict[str, Any]:
        details: dict[str, Any] = {"source": "Day One"}
        location = item.get("location")
        if isinstance(location, dict):
            parts = [
                str(location[key]).strip()
                for key in ("placeName", "localityName", "administrativeArea", "country")
                if location.get(key) and str(location[key]).strip()
            ]
            if parts:
                details["place"] = ", ".join(dict.fromkeys(parts))
            position = [location.get("latitude"), location.get("longitude")]
            if self.options.coordinates and all(
                isinstance(part, int | float) and not isinstance(part, bool) for part in position
            ):
                details["coordinates"] = position
        weather = item.get("weather")
        if isinstance(weather, dict):
            said = []
            celsius = weather.get("temperatureCelsius")
            if isinstance(celsius, int | float) and not isinstance(celsius, bool):
                said.append(f"{celsius:.0f} °C")
            if weather.get("conditionsDescription"):
                said.append(str(weather["conditionsDescription"]))
            if said:
                details["weather"] = ", ".join(said)
        if item.get("isPinned") is True:
            details["pinned"] = True
        if not_kept:
            details["not_kept"] = not_kept
            self.note(
                where,
                _("Glimmers keeps words and photos; not kept: %(what)s.")
                % {"what": ", ".join(not_kept)},
            )
        return details

    @staticmethod
    def not_kept(item: dict[str, Any]) -> list[str]:
        def count(key: str) -> int:
            listed = item.get(key)
            return len(listed) if isinstance(listed, list) else 0

        said = []
        if audios := count("audios"):
            said.append(
                ngettext("%(n)d audio recording", "%(n)d audio recordings", audios) % {"n": audios}
            )
        if videos := count("videos"):
            said.append(ngettext("%(n)d video", "%(n)d videos", videos) % {"n": videos})
        if pdfs := count("pdfAttachments"):
            said.append(ngettext("%(n)d PDF", "%(n)d PDFs", pdfs) % {"n": pdfs})
        return said

    def note(self, where: str, sentence: str) -> None:
        self.found.notes.append(Skipped("glimmers", where, sentence))
