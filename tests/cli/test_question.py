"""`glimmers question`: scripted with flags, asked in turn, the history, own questions."""

from __future__ import annotations

import json

import pytest

from glimmers.questions.models import Answer, GlimmerQuestion


def test_scripted_answer_saves_every_step_and_prints_json(run, owner):
    result = run(
        "question",
        "--scale",
        "7",
        "--know",
        "a message",
        "--feel",
        "lighter",
        "--see",
        "sun",
        "--body",
        "a long breath",
        "--who",
        "my sister",
        "--json",
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    answer = Answer.objects.get(owner=owner)
    assert record["id"] == str(answer.id) and record["builtin"] == "today"
    assert (answer.scale, answer.know, answer.feel, answer.see, answer.body, answer.who) == (
        7,
        "a message",
        "lighter",
        "sun",
        "a long breath",
        "my sister",
    )
    assert answer.finished and record["finished_at"]


def test_prints_only_the_id_without_json(run, owner):
    result = run("question", "--scale", "0", "-q", "kindness")
    assert result.stdout.strip() == str(Answer.objects.get(builtin="kindness").id)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scale", "11"], "The scale goes from 0 to 10."),
        (["--scale", "-1"], "The scale goes from 0 to 10."),
        (["--scale", "seven"], "“seven” is not a number from 0 to 10."),
        (["--scale", "5", "--question", "nope"], "“nope” is not one of your Glimmer Questions."),
        (["--scale", "5", "--know", "x" * 2001], "An answer can be at most 2000 characters."),
    ],
)
def test_bad_input_is_one_sentence_and_saves_nothing(run, owner, args, message):
    result = run("question", *args)
    assert result.exit_code == 1
    assert result.stderr.strip() == message
    assert result.stdout == ""
    assert not Answer.objects.exists()


def test_asked_in_turn_with_a_wrong_number_asked_again(run, owner):
    result = run("question", input="2\n12\n6\nfirst sign\nlighter\n\n\nmy son\n")
    assert result.exit_code == 0, result.output
    assert "The scale goes from 0 to 10." in result.stdout
    answer = Answer.objects.get()
    assert (answer.builtin, answer.scale, answer.know, answer.feel, answer.see, answer.who) == (
        "week",
        6,
        "first sign",
        "lighter",
        "",
        "my son",
    )
    assert answer.finished


def test_stopping_part_way_keeps_what_was_written(run, owner):
    result = run("question", "-q", "today", input="4\na message\n")
    assert result.exit_code == 0, result.output
    assert "everything you wrote so far is saved" in result.stderr
    answer = Answer.objects.get()
    assert (answer.scale, answer.know, answer.finished) == (4, "a message", False)


def test_no_answer_at_all_is_an_error(run, owner):
    result = run("question", "-q", "today", input="")
    assert result.exit_code == 1
    assert "pass --scale N" in result.stderr
    assert not Answer.objects.exists()


def test_own_questions_add_list_ask_archive(run, owner):
    result = run("question", "add", "Will I laugh tonight?")
    question_id = result.stdout.strip()
    assert GlimmerQuestion.objects.get(id=question_id).text == "Will I laugh tonight?"
    assert f"{question_id}\tWill I laugh tonight?" in run("question", "list").stdout
    assert run("question", "--scale", "3", "-q", question_id).exit_code == 0
    assert Answer.objects.get().question_id is not None
    assert run("question", "archive", question_id).exit_code == 0
    assert question_id not in run("question", "list").stdout
    refused = run("question", "archive", "today")
    assert refused.exit_code == 1 and refused.stderr.strip() == (
        "Only your own questions can be put away."
    )


def test_history_newest_first_as_lines_and_json(run, owner):
    assert run("question", "history").stdout.strip() == "No answers yet. One is enough to begin."
    run("question", "--scale", "2")
    run("question", "--scale", "8", "-q", "week")
    lines = run("question", "history").stdout.strip().splitlines()
    assert [line.split("\t")[1] for line in lines] == ["8/10", "2/10"]
    records = json.loads(run("question", "history", "--json", "-n", "1").stdout)
    assert [record["scale"] for record in records] == [8]


def test_someone_elses_question_is_unknown(run, owner, stranger):
    theirs = GlimmerQuestion.objects.create(owner=stranger, text="theirs")
    result = run("question", "--scale", "5", "-q", str(theirs.id), "--user", "olena")
    assert result.exit_code == 1
    assert "is not one of your Glimmer Questions" in result.stderr


def test_continue_asks_only_what_was_left_open(run, owner):
    run("question", "-q", "today", input="4\na message\n")
    result = run("question", "--continue", input="lighter\n[sun] on the wall\n\n\n")
    assert result.exit_code == 0, result.output
    assert "a message" in result.stdout  # the recap of what was already there
    answer = Answer.objects.get()
    assert (answer.know, answer.feel, answer.see, answer.finished) == (
        "a message",
        "lighter",
        "[sun] on the wall",
        True,
    )
    nothing = run("question", "--continue")
    assert nothing.exit_code == 1
    assert nothing.stderr.strip() == (
        "Nothing was left part-way; run `glimmers question` to begin."
    )
