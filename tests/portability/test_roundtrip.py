"""Our JSON export → import into an empty diary → export again is identical."""

import io
import json
import string
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from glimmers.accounts.services import create_user
from glimmers.conversations import services as conversations
from glimmers.conversations.services import ConversationInput
from glimmers.diary.choices import Kind, Sense
from glimmers.diary.models import Glimmer, Tag
from glimmers.diary.services import EntryInput, add_glimmer, add_trigger, count_bean, set_intention
from glimmers.lib.photos import prepare_photo
from glimmers.portability.export import export_json
from glimmers.portability.imports import read_document, save_parts
from glimmers.questions import services as questions

# Odd text: emoji, right-to-left scripts, Cyrillic, combining marks, long entries. Control
# characters other than newlines and tabs are not something people type, and the database
# drivers differ on NUL, so they are left out.
ODD = st.characters(
    blacklist_categories=("Cs", "Cc"),
    whitelist_characters="\n\t",
)
TEXT = st.text(ODD, min_size=1, max_size=120).filter(lambda s: s.strip())
# Long entries, built by repetition so that generating them stays cheap.
LONG = st.builds(lambda part, times: part * times, TEXT, st.integers(20, 60))
LINE = st.text(ODD, max_size=80)
NAMES = st.lists(
    st.text(string.ascii_letters + "ҐЇїєЄ éß😊-", min_size=1, max_size=20).filter(str.strip),
    max_size=3,
)
MOMENTS = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2025, 1, 1), timezones=st.just(UTC)
)

ENTRY = st.fixed_dictionaries(
    {
        "text": st.one_of(TEXT, LONG),
        "noticed_at": MOMENTS,
        "senses": st.lists(st.sampled_from(Sense.values), unique=True),
        "sense_lines": st.dictionaries(st.sampled_from(Sense.values), LINE, max_size=3),
        "body": LINE,
        "kind": st.sampled_from(Kind.values),
        "tags": NAMES,
        "people": NAMES,
        "intensity": st.one_of(st.none(), st.integers(1, 5)),
    }
)


def _photo():
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "teal").save(buffer, "JPEG")
    buffer.seek(0)
    return prepare_photo(buffer, max_bytes=10**7, max_pixels=10**7, max_side=100)


def _fill_diary(owner, entries, with_extras):
    for index, fields in enumerate(entries):
        photos = [_photo()] if with_extras and index == 0 else []
        add_glimmer(owner, EntryInput(**fields, photos=photos))
    if with_extras:
        add_trigger(owner, EntryInput(text="a siren", senses=["hearing"], body="tight chest"))
        count_bean(owner, note="a smile")
        set_intention(owner, "notice warm light")
        _keep_a_conflicting_edit(owner)
        trashed = add_glimmer(owner, EntryInput(text="in the trash"))
        trashed.trashed_at = trashed.created_at + timedelta(minutes=1)
        trashed.save()
        _practice(owner, shared=trashed)


def _practice(owner, shared):
    """Glimmer Questions (built-in and own, one put away, one answer left part-way) and
    conversations (one in the trash), linked to glimmers."""
    own = questions.add_question(owner, "Wird heute jemand lachen? 😊")
    away = questions.add_question(owner, "an old one")
    done = questions.answer_at_once(owner, "today", 7, {"know": "a message", "who": "Ірина"})
    questions.start(owner, str(own.id), 0)
    later = questions.start(owner, str(away.id), 10)
    questions.save_step(later, "body", "shoulders drop\nslowly")
    questions.archive_question(away)
    questions.edit_question(own, "Wird heute jemand lachen?")
    assert done.finished
    conversations.add_conversation(
        owner,
        ConversationInput(
            person="Mariia",
            story="her first day at school",
            named=["a girl shared pencils", "the teacher smiled"],
            shared_glimmer=shared.id,
        ),
    )
    set_aside = conversations.add_conversation(
        owner, ConversationInput(person="Opa", story="the garden", shared_back=True)
    )
    conversations.move_to_trash(set_aside)


def _keep_a_conflicting_edit(owner):
    """Two devices edit the same glimmer; the later one is kept beside it."""
    from glimmers.diary.conflicts import edit_or_keep

    glimmer = add_glimmer(owner, EntryInput(text="two devices", noticed_at=MOMENT))
    edit_or_keep(glimmer, 1, EntryInput(text="the phone's words"))
    edit_or_keep(glimmer, 1, EntryInput(text="the laptop's words", tags=["Zug"]))


MOMENT = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


def _roundtrip(entries, with_extras):
    """Fill a diary, export it, delete the person, import into their new empty diary, export."""
    from glimmers.accounts.services import delete_account

    owner = create_user("mover", None, time_zone="Europe/Kyiv")
    _fill_diary(owner, entries, with_extras)
    first = json.dumps(export_json(owner), ensure_ascii=False, indent=1)
    delete_account(owner)
    assert Glimmer.objects.count() == 0 and Tag.objects.count() == 0
    again = create_user("mover", None, time_zone="Europe/Kyiv")
    save_parts(again, read_document(json.loads(first)))
    second = json.dumps(export_json(again), ensure_ascii=False, indent=1)
    delete_account(again)  # the next example starts from an empty instance again
    return first, second


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=st.lists(ENTRY, min_size=1, max_size=4))
def test_export_import_export_is_identical(db, entries):
    first, second = _roundtrip(entries, with_extras=False)
    assert second == first


def test_roundtrip_with_photos_triggers_beans_intentions_and_trash(db):
    entries = [{"text": "sun 🌅 שלום", "senses": ["sight"], "tags": ["Світло"]}]
    first, second = _roundtrip(entries, with_extras=True)
    assert second == first
    document = json.loads(second)
    assert any(g["photos"] and g["photos"][0]["data"] for g in document["glimmers"])
    assert any(record["trashed_at"] for record in document["glimmers"])
    assert document["triggers"] and document["beans"] and document["intentions"]
    assert len(document["questions"]) == 2 and len(document["question_answers"]) == 3
    assert {answer["builtin"] for answer in document["question_answers"]} == {"today", None}
    named = [c["named"] for c in document["conversations"]]
    assert sorted(len(ids) for ids in named) == [0, 2]
    assert any(c["trashed_at"] for c in document["conversations"])
    assert any(c["shared_glimmer"] for c in document["conversations"])
    assert document["edit_conflicts"][0]["data"]["text"] == "the laptop's words"


def test_importing_into_another_diary_gives_new_ids_and_keeps_everything_else(db):
    first_owner = create_user("first", None)
    _fill_diary(first_owner, [{"text": "lake", "tags": ["ferien"]}], with_extras=True)
    first = export_json(first_owner)
    second_owner = create_user("second", None)
    save_parts(second_owner, read_document(json.loads(json.dumps(first))))
    second = export_json(second_owner)
    assert {g["id"] for g in second["glimmers"]}.isdisjoint(g["id"] for g in first["glimmers"])
    # (glimmers noticed at the same moment are ordered by id, and the ids are new)
    assert sorted(g["text"] for g in second["glimmers"]) == sorted(
        g["text"] for g in first["glimmers"]
    )
    assert len(second["beans"]) == len(first["beans"]) == 1
    # conversations point at the glimmers as they were imported, under their new ids
    glimmer_ids = {g["id"] for g in second["glimmers"]}
    linked = [i for c in second["conversations"] for i in [*c["named"], c["shared_glimmer"]] if i]
    assert len(linked) == 3 and set(linked) <= glimmer_ids
    assert len(second["question_answers"]) == 3
    own_ids = {q["id"] for q in second["questions"]}
    assert {a["question_id"] for a in second["question_answers"]} - {None} == own_ids


def test_importing_the_same_export_twice_adds_nothing_the_second_time(db):
    owner = create_user("twice", None)
    add_glimmer(owner, EntryInput(text="one"))
    document = json.loads(json.dumps(export_json(owner)))
    result = save_parts(owner, read_document(document))
    assert (result.count("glimmers"), result.already_there) == (0, 1)
    assert Glimmer.objects.filter(owner=owner).count() == 1
