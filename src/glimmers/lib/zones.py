"""The machine's own time zone, read before Django sets the process's TZ to its setting."""

from __future__ import annotations

import os
import zoneinfo
from pathlib import Path


def machine_time_zone() -> str:
    """This machine's IANA zone name (TZ, then /etc/localtime), or UTC.

    Call it before Django starts (settings.py does): Django then sets TZ to TIME_ZONE, and
    the machine's zone could no longer be told."""
    candidate = os.environ.get("TZ", "").lstrip(":")
    if not candidate:
        try:
            target = str(Path("/etc/localtime").resolve())
            candidate = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
        except OSError:
            candidate = ""
    return candidate if candidate in zoneinfo.available_timezones() else "UTC"
