"""The API object: authentication, one error shape, exact times, and the routers.

Every 4xx answer is `{"error": "<one sentence>", "field": <name or null>}`.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError
from ninja.openapi.docs import Swagger
from ninja.parser import Parser
from ninja.renderers import JSONRenderer
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from glimmers.accounts.tokens import owner_of
from glimmers.api.problems import sentence
from glimmers.diary.models import is_storage_full, time_zone_of
from glimmers.lib.photos import PhotoError


class BearerToken(HttpBearer):
    """A device token: `Authorization: Bearer glm_…`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        owner = owner_of(token.strip())
        if owner is not None:
            timezone.activate(time_zone_of(owner))
        return owner


class SignedInSession(APIKeyCookie):
    """The web app's own pages, signed in, same origin, with the CSRF token."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        # Only a signed-in session is held to CSRF; without one, the answer is a plain 401.
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        if not key or not request.user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, _("The page's security token is missing or old; reload it."))
        return request.user


class ExactEncoder(json.JSONEncoder):
    """Times in UTC with a Z and every microsecond, as in the JSON export."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime):
            return o.astimezone(UTC).isoformat().replace("+00:00", "Z")
        if isinstance(o, date):
            return o.isoformat()
        return str(o)  # UUIDs


class ExactRenderer(JSONRenderer):
    encoder_class = ExactEncoder
    json_dumps_params = {"ensure_ascii": False}


class LocalSwagger(Swagger):
    """Swagger UI from django-ninja's own files, served by us (never from a CDN)."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings), "api": api, "add_csrf": True}
        return render(request, "api/swagger.html", context)


class GlimmersAPI(NinjaAPI):
    """Adds OpenAPI links: what a create answers leads to get, update, trash and restore."""

    def get_openapi_operation_id(self, operation: Any) -> str:
        return str(operation.view_func.__name__)  # "create_glimmer", "list_beans", …

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        paths = schema["paths"]
        prefix = self.get_root_path({})
        for kind, key, actions in LINKED:
            created = paths.get(f"{prefix}{kind}", {}).get("post", {}).get("responses", {})
            links = {}
            for name, path, method in actions:
                target = paths.get(f"{prefix}{kind}/{{{key}}}{path}", {}).get(method)
                if target:
                    links[name] = {
                        "operationId": target["operationId"],
                        "parameters": {key: "$response.body#/id"},
                    }
            for status, answer in created.items():
                if str(status) == "201":
                    answer["links"] = links
        return schema


# What may follow a create, wherever the resource has it.
ITEM_ACTIONS = [
    ("Get", "", "get"),
    ("Update", "", "put"),
    ("Trash", "/trash", "post"),
    ("Restore", "/restore", "post"),
    ("Delete", "", "delete"),
    ("Archive", "/archive", "post"),
    ("Unarchive", "/unarchive", "post"),
    ("Scale", "/scale", "put"),
    ("Finish", "/finish", "post"),
    ("Glimmer", "/glimmer", "post"),
]
LINKED = [
    (kind, key, ITEM_ACTIONS)
    for kind, key in (
        ("glimmers", "glimmer_id"),
        ("triggers", "trigger_id"),
        ("beans", "bean_id"),
        ("intentions", "intention_id"),
        ("questions", "question_id"),
        ("answers", "answer_id"),
        ("conversations", "conversation_id"),
        ("pauses", "pause_id"),
    )
]


class ObjectParser(Parser):
    """A request body is one JSON object (a list, a number or null is not a request)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        document = json.loads(request.body)
        if not isinstance(document, dict):
            raise NotAnObject
        return document


class NotAnObject(ValueError):
    """The body was JSON, but not an object."""


api = GlimmersAPI(
    title="Glimmers API",
    version="1",
    description=(
        "The whole diary: glimmers, triggers, beans, intentions, the Glimmer Question, "
        "conversations, pauses, mornings and evenings, drafts, prompts, search and insights. "
        "See docs/api.md."
    ),
    parser=ObjectParser(),
    auth=[BearerToken(), SignedInSession()],
    renderer=ExactRenderer(),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=LocalSwagger(),
)


def error(
    request: HttpRequest, status: int, message: str, field: str | None = None
) -> HttpResponse:
    return api.create_response(request, {"error": message, "field": field}, status=status)


@api.exception_handler(SchemaError)
def schema_error(request: HttpRequest, exc: SchemaError) -> HttpResponse:
    message, field = sentence(exc.errors[0] if exc.errors else {})
    return error(request, 400, message, field)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = error(
        request, 401, _("A valid token is needed: send the header Authorization: Bearer TOKEN.")
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, _("There is nothing here with that id."))


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, NotAnObject | ValueError):  # the body could not be read
        return error(request, 400, _("The request body must be one JSON object."))
    return error(request, exc.status_code, str(exc))


@api.exception_handler(DjangoValidationError)
def invalid(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    field = None
    if hasattr(exc, "error_dict"):
        field = next(iter(exc.error_dict), None)
        if field == "__all__":
            field = None
    message = " ".join(dict.fromkeys(str(message) for message in exc.messages))
    return error(request, 413 if is_storage_full(exc) else 400, message, field)


@api.exception_handler(PhotoError)
def bad_photo(request: HttpRequest, exc: PhotoError) -> HttpResponse:
    return error(request, 400, str(exc), "photos")


from glimmers.api.routes import (  # noqa: E402
    conversations,
    diary,
    entries,
    export,
    notes,
    practice,
    questions,
)

for module in (entries, notes, questions, conversations, practice, diary, export):
    api.add_router("/", module.router)
