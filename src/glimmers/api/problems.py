"""One sentence for input the description does not allow, in the language of the request.

Pydantic says what is wrong in its own words (English, with regular expressions and type
names); a person or a script reading our answers gets a plain sentence that names the
field, or our own sentence where we have one (a blank text, a time in the future)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

# Pydantic's error types, by what they mean for the person sending the request.
SENTENCES = {
    "missing": _("%(field)s is needed."),
    "string_too_long": _("%(field)s can be at most %(max_length)s characters."),
    "string_too_short": _("%(field)s needs at least %(min_length)s characters."),
    "too_long": _("%(field)s can hold at most %(max_length)s items."),
    "too_short": _("%(field)s needs at least %(min_length)s items."),
    "greater_than_equal": _("%(field)s must be at least %(ge)s."),
    "greater_than": _("%(field)s must be more than %(gt)s."),
    "less_than_equal": _("%(field)s must be at most %(le)s."),
    "less_than": _("%(field)s must be less than %(lt)s."),
    "enum": _("%(field)s must be one of %(expected)s."),
    "literal_error": _("%(field)s must be one of %(expected)s."),
    "string_type": _("%(field)s must be text."),
    "int_type": _("%(field)s must be a whole number."),
    "int_parsing": _("%(field)s must be a whole number."),
    "int_from_float": _("%(field)s must be a whole number."),
    "bool_type": _("%(field)s must be true or false."),
    "bool_parsing": _("%(field)s must be true or false."),
    "list_type": _("%(field)s must be a list."),
    "dict_type": _("%(field)s must be an object."),
    "model_type": _("%(field)s must be an object."),
    "model_attributes_type": _("%(field)s must be an object."),
    "uuid_type": _("%(field)s must be a UUID."),
    "uuid_parsing": _("%(field)s must be a UUID."),
    "none_required": _("%(field)s must be left out."),
    "json_invalid": _("The request body is not valid JSON."),
    # Our own types' problems (see `glimmers.api.types`).
    "moment_format": _("%(field)s must be a time with its offset, such as 2024-05-01T07:00:00Z."),
    "moment_calendar": _("%(field)s is not a time on the calendar."),
    "day_format": _("%(field)s must be a day written as YYYY-MM-DD."),
    "day_calendar": _("%(field)s is not a day on the calendar."),
}
WHOLE = _("That is not valid input.")


def sentence(problem: dict[str, Any]) -> tuple[str, str | None]:
    """(one sentence, the field it is about) for pydantic's first problem with a request."""
    location = [str(part) for part in problem.get("loc", ()) if part not in ("body", "payload")]
    inside = location[1:] if location and location[0] in ("query", "path") else location
    field = inside[0] if inside else None
    kind = str(problem.get("type", ""))
    context = problem.get("ctx") or {}
    if kind == "value_error" and "error" in context:
        return str(context["error"]), field  # our own sentence, whole
    where = ".".join(inside) or _("The request body")
    template = SENTENCES.get(kind)
    if template is None:
        return str(WHOLE), field
    values = {name: str(value) for name, value in context.items()}
    try:
        return str(template) % {"field": where, **values}, field
    except (KeyError, TypeError, ValueError):
        return str(WHOLE), field
