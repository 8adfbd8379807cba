from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from glimmers.lib.when import WhenError, parse_when

KYIV = ZoneInfo("Europe/Kyiv")
NOW = datetime(2025, 3, 12, 10, 30, tzinfo=UTC)  # a Wednesday; 12:30 in Kyiv


def at(text):
    return parse_when(text, now=NOW, zone=KYIV)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", datetime(2025, 3, 12, 12, 30, tzinfo=KYIV)),
        ("yesterday 18:00", datetime(2025, 3, 11, 18, 0, tzinfo=KYIV)),
        ("Yesterday  6pm", datetime(2025, 3, 11, 18, 0, tzinfo=KYIV)),
        ("yesterday", datetime(2025, 3, 11, 12, 0, tzinfo=KYIV)),
        ("today 7:05", datetime(2025, 3, 12, 7, 5, tzinfo=KYIV)),
        ("08:15", datetime(2025, 3, 12, 8, 15, tzinfo=KYIV)),
        ("12am", datetime(2025, 3, 12, 0, 0, tzinfo=KYIV)),
        ("3 hours ago", datetime(2025, 3, 12, 9, 30, tzinfo=KYIV)),
        ("2 days ago", datetime(2025, 3, 10, 12, 30, tzinfo=KYIV)),
        ("1 week ago", datetime(2025, 3, 5, 12, 30, tzinfo=KYIV)),
        ("monday", datetime(2025, 3, 10, 12, 0, tzinfo=KYIV)),
        ("last wednesday 20:00", datetime(2025, 3, 5, 20, 0, tzinfo=KYIV)),
        ("2019-07-04", datetime(2019, 7, 4, 12, 0, tzinfo=KYIV)),
        ("2019-07-04 09:30", datetime(2019, 7, 4, 9, 30, tzinfo=KYIV)),
        ("2019-07-04T09:30:00Z", datetime(2019, 7, 4, 9, 30, tzinfo=UTC)),
        ("2019-07-04T09:30+02:00", datetime(2019, 7, 4, 7, 30, tzinfo=UTC)),
        ("04.07.2019", datetime(2019, 7, 4, 12, 0, tzinfo=KYIV)),
    ],
)
def test_readable_times(text, expected):
    assert at(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "soon",
        "yesterday at teatime",
        "25:00",
        "13pm",
        "2019-13-01",
        "31.02.2020",
        "3 fortnights ago",
    ],
)
def test_unreadable_times_are_errors_not_guesses(text):
    with pytest.raises(WhenError):
        at(text)
