"""Schemathesis against our own OpenAPI description, with a real token, with every check it
has: each operation with input the description allows (which must be accepted) and input it
does not (which must be refused), then chains of calls along the description's links
(create → get, update, trash …). No answer may be a 5xx, every answer must match the
description, and the description must say every rule the server keeps.

Two rules cannot be written in JSON Schema, and the description states them in words; the
generators here know them: a `picture` is a real picture file (base64), and a moment that has
already happened lies between 1900 and now. Examples are bounded so this takes seconds."""

from __future__ import annotations

import base64
import io
import os
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import run_state_machine_as_test
from PIL import Image
from schemathesis import GenerationMode

from glimmers.accounts.tokens import create_token
from glimmers.conversations.models import Conversation
from glimmers.diary.models import Bean, DayTally, Glimmer, Intention, Trigger
from glimmers.practice.models import Draft, HiddenPrompt, Pause
from glimmers.questions.models import Answer, GlimmerQuestion
from glimmers.wsgi import application

# Hypothesis's own uuids() draw from true randomness, so a replayed example can take another
# path through the API (404 instead of 200) and Hypothesis reports its generation as flaky;
# ids drawn from plain integers replay exactly.
schemathesis.openapi.format(
    "uuid",
    st.integers(min_value=0, max_value=2**128 - 1).map(lambda n: str(uuid.UUID(int=n, version=4))),
)


@st.composite
def _pictures(draw: st.DrawFn) -> str:
    size = (draw(st.integers(1, 24)), draw(st.integers(1, 24)))
    colour = tuple(draw(st.integers(0, 255)) for _ in range(3))
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=draw(st.sampled_from(["PNG", "JPEG"])))
    return base64.b64encode(out.getvalue()).decode("ascii")


_EARLIEST = datetime(1900, 1, 2)
_LATEST = datetime(2025, 12, 31)


@st.composite
def _moments(draw: st.DrawFn) -> str:
    """RFC 3339 times from 1900 until (a year before) now, at any offset."""
    moment = draw(st.datetimes(min_value=_EARLIEST, max_value=_LATEST))
    minutes = draw(st.integers(-14 * 60, 14 * 60))
    zone = timezone(timedelta(minutes=minutes)) if minutes else UTC
    text = moment.replace(tzinfo=zone).isoformat()
    return text.replace("+00:00", "Z") if draw(st.booleans()) else text


pytestmark = pytest.mark.fuzz
schemathesis.openapi.format("picture", _pictures())
schemathesis.openapi.format("date-time", _moments())

# A few examples each in the suite; GLIMMERS_SCHEMATHESIS_EXAMPLES=200 digs deeper by hand.
EXAMPLES = int(os.environ.get("GLIMMERS_SCHEMATHESIS_EXAMPLES", "8"))
QUICK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
DIARY = (
    Glimmer,
    Trigger,
    Bean,
    Intention,
    DayTally,
    GlimmerQuestion,
    Answer,
    Conversation,
    Pause,
    Draft,
    HiddenPrompt,
)


@pytest.fixture
def schema(owner):
    # Calls go straight to the WSGI app inside the test's transaction; like Django's test
    # client, keep the app from closing that connection at the end of each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        token = create_token(owner, "schemathesis")[1]
        loaded = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
        yield loaded, {"Authorization": f"Bearer {token}"}
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _every_operation(loaded, headers, mode):
    operations = [result.ok() for result in loaded.get_all_operations()]
    assert len(operations) == 63
    for operation in operations:

        @QUICK
        @given(case=operation.as_strategy(generation_mode=mode))
        def check(case):
            case.call_and_validate(headers=headers)

        check()


def test_every_operation_accepts_what_the_description_allows(schema):
    _every_operation(*schema, GenerationMode.POSITIVE)


def test_every_operation_refuses_what_the_description_does_not_allow(schema):
    _every_operation(*schema, GenerationMode.NEGATIVE)


def test_linked_calls_answer_as_described(schema, owner):
    loaded, headers = schema
    machine = loaded.as_state_machine()

    class Workflow(machine):  # type: ignore[misc, valid-type]
        def setup(self):
            # Each chain starts from an empty diary. Otherwise what earlier chains left (today's
            # intention, say) changes where the same choices lead, and Hypothesis, replaying
            # them, reports its own generation as flaky.
            for model in DIARY:
                model.objects.filter(owner=owner).delete()

        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, **kwargs):
            case.validate_response(response, headers=headers)

    run_state_machine_as_test(
        Workflow,
        settings=settings(
            QUICK, max_examples=EXAMPLES * 3, stateful_step_count=6, phases=[Phase.generate]
        ),
    )
