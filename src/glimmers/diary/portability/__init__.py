"""Getting a diary out and back in: our lossless JSON, Markdown, CSV, jrnl and Day One."""

from glimmers.diary.portability.export import (
    export_csv,
    export_json,
    export_markdown,
    glimmer_records,
)
from glimmers.diary.portability.imports import ImportProblem, ImportResult, import_file

__all__ = [
    "ImportProblem",
    "ImportResult",
    "export_csv",
    "export_json",
    "export_markdown",
    "glimmer_records",
    "import_file",
]
