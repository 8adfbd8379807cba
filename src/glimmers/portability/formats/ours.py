"""Our own lossless JSON export."""

from __future__ import annotations

from glimmers.portability.imports import Parts, load_json, read_document


def read(raw: bytes) -> Parts:
    return read_document(load_json(raw))
