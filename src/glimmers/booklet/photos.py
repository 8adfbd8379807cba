"""Photos made ready for paper: small enough to keep the PDF light, quick enough for a year."""

from __future__ import annotations

import contextlib
import io
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from glimmers.diary.models import Photo

PHOTO_PIXELS = 1000  # long side of a photo in the PDF: sharp in print, light in the file
PHOTO_LARGEST = 1400  # up to this, a photo is not made smaller
PHOTO_WORKERS = 4
PHOTO_MAX_HEIGHT = 85.0  # mm


def _photo_bytes(photo: Photo) -> io.BytesIO | None:
    """The photo small enough for paper, or None when its file cannot be read.

    A small JPEG goes in as it is. A large one is decoded at a half, quarter or eighth of its
    size (JPEG can do that almost for free) and stored again without resampling: the slow
    steps of resizing are what a year of photos would otherwise spend its time on.
    """
    try:
        with Image.open(photo.image.path) as image:
            if image.format == "JPEG" and image.mode == "RGB" and max(image.size) <= PHOTO_LARGEST:
                return io.BytesIO(Path(photo.image.path).read_bytes())
            # JPEG's own scaling: the largest power-of-two reduction that keeps the long
            # side at PHOTO_PIXELS or more (draft wants both sides, so they keep their ratio).
            width, height = image.size
            scale = 1
            while scale < 8 and max(width, height) // (scale * 2) >= PHOTO_PIXELS:
                scale *= 2
            image.draft("RGB", (width // scale, height // scale))
            picture = image.convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    if max(picture.size) > PHOTO_LARGEST:
        picture.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=80)
    out.seek(0)
    return out


@contextlib.contextmanager
def photo_bytes_in_order(photos: list[Photo]) -> Iterator[Iterator[io.BytesIO | None]]:
    """The photos made ready a few ahead of the layout, in order, by a small pool of threads.

    Decoding and encoding JPEG release the GIL, so this uses the cores a year of photos
    needs; the window keeps only a few finished photos in memory at a time.
    """
    workers = min(PHOTO_WORKERS, os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[io.BytesIO | None]] = deque()
        upcoming = iter(photos)

        def top_up() -> None:
            while len(pending) < workers * 2:
                photo = next(upcoming, None)
                if photo is None:
                    return
                pending.append(pool.submit(_photo_bytes, photo))

        def results() -> Iterator[io.BytesIO | None]:
            top_up()
            while pending:
                ready = pending.popleft().result()
                top_up()
                yield ready

        try:
            yield results()
        finally:
            for future in pending:
                future.cancel()
