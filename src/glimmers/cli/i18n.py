"""The terminal's language: what `glimmers` says, in the person's own language.

The language comes from GLIMMERS_LANGUAGE, else from the usual locale variables (LANGUAGE,
LC_ALL, LC_MESSAGES, LANG: "uk_UA.UTF-8" is Ukrainian); English when none is one Glimmers
speaks. Messages are read from the same catalogues as the web pages (locale/*/django.mo)
with Python's own gettext, so commands that talk to a server need no Django at all.

    from glimmers.cli.i18n import _
    raise CommandError(_("There is nobody called “{name}” here.").format(name=name))
"""

from __future__ import annotations

import functools
import gettext
import os
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "locale"
SPOKEN = ("en", "uk", "de")


def language() -> str:
    """The language to speak now (read each time: the warm helper serves many shells)."""
    wanted = os.environ.get("GLIMMERS_LANGUAGE", "").strip()
    if wanted:
        return _spoken(wanted) or "en"
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").strip()
        if not value:
            continue
        # LANGUAGE may list several ("uk:de:en"); the first one spoken wins.
        for choice in value.split(":"):
            found = _spoken(choice)
            if found:
                return found
        if variable != "LANGUAGE":
            return "en"  # the locale is set, to a language Glimmers does not speak yet
    return "en"


def _spoken(value: str) -> str | None:
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in SPOKEN else None


@functools.cache
def _catalogue(code: str) -> gettext.NullTranslations:
    return gettext.translation("django", LOCALE, languages=[code], fallback=True)


def _(message: str) -> str:
    """`message` in the terminal's language."""
    return _catalogue(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalogue(language()).ngettext(singular, plural, count)
