"""Versions kept after edit conflicts, in a person's JSON export and back.

Device tokens are credentials, not diary content: they stay out of the personal export
(a restored whole-instance backup keeps them).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext as _

from glimmers.api.models import EditConflict
from glimmers.diary.models import Glimmer, Trigger
from glimmers.diary.portability.export import stamp

KEY = "edit_conflicts"


def export_conflicts(owner: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(conflict.id),
            "glimmer": str(conflict.glimmer_id) if conflict.glimmer_id else None,
            "trigger": str(conflict.trigger_id) if conflict.trigger_id else None,
            "base_version": conflict.base_version,
            "saved_version": conflict.saved_version,
            "data": conflict.data,
            "received_at": stamp(conflict.received_at),
            "settled_at": stamp(conflict.settled_at),
        }
        for conflict in EditConflict.objects.filter(owner=owner).order_by("received_at", "id")
    ]


def read_conflicts(document: dict[str, Any], parse_stamp: Any, problem: Any) -> list[Any]:
    """The export's kept versions, checked; `parse_stamp` and `problem` come from imports."""
    items = document.get(KEY, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise problem(_("“%(key)s” in this file is not a list of entries.") % {"key": KEY})
    found = []
    for number, item in enumerate(items, start=1):
        where = _("Kept version %(n)d") % {"n": number}
        try:
            record = {
                "id": uuid.UUID(str(item["id"])),
                "glimmer_id": uuid.UUID(item["glimmer"]) if item.get("glimmer") else None,
                "trigger_id": uuid.UUID(item["trigger"]) if item.get("trigger") else None,
                "base_version": int(item["base_version"]),
                "saved_version": int(item["saved_version"]),
                "data": dict(item["data"]),
            }
        except (KeyError, TypeError, ValueError):
            raise problem(_("%(where)s cannot be read.") % {"where": where}) from None
        record["received_at"] = parse_stamp(item.get("received_at"), where)
        settled = item.get("settled_at")
        record["settled_at"] = parse_stamp(settled, where) if settled else None
        found.append(record)
    return found


def save_conflicts(owner: Any, records: list[dict[str, Any]]) -> int:
    """Keep those whose entry is in this diary and that are not here yet."""
    glimmers = set(
        Glimmer.objects.filter(
            owner=owner, id__in=[r["glimmer_id"] for r in records if r["glimmer_id"]]
        ).values_list("id", flat=True)
    )
    triggers = set(
        Trigger.objects.filter(
            owner=owner, id__in=[r["trigger_id"] for r in records if r["trigger_id"]]
        ).values_list("id", flat=True)
    )
    present = set(
        EditConflict.objects.filter(id__in=[r["id"] for r in records]).values_list("id", flat=True)
    )
    new = [
        EditConflict(owner=owner, **record)
        for record in records
        if record["id"] not in present
        and (record["glimmer_id"] in glimmers or record["trigger_id"] in triggers)
    ]
    EditConflict.objects.bulk_create(new)
    return len(new)
