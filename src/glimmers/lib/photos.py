"""Make an uploaded picture safe to keep: re-encoded, bounded, without location or metadata."""

from __future__ import annotations

import io
import threading
import warnings
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_IFD = 0x8769
JPEG_QUALITY = 86


# Decoding is where a picture costs memory: at most this much for one (RGBA's four bytes a
# pixel, the worst case), and at most two pictures decoded at once in a process.
DECODE_BUDGET = 100 * 1024 * 1024
DECODED_BYTES_PER_PIXEL = 4
DECODING = threading.BoundedSemaphore(2)


class PhotoError(ValueError):
    """A picture we will not keep; the message is one sentence for the person."""


@dataclass(frozen=True)
class PreparedPhoto:
    data: bytes
    width: int
    height: int
    taken_at: datetime | None = None

    def as_file(self) -> ContentFile[bytes]:
        return ContentFile(self.data)


def prepare_photo(
    source: IO[bytes], *, max_bytes: int, max_pixels: int, max_side: int
) -> PreparedPhoto:
    """Check and re-encode a picture as JPEG; only its pixels and its date survive."""
    source.seek(0, io.SEEK_END)
    size = source.tell()
    source.seek(0)
    if size == 0:
        raise PhotoError(_("That photo file is empty."))
    if size > max_bytes:
        raise PhotoError(
            _("That photo is too large; please choose one under %(mb)d MB.")
            % {"mb": max_bytes // (1024 * 1024)}
        )
    try:
        with warnings.catch_warnings(), DECODING:
            # Pillow warns before it refuses; a warning-sized bomb is refused too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = max_pixels
            with Image.open(source) as image:
                if image.width * image.height > max_pixels:
                    raise Image.DecompressionBombError("too many pixels")
                # A JPEG is decoded straight at a fraction of its size (1/2 … 1/8), just
                # large enough; other formats must be decoded whole, so their size in
                # memory is what is checked, before a single pixel is read (a PNG's
                # metadata may sit after its pixels, so even the date waits for this).
                image.draft("RGB", (max_side, max_side))
                if image.width * image.height * DECODED_BYTES_PER_PIXEL > DECODE_BUDGET:
                    raise Image.DecompressionBombError("too large to decode")
                taken_at = _taken_at(image)
                image.load()
                # Made small first, then turned upright and converted, in place where it
                # can be: one picture's pixels in memory at a time, and those small.
                image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
                ImageOps.exif_transpose(image, in_place=True)
                pixels = image if image.mode == "RGB" else image.convert("RGB")
                out = io.BytesIO()
                # No exif= argument: nothing of the original's metadata (GPS included) is
                # written.
                pixels.save(
                    out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True
                )
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError(
            _("That picture has too many pixels to open safely; please choose a smaller one.")
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise PhotoError(_("That file is not a picture Glimmers can read.")) from None
    return PreparedPhoto(out.getvalue(), pixels.width, pixels.height, taken_at)


def prepare_upload(source: IO[bytes]) -> PreparedPhoto:
    """`prepare_photo` with this instance's limits (GLIMMERS_PHOTO_MAX_MB and friends)."""
    from django.conf import settings

    return prepare_photo(
        source,
        max_bytes=settings.PHOTO_MAX_BYTES,
        max_pixels=settings.PHOTO_MAX_PIXELS,
        max_side=settings.PHOTO_MAX_SIDE,
    )


def _taken_at(image: Image.Image) -> datetime | None:
    try:
        raw = image.getexif().get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL)
        return datetime.strptime(str(raw).strip(), "%Y:%m:%d %H:%M:%S") if raw else None
    except (ValueError, TypeError, KeyError, OSError):
        return None
