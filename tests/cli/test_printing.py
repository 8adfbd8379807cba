"""`glimmers booklet` and `glimmers bookmark`, driven for real against the test database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.booklet import diary, pdfcheck
from tests.web import entries


@pytest.fixture(autouse=True)
def the_owner_only(owner):
    return owner


def test_booklet_of_the_last_30_days_by_default(run, owner, tmp_path):
    made = diary.fill(owner)
    target = tmp_path / "booklet.pdf"
    result = run("booklet", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    today = timezone.localdate()
    assert result.stdout.strip() == (
        f"Wrote {target}: 4 glimmers from {today - timedelta(days=29)} to {today}, 3 pages."
    )
    data = target.read_bytes()
    assert len(pdfcheck.pages(data)) == 3
    text = pdfcheck.words(data)
    assert diary.KYIV_TEXT in text and "Sirens" not in text
    assert pdfcheck.image_count(data) == 1
    assert target.stat().st_mode & 0o777 == 0o600
    assert made["gone"].text not in text


def test_booklet_options(run, owner, tmp_path):
    diary.fill(owner)
    target = tmp_path / "b.pdf"
    result = run(
        "booklet",
        "--since",
        "2 days ago",
        "--until",
        "yesterday",
        "--no-photos",
        "--triggers",
        "--paper",
        "letter",
        "--language",
        "de",
        "-o",
        str(target),
    )
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert pdfcheck.image_count(data) == 0
    text = pdfcheck.words(data)
    assert "Sirens at night" in text and "Eine Erinnerung" in text


def test_the_booklet_speaks_the_terminals_language_unless_told(run, owner, tmp_path):
    diary.fill(owner)
    target = tmp_path / "ours.pdf"
    period = ["--since", "2 days ago", "--until", "yesterday", "-o", str(target)]
    result = run("booklet", *period, env={"GLIMMERS_LANGUAGE": "de"})
    assert result.exit_code == 0, result.stderr
    assert "Eine Erinnerung" in pdfcheck.words(target.read_bytes())
    run("booklet", *period, "-l", "en", env={"GLIMMERS_LANGUAGE": "de"})
    assert "Eine Erinnerung" not in pdfcheck.words(target.read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2024-05-02", "--until", "2024-05-01"], "The period ends before it begins"),
        (["--since", "2000-01-01", "--until", "2024-01-01"], "A booklet covers at most ten years"),
        (["--since", "2020-03-01", "--until", "2020-03-31"], "There are no glimmers from 1 March"),
        (["--since", "someday"], "“someday” is not a time Glimmers can read"),
    ],
)
def test_booklet_bad_input_is_one_sentence(run, owner, tmp_path, args, message):
    entries.glimmer(owner, "one")
    target = tmp_path / "b.pdf"
    result = run("booklet", *args, "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()


def test_booklet_needs_a_file_it_can_write(run, owner, tmp_path):
    entries.glimmer(owner, "one")
    assert run("booklet").exit_code == 2
    result = run("booklet", "-o", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.stderr
    result = run("booklet", "-o", str(tmp_path / "missing" / "b.pdf"))
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_bookmark_default_and_chosen(run, owner, tmp_path):
    made = diary.fill(owner)
    target = tmp_path / "marks.pdf"
    result = run("bookmark", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {target}: 3 bookmarks on 1 page."
    text = pdfcheck.words(target.read_bytes())
    assert "Хліб у печі" in text
    ids = [str(made[key].id) for key in ("tram", "bread", "sun", "hebrew")]
    result = run("bookmark", *ids, "-l", "uk", "-o", str(target))
    assert result.stdout.strip() == f"Wrote {target}: 4 bookmarks on 2 pages."
    assert len(pdfcheck.pages(target.read_bytes())) == 2


def test_bookmark_refuses_what_is_not_mine(run, owner, stranger, tmp_path):
    made = diary.fill(owner)
    theirs = entries.glimmer(stranger, "theirs")
    target = tmp_path / "marks.pdf"
    result = run("bookmark", str(theirs.id), "-o", str(target), "--user", "olena")
    assert result.exit_code == 1
    assert result.stderr.strip() == "One of those glimmers is not in your diary."
    result = run("bookmark", str(made["gone"].id), "-o", str(target), "--user", "olena")
    assert result.stderr.strip() == "One of those glimmers is not in your diary."
    result = run("bookmark", "nope", "-o", str(target), "--user", "olena")
    assert result.stderr.strip() == "“nope” is not a glimmer id; see `glimmers list`."
    assert not target.exists()
