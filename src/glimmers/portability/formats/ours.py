"""Our own lossless JSON export."""

from __future__ import annotations

from typing import BinaryIO

from glimmers.portability.imports import Parts, ReadOptions, load_json, read_document


def read(source: BinaryIO, options: ReadOptions) -> Parts:
    return read_document(load_json(source))
