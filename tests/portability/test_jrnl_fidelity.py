"""jrnl journals read the way jrnl 4 reads them, checked against jrnl itself; and our jrnl
export read back by jrnl with the same entries, times, tags and stars."""

import zoneinfo
from datetime import datetime
from pathlib import Path

import pytest

from glimmers.diary.models import Glimmer
from glimmers.diary.services import EntryInput, add_glimmer
from glimmers.lib.records import ImportProblem
from glimmers.portability.export import export_jrnl
from glimmers.portability.imports import import_file
from tests.portability.jrnl_reads import jrnl_reads

# jrnl's own test journals (tests/data/journals of jrnl-org/jrnl at 90de4948, GPL-3.0, see
# real/jrnl/README.md), with the time format of the configuration each goes with.
REAL = Path(__file__).parent / "real" / "jrnl"
YEAR_FIRST = "%Y-%m-%d %H:%M"
REAL_JOURNALS = [
    ("simple", YEAR_FIRST),
    ("tags", YEAR_FIRST),
    ("tags-216", YEAR_FIRST),
    ("tags-237", YEAR_FIRST),
    ("little_endian_dates", "%d.%m.%Y %H:%M"),
    ("mostlyreadabledates", YEAR_FIRST),
    ("multiline", YEAR_FIRST),
    ("multiline-tags", YEAR_FIRST),
    ("brackets", YEAR_FIRST),
    ("markdown-headings-335", YEAR_FIRST),
    ("basic_onefile", YEAR_FIRST),
    ("deletion", YEAR_FIRST),
]

TRICKY = """[2019-07-14 10:00:00 AM] Sun through the window. It warmed.
Body line one @C++ and @C# and @OS/2, in the old lab.
2019-07-15 11:00 a body line that starts with a date
[see the footnote] not a date either

[2019-07 14:23] A header with a month and no day
[2020-01-02 09:15:00 PM] Starred by jrnl's rule *
first line of the body
second line of the body
"""

DAY_FIRST = """[14.07.2019 10:00] Morgensonne auf dem Balkon @kaffee
[02.01.2020 21:15] Sterne über dem Dach *
"""


def _ours(owner):
    zone = zoneinfo.ZoneInfo("Europe/Kyiv")  # the owner's zone; jrnl's times are local
    found = []
    for glimmer in Glimmer.objects.filter(owner=owner):
        moment = glimmer.noticed_at.astimezone(zone)
        found.append(
            (
                f"{moment:%Y-%m-%d %H:%M}",
                " ".join(glimmer.text.split()),
                sorted(tag.name for tag in glimmer.tags.all()),
                glimmer.intensity == 5,
            )
        )
    return sorted(found)


def _theirs(document):
    return sorted(
        (
            f"{entry['date']} {entry['time']}",
            " ".join(f"{entry['title']} {entry['body']}".split()),
            sorted(tag.lstrip("@") for tag in entry["tags"]),
            entry["starred"],
        )
        for entry in document["entries"]
    )


@pytest.mark.parametrize(
    ("content", "timeformat"),
    [(TRICKY, "%Y-%m-%d %I:%M:%S %p"), (DAY_FIRST, "%d.%m.%Y %H:%M")],
    ids=["tricky", "day-first"],
)
def test_a_journal_is_read_as_jrnl_reads_it(owner, tmp_path, content, timeformat):
    journal = tmp_path / "journal.txt"
    journal.write_text(content)
    expected = _theirs(jrnl_reads(journal, tmp_path / "jrnl", timeformat=timeformat))
    import_file(owner, journal, "jrnl")
    assert _ours(owner) == expected


def test_no_blank_line_is_added_between_title_and_body(owner, tmp_path):
    journal = tmp_path / "journal.txt"
    journal.write_text(TRICKY)
    import_file(owner, journal)
    starred = Glimmer.objects.get(intensity=5)
    assert starred.text == (
        "Starred by jrnl's rule\nfirst line of the body\nsecond line of the body"
    )


def test_our_export_is_read_back_by_jrnl(owner, tmp_path):
    add_glimmer(
        owner,
        EntryInput(
            text="Steam from the kettle\nand the cat's warm side",
            tags=["home", "kitchen table"],
            intensity=5,
            noticed_at=datetime.fromisoformat("2024-02-03T07:05:00+02:00"),
        ),
    )
    add_glimmer(
        owner,
        EntryInput(
            text="A plain title\n[2020-01-01 10:00] looks like a date @old",
            noticed_at=datetime.fromisoformat("2024-02-04T18:30:00+02:00"),
        ),
    )
    journal = tmp_path / "export.txt"
    journal.write_text(export_jrnl(owner))
    read_back = jrnl_reads(journal, tmp_path / "jrnl")
    assert [(entry["date"], entry["time"], entry["starred"]) for entry in read_back["entries"]] == [
        ("2024-02-03", "07:05", True),
        ("2024-02-04", "18:30", False),
    ]
    first, second = read_back["entries"]
    assert first["title"] == "Steam from the kettle"
    assert first["body"].startswith("and the cat's warm side")
    assert sorted(first["tags"]) == ["@home", "@kitchen-table"]
    assert second["tags"] == ["@old"] and "looks like a date" in second["body"]


def test_an_encrypted_journal_gets_a_sentence_that_says_so(owner, tmp_path):
    from cryptography.fernet import Fernet  # what jrnl 2 and later encrypt with

    journal = tmp_path / "secret.txt"
    journal.write_bytes(Fernet(Fernet.generate_key()).encrypt(b"[2024-01-01 10:00] hidden"))
    with pytest.raises(ImportProblem, match="This jrnl journal is encrypted"):
        import_file(owner, journal)


@pytest.mark.parametrize(("name", "timeformat"), REAL_JOURNALS, ids=[j[0] for j in REAL_JOURNALS])
def test_jrnls_own_journals_are_read_as_jrnl_reads_them(owner, tmp_path, name, timeformat):
    journal = REAL / f"{name}.journal"
    expected = _theirs(jrnl_reads(journal, tmp_path / "jrnl", timeformat=timeformat))
    report = import_file(owner, journal, "jrnl")
    assert report.skipped == [] and report.count("glimmers") == len(expected)
    assert _ours(owner) == expected


def test_a_jrnl_1_journal_is_read_with_its_bare_dates(owner):
    report = import_file(owner, REAL / "simple_jrnl-1-9-5.journal", "jrnl")
    texts = [g.text.split("\n")[0] for g in Glimmer.objects.order_by("noticed_at")]
    assert report.count("glimmers") == 2
    assert texts == [
        "A life without chocolate is like a bad analogy.",
        'He said "[this] is the best time to be alive".',
    ]


def test_a_journal_without_a_readable_date_is_refused_with_a_sentence(owner):
    # jrnl itself would make the whole file one entry dated now; Glimmers will not invent a
    # time and says which line it could not read instead.
    with pytest.raises(ImportProblem, match="line 1 does not start with a date"):
        import_file(owner, REAL / "unreadabledates.journal", "jrnl")


@pytest.mark.parametrize("name", ["encrypted", "encrypted_v3"])
def test_jrnls_encrypted_journals_get_the_sentence(owner, name):
    with pytest.raises(ImportProblem, match="This jrnl journal is encrypted"):
        import_file(owner, REAL / f"{name}.journal", "jrnl")
