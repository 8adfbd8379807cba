"""Zip archives from elsewhere, read with limits: a zip bomb is refused from its headers,
before anything is unpacked, and members are read as streams (each at most its declared
size, which zipfile holds it to), never all at once."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _

from glimmers.lib.records import ImportProblem

MAX_MEMBERS = 20_000
MAX_MEMBER = 200 * 1024 * 1024  # one file unpacked
MAX_TOTAL = 4 * 1024 * 1024 * 1024  # all of them unpacked
# Text and pictures shrink a few times in a zip; a bomb shrinks thousands of times.
MAX_RATIO = 100
RATIO_FROM = 10 * 1024 * 1024  # small members may shrink as they like


@dataclass
class Members:
    archive: zipfile.ZipFile

    def files(self) -> list[zipfile.ZipInfo]:
        return [info for info in self.archive.infolist() if not info.is_dir()]

    def stream(self, info: zipfile.ZipInfo) -> IO[bytes]:
        return self.archive.open(info)

    def reader(self, info: zipfile.ZipInfo) -> Callable[[], bytes]:
        """Reads a picture when it is wanted, if it is within the photo size limit."""

        def read() -> bytes:
            if info.file_size > settings.PHOTO_MAX_BYTES:
                raise ImportProblem(
                    _("That photo is too large; please choose one under %(mb)d MB.")
                    % {"mb": int(settings.PHOTO_MAX_BYTES) // (1024 * 1024)}
                )
            with self.archive.open(info) as member:
                return member.read()

        return read


def open_zip(source: BinaryIO) -> Members:
    """The archive, once its headers show nothing out of bounds; else one sentence."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        raise ImportProblem(_("This file is not a readable zip archive.")) from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _too_much()
    total = 0
    for info in infos:
        total += info.file_size
        ratio_too_high = info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        )
        if info.file_size > MAX_MEMBER or total > MAX_TOTAL or ratio_too_high:
            raise _too_much()
    return Members(archive)


def _too_much() -> ImportProblem:
    return ImportProblem(
        _(
            "This zip unpacks to more than Glimmers will read (a file over 200 MB, over 4 GB "
            "in all, or more than 20,000 files); nothing was imported."
        )
    )
