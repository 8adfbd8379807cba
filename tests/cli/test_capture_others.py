from glimmers.diary.models import Bean, Intention, Trigger


def test_trigger_is_saved(run, owner):
    result = run("trigger", "a slammed door", "-s", "hearing", "--body", "jaw tight")
    assert result.exit_code == 0, result.output
    trigger = Trigger.objects.get(owner=owner)
    assert (trigger.text, trigger.senses, trigger.body) == (
        "a slammed door",
        ["hearing"],
        "jaw tight",
    )


def test_trigger_needs_words(run, owner):
    result = run("trigger", "")
    assert result.exit_code == 1
    assert Trigger.objects.count() == 0


def test_beans_count_up_for_today(run, owner):
    assert run("bean").stdout.strip() == "1"
    assert run("bean", "--note", "a smile").stdout.strip() == "2"
    assert Bean.objects.filter(owner=owner).count() == 2


def test_a_bean_from_yesterday_is_not_counted_today(run, owner):
    assert run("bean", "--at", "yesterday 10:00").stdout.strip() == "0"


def test_intention_is_set_replaced_and_shown(run, owner):
    assert run("intention").stdout.strip() == "No intention set for today."
    assert run("intention", "notice  warm light").stdout.strip() == "notice warm light"
    assert run("intention", "listen for birds").exit_code == 0
    assert run("intention").stdout.strip() == "listen for birds"
    assert Intention.objects.filter(owner=owner).count() == 1


def test_empty_intention_is_refused(run, owner):
    result = run("intention", "  ")
    assert result.exit_code == 1
    assert "intention" in result.stderr
