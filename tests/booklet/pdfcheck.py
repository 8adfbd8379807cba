"""Look at a PDF the way a reader would: render its pages to PNG with PDFium and read the
text back. What the tests assert here is what a person holding the paper would notice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageStat

A4_RATIO = 297 / 210


@dataclass
class Page:
    image: Image.Image
    text: str


def pages(data: bytes, scale: float = 1.0) -> list[Page]:
    document = pdfium.PdfDocument(data)
    try:
        found = []
        for page in document:
            text_page = page.get_textpage()
            found.append(
                Page(page.render(scale=scale).to_pil().convert("RGB"), text_page.get_text_range())
            )
            text_page.close()
            page.close()
        return found
    finally:
        document.close()


def words(data: bytes) -> str:
    """All the text of a PDF, lines joined by spaces (PDFium breaks lines where we wrapped)."""
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in document:
            text_page = page.get_textpage()
            texts.append(" ".join(text_page.get_text_range().split()))
            text_page.close()
            page.close()
        return " ".join(texts)
    finally:
        document.close()


def has_ink(image: Image.Image) -> bool:
    """Not a blank page: some pixels are clearly darker than paper."""
    darkest = min(ImageStat.Stat(image.convert("L")).extrema[0])
    return darkest < 128


def image_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return sum(
            1
            for page in document
            for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])
        )
    finally:
        document.close()


def image_sizes(data: bytes) -> list[tuple[int, int]]:
    """The pixel size of every picture in the PDF, as embedded."""
    document = pdfium.PdfDocument(data)
    try:
        return [
            tuple(obj.get_px_size())
            for page in document
            for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])
        ]
    finally:
        document.close()


def save_pngs(data: bytes, folder: Path, stem: str, count: int, scale: float = 1.2) -> list[Path]:
    """The first `count` pages as PNG files, for the README and for looking at."""
    saved = []
    for number, page in enumerate(pages(data, scale=scale)[:count], start=1):
        path = folder / (f"{stem}-{number}.png" if count > 1 else f"{stem}.png")
        page.image.save(path, optimize=True)
        saved.append(path)
    return saved
