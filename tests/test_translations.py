"""Ukrainian and German: every string translated, the compiled catalogs current, pages in both.

The .po files are the source; the committed .mo files are what a fresh install reads (it may
have no msgfmt). After changing a user-facing string:

    cd src/glimmers
    ../../.venv/bin/python -m django makemessages -l uk -l de -e html,txt,py \
        -i "migrations/*" --settings tests.settings
    # translate the new entries, remove any "#, fuzzy", then
    ../../.venv/bin/python -m django compilemessages --settings tests.settings
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from glimmers.diary.choices import Kind, Sense
from glimmers.diary.forms import GlimmerForm

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "glimmers"
LOCALE = PACKAGE / "locale"
LANGUAGES = ["uk", "de"]
PLURAL_FORMS = {"uk": 3, "de": 2}
MAKEMESSAGES_OPTIONS = {
    "extensions": ["html", "txt", "py"],
    "ignore_patterns": ["migrations/*", "*/migrations/*"],
}


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "django.po"


def mo_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "django.mo"


# A small reader for .po files: enough for what makemessages writes.


@dataclass
class Entry:
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> str:
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def read_po(path: Path) -> list[Entry]:
    """Every live entry of a .po file, the header (msgid "") included; obsolete ones left out."""
    entries: list[Entry] = []
    entry, target, translated = Entry(), "", False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if translated and (line.startswith(("#", "msgctxt ", "msgid "))):
            entries.append(entry)
            entry, target, translated = Entry(), "", False
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif match := _KEYWORD.match(line):
            target, index, quoted = match.groups()
            if target.startswith("msgstr"):
                target, translated = f"msgstr{int(index or 0)}", True
                entry.msgstr[int(index or 0)] = _unquote(quoted)
            else:
                entry.line = entry.line or number
                setattr(entry, target, _unquote(quoted))
        else:
            assert line.startswith('"') and target, f"{path}:{number}: cannot read {raw!r}"
            if target.startswith("msgstr"):
                entry.msgstr[int(target[6:])] += _unquote(line)
            else:
                setattr(entry, target, (getattr(entry, target) or "") + _unquote(line))
    if translated:
        entries.append(entry)
    return entries


def _unquote(quoted: str) -> str:
    value = ast.literal_eval(quoted)
    assert isinstance(value, str)
    return value


def expected_catalog(entries: list[Entry]) -> dict[Any, str]:
    """The catalog Python's gettext would load from a .mo compiled from these entries."""
    catalog: dict[Any, str] = {}
    for entry in entries:
        if entry.msgid == "" or "fuzzy" in entry.flags or not any(entry.msgstr.values()):
            continue  # msgfmt leaves these out
        if entry.msgid_plural is None:
            catalog[entry.key] = entry.msgstr[0]
        else:
            for index, text in entry.msgstr.items():
                catalog[(entry.key, index)] = text
    return catalog


PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w*)\}")


def placeholders(text: str) -> set[str]:
    return {"".join(groups) for groups in PLACEHOLDER.findall(text)}


# What a Ukrainian or German reader sees.

SENSES = {
    "uk": {
        Sense.SIGHT: "Зір",
        Sense.HEARING: "Слух",
        Sense.SMELL: "Нюх",
        Sense.TASTE: "Смак",
        Sense.TOUCH: "Дотик",
        Sense.BODY: "Усередині тіла",
        Sense.INTUITION: "Інтуїція та інше",
    },
    "de": {
        Sense.SIGHT: "Sehen",
        Sense.HEARING: "Hören",
        Sense.SMELL: "Riechen",
        Sense.TASTE: "Schmecken",
        Sense.TOUCH: "Tasten",
        Sense.BODY: "Im Körper",
        Sense.INTUITION: "Intuition und mehr",
    },
}
CAPTURE_LABEL = {"uk": "Що вдалося помітити?", "de": "Was hast du bemerkt?"}
SIGN_IN = {"uk": "Увійти", "de": "Anmelden"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_senses_have_their_names(lang):
    with translation.override(lang):
        assert {sense: str(sense.label) for sense in Sense} == SENSES[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_capture_form_speaks_the_language(lang):
    with translation.override(lang):
        form = GlimmerForm.fresh()
        assert str(form.fields["text"].label) == CAPTURE_LABEL[lang]
        assert str(form.fields["line_sight"].label) not in ("", "I saw…")
        assert str(Kind.MEMORY.label) not in ("", "A memory")


TRASH_EMPTIED = {
    "uk": {
        1: "1 запис видалено",
        3: "3 записи видалено",
        5: "5 записів видалено",
        11: "11 записів",
    },
    "de": {1: "1 Eintrag wurde", 3: "3 Einträge wurden", 5: "5 Einträge wurden", 11: "11 Einträge"},
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plurals_follow_the_language(lang):
    with translation.override(lang):
        for n, words in TRASH_EMPTIED[lang].items():
            text = translation.ngettext(
                "The trash is empty; %(count)d entry was deleted for good.",
                "The trash is empty; %(count)d entries were deleted for good.",
                n,
            ) % {"count": n}
            assert words in text


def test_english_stays_the_default():
    with translation.override("en"):
        assert str(Sense.SIGHT.label) == "Sight"


# The catalogs themselves.


def test_every_configured_language_has_a_catalog():
    codes = {code for code, _name in django_settings.LANGUAGES} - {"en"}
    assert codes == set(LANGUAGES)
    assert all(po_path(lang).is_file() and mo_path(lang).is_file() for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated(lang):
    entries = read_po(po_path(lang))
    header = [entry for entry in entries if entry.msgid == ""]
    assert len(header) == 1
    assert f"Language: {lang}\n" in header[0].msgstr[0]
    assert f"nplurals={PLURAL_FORMS[lang]};" in header[0].msgstr[0]
    assert len(entries) > 100

    problems = []
    for entry in entries:
        where = f"{po_path(lang).name}:{entry.line} {entry.msgid!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"{where} is marked fuzzy")
        if entry.msgid == "":
            continue
        wanted = PLURAL_FORMS[lang] if entry.msgid_plural is not None else 1
        if sorted(entry.msgstr) != list(range(wanted)):
            problems.append(f"{where} has forms {sorted(entry.msgstr)}, not {wanted}")
        if any(not text.strip() for text in entry.msgstr.values()):
            problems.append(f"{where} is not translated")
        source = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        for text in entry.msgstr.values():
            if placeholders(text) != source:
                problems.append(f"{where} has placeholders {placeholders(text)}, not {source}")
    assert not problems, "\n".join(problems)


# One voice: the reader is "ти" in Ukrainian and "du" in German, as a friend would say it;
# and Ukrainian never guesses the reader's gender ("ти зупинився чи зупинилася").
FORMAL = {
    "uk": re.compile(r"\b(?:[Вв]и|[Вв]ас|[Вв]ам|[Вв]ами|[Вв]аш\w*)\b"),
    "de": re.compile(r"\b(?:Ihnen|Ihr(?:e|en|em|er|es)?)\b|(?<![.!?] )(?<!^)\bSie\b(?= \w+en\b)"),
}
TOGETHER = {"знайшли разом"}  # "you and the other person": a plural that is meant


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reader_is_addressed_the_same_way_everywhere(lang):
    problems = []
    for entry in read_po(po_path(lang)):
        if entry.msgid == "":
            continue
        for text in entry.msgstr.values():
            if FORMAL[lang].search(text) and not any(word in text for word in TOGETHER):
                problems.append(f"{entry.line}: {text[:80]}")
            if lang == "uk" and re.search(r"\w+в чи \w+ла\b|\w+вся чи \w+лася\b", text):
                problems.append(f"{entry.line} guesses the gender: {text[:80]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalog_matches_the_po(lang):
    """The .mo in git holds exactly what the .po says: nobody forgot compilemessages."""
    with mo_path(lang).open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalog = {key: text for key, text in compiled._catalog.items() if key != ""}  # type: ignore[attr-defined]
    assert catalog == expected_catalog(read_po(po_path(lang))), (
        f"{mo_path(lang)} is out of date; run compilemessages"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_msgfmt_accepts_the_po(lang):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "-o", "-", str(po_path(lang))],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()


def test_the_catalogs_hold_every_marked_string(tmp_path, settings, monkeypatch):
    """Re-extract from a copy of the package: a newly marked string must be in both .po files."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("gettext tools are not installed")
    copy = tmp_path / "glimmers"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=LANGUAGES, verbosity=0, **MAKEMESSAGES_OPTIONS)
    for lang in LANGUAGES:
        committed = {entry.key for entry in read_po(po_path(lang))}
        extracted = {
            entry.key
            for entry in read_po(copy / "locale" / lang / po_path(lang).parent.name / "django.po")
        }
        assert extracted - committed == set(), f"{lang}: run makemessages and translate these"
        assert committed - extracted == set(), f"{lang}: run makemessages to drop these"


# Pages.


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sign_in_page_follows_accept_language(owner, lang):
    response = Client(headers={"accept-language": lang}).get(reverse("accounts:login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in html
    assert SIGN_IN[lang] in html


def test_the_language_cookie_wins(owner):
    client = Client(headers={"accept-language": "de"})
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "uk"
    html = client.get(reverse("accounts:login")).content.decode()
    assert "З поверненням" in html and "Anmelden" not in html


def test_the_sign_in_page_is_english_without_a_preference(owner):
    html = Client().get(reverse("accounts:login")).content.decode()
    assert "Welcome back" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_capture_page_speaks_the_language(owner_client, lang):
    owner_client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = lang
    html = owner_client.get(reverse("diary:home")).content.decode()
    assert CAPTURE_LABEL[lang] in html
    assert all(label in html for label in SENSES[lang].values())
