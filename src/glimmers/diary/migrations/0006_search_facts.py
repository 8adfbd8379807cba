"""The search index learns each glimmer's facts (senses, kind, tags, people, month) as
tokens in a column of their own, so a search narrowed by them is narrowed in the index.

SQLite: the FTS5 table is made again with a `facts` column (weighted 0 when ranking);
PostgreSQL: the generated tsvector covers the words and the facts. Every document is
written again in between, while no trigger is watching."""

from typing import Any

from django.db import migrations, models

SQLITE_DROP = [
    "DROP TRIGGER diary_search_update",
    "DROP TRIGGER diary_search_delete",
    "DROP TRIGGER diary_search_insert",
    "DROP TABLE diary_search",
]


def _sqlite_make(columns: str) -> list[str]:
    new = ", ".join(f"new.{column}" for column in columns.split(", "))
    old = ", ".join(f"old.{column}" for column in columns.split(", "))
    return [
        f"""CREATE VIRTUAL TABLE diary_search USING fts5(
            {columns}, content='diary_searchdocument', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0')""",
        f"""CREATE TRIGGER diary_search_insert AFTER INSERT ON diary_searchdocument BEGIN
            INSERT INTO diary_search(rowid, {columns}) VALUES (new.id, {new}); END""",
        f"""CREATE TRIGGER diary_search_delete AFTER DELETE ON diary_searchdocument BEGIN
            INSERT INTO diary_search(diary_search, rowid, {columns})
            VALUES ('delete', old.id, {old}); END""",
        f"""CREATE TRIGGER diary_search_update AFTER UPDATE ON diary_searchdocument BEGIN
            INSERT INTO diary_search(diary_search, rowid, {columns})
            VALUES ('delete', old.id, {old});
            INSERT INTO diary_search(rowid, {columns}) VALUES (new.id, {new}); END""",
        "INSERT INTO diary_search(diary_search) VALUES ('rebuild')",
    ]


def _postgresql_make(expression: str) -> list[str]:
    return [
        f"""ALTER TABLE diary_searchdocument ADD COLUMN vector tsvector
            GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {expression})) STORED""",
        # Without a pending list: otherwise every search reads all the not-yet-merged
        # entries (tens of thousands after an import) until a vacuum comes by.
        "CREATE INDEX diary_search_vector ON diary_searchdocument USING gin (vector)"
        " WITH (fastupdate = off)",
    ]


POSTGRESQL_DROP = [
    "DROP INDEX diary_search_vector",
    "ALTER TABLE diary_searchdocument DROP COLUMN vector",
]


def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop_index(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP})


def make_index(apps: Any, schema_editor: Any) -> None:
    _run(
        schema_editor,
        {
            "sqlite": _sqlite_make("owner_id, document, facts"),
            "postgresql": _postgresql_make("document || ' ' || facts"),
        },
    )


def make_old_index(apps: Any, schema_editor: Any) -> None:
    _run(
        schema_editor,
        {"sqlite": _sqlite_make("owner_id, document"), "postgresql": _postgresql_make("document")},
    )


def write_documents(apps: Any, schema_editor: Any) -> None:
    from django.contrib.auth import get_user_model

    from glimmers.diary.search import reindex

    for person in get_user_model().objects.all():
        reindex(person)
    if schema_editor.connection.vendor == "postgresql":
        # Check the new rows' keys now: PostgreSQL alters no table with checks still pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("diary", "0005_search_document")]

    operations = [
        # First, as adding a column on SQLite makes the table again (dropping its triggers).
        migrations.RunPython(drop_index, make_old_index),
        migrations.AddField(
            model_name="searchdocument", name="facts", field=models.TextField(default="")
        ),
        migrations.RunPython(write_documents, migrations.RunPython.noop),
        migrations.RunPython(make_index, drop_index),
    ]
