"""The warm helper: the same answers as a cold start, faster, and it steps aside when it must."""

import json
import time

import pytest


def wait_for(predicate, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def warm(instance):
    instance.extra_env.update(GLIMMERS_WARM="auto", GLIMMERS_WARM_IDLE="20")
    # The first command runs cold and leaves a helper behind.
    instance.run("add", "the first, cold", "-s", "sight", check=True)
    assert wait_for(lambda: (instance.home / ".cli.sock").exists())
    instance.extra_env["GLIMMERS_WARM"] = "require"
    assert wait_for(lambda: instance.run("stats").returncode == 0)
    yield instance
    # Other settings make the helper leave now; "require" starts no new one.
    instance.extra_env.update(GLIMMERS_WARM="require", GLIMMERS_PHOTO_MAX_MB="7")
    instance.run("stats")
    assert wait_for(lambda: not (instance.home / ".cli.sock").exists())


def test_warm_answers_match_cold_ones(warm):
    added = warm.run("add", "kettle song", "-s", "hearing", "--tag", "home")
    assert added.returncode == 0, added.stderr
    warm_list = warm.run("list", "--json")
    warm.extra_env["GLIMMERS_WARM"] = "off"
    cold_list = warm.run("list", "--json")
    assert warm_list.stdout == cold_list.stdout
    records = json.loads(warm_list.stdout)
    assert records[0]["id"] == added.stdout.strip() and records[0]["tags"] == ["home"]


def test_warm_errors_are_the_same_sentences(warm):
    result = warm.run("add", "   ")
    assert result.returncode == 1
    assert result.stderr.strip() == "Write a few words about the moment."
    assert warm.run("list", "--kind", "dream").returncode == 1


def test_warm_runs_in_the_callers_folder_and_environment(warm, tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    import subprocess

    from tests.process.conftest import GLIMMERS

    env = {**warm.env, "GLIMMERS_USER": "nobody"}
    result = subprocess.run([GLIMMERS, "list"], env=env, capture_output=True, text=True, cwd=target)
    assert result.returncode == 1 and "nobody" in result.stderr  # the caller's GLIMMERS_USER
    result = subprocess.run(
        [GLIMMERS, "export", "-o", "mine.json"],
        env=warm.env,
        capture_output=True,
        text=True,
        cwd=target,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads((target / "mine.json").read_text())["format"] == "glimmers"


def test_changed_settings_start_cold_and_replace_the_helper(warm):
    warm.extra_env.update(GLIMMERS_WARM="auto", GLIMMERS_PHOTO_MAX_MB="3")
    assert warm.run("add", "after a settings change").returncode == 0  # cold, correct
    warm.extra_env["GLIMMERS_WARM"] = "require"
    assert wait_for(lambda: warm.run("stats").returncode == 0)  # a new helper took over


def test_the_helper_leaves_when_idle(instance):
    # Three idle seconds: long enough that a loaded machine still sees the helper arrive.
    instance.extra_env.update(GLIMMERS_WARM="auto", GLIMMERS_WARM_IDLE="3")
    instance.run("add", "x", check=True)
    assert wait_for(lambda: (instance.home / ".cli.sock").exists())
    assert wait_for(lambda: not (instance.home / ".cli.sock").exists(), seconds=20)


def test_off_never_leaves_a_helper(instance):
    instance.run("add", "x", check=True)
    instance.run("add", "y", check=True)
    time.sleep(1)
    assert not (instance.home / ".cli.sock").exists()


def test_a_plain_shell_reaches_the_helper(instance):
    """A person's shell has neither DJANGO_SETTINGS_MODULE nor TZ; Django sets both."""
    env = {k: v for k, v in instance.env.items() if k not in ("DJANGO_SETTINGS_MODULE", "TZ")}
    instance.extra_env.update(GLIMMERS_WARM="auto", GLIMMERS_WARM_IDLE="5")
    import subprocess

    from tests.process.conftest import GLIMMERS

    env.update(GLIMMERS_WARM="auto", GLIMMERS_WARM_IDLE="5")
    subprocess.run([GLIMMERS, "add", "x"], env=env, check=True, capture_output=True)
    env["GLIMMERS_WARM"] = "require"
    assert wait_for(
        lambda: subprocess.run([GLIMMERS, "stats"], env=env, capture_output=True).returncode == 0
    )
