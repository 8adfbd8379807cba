"""Everything a person owns, as the JSON export (lossless, photos inlined) or as text."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Router, Schema

from glimmers.api.types import ERRORS, ApiRequest
from glimmers.portability.export import TEXT_EXPORTS, export_json

router = Router(tags=["export"])


class TextExport(Schema):
    format: str
    text: str


@router.get("/export", response={200: dict[str, Any], **ERRORS})
def export_document(request: ApiRequest) -> dict[str, Any]:
    """The JSON export: the same document as `glimmers export` and the settings page give."""
    return export_json(request.auth)


@router.get("/export/text", response={200: TextExport, **ERRORS})
def export_text(request: ApiRequest, format: Literal["markdown", "csv", "jrnl"]) -> dict[str, str]:
    """A readable Markdown diary, CSV with one row per glimmer, or a jrnl journal file (trash
    left out)."""
    return {"format": format, "text": TEXT_EXPORTS[format](request.auth)}
