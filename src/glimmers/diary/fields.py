"""A set of senses stored as one short text column, filterable on every database."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.sql.compiler import SQLCompiler

from glimmers.diary.choices import Sense, unknown_sense

SENSE_ORDER = {sense.value: index for index, sense in enumerate(Sense)}


def normalize_senses(values: Iterable[str]) -> list[str]:
    """Known senses, each once, in the fixed order; an unknown one is a ValidationError."""
    chosen = {str(value).strip().lower() for value in values if str(value).strip()}
    unknown = sorted(chosen - SENSE_ORDER.keys())
    if unknown:
        raise unknown_sense(unknown[0])
    return sorted(chosen, key=SENSE_ORDER.__getitem__)


class SenseSetField(models.CharField):  # type: ignore[type-arg]
    """Holds a list of senses; stored as "sight hearing" so `senses__has` works anywhere."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 80)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: str | None, *args: Any) -> list[str]:
        return value.split() if value else []

    def to_python(self, value: Any) -> list[str]:
        if isinstance(value, str):
            value = value.split()
        return normalize_senses(value or [])

    def get_prep_value(self, value: Any) -> str:
        if isinstance(value, str):
            return value
        return " ".join(normalize_senses(value or []))

    def value_to_string(self, obj: models.Model) -> str:
        """Serialized (backups) as the stored text, which `to_python` reads back."""
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        normalize_senses(value or [])


@SenseSetField.register_lookup
class HasSense(models.Lookup):  # type: ignore[type-arg]
    """`senses__has="sight"`: the set contains this sense."""

    lookup_name = "has"
    prepare_rhs = False

    def as_sql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        sense = normalize_senses([self.rhs])[0]
        return f"(' ' || {lhs} || ' ') LIKE %s", [*lhs_params, f"% {sense} %"]


if TYPE_CHECKING:
    from django.db.models.expressions import Combinable

    _Text = models.TextField[str | Combinable, str]
else:
    _Text = models.TextField


class BoundedTextField(_Text):
    """Text whose `max_length` holds wherever the model is checked (imports, the API, the
    CLI), not only in forms, as Django's own TextField has it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(MaxLengthValidator(self.max_length))
