"""Nothing is shown to someone who has not signed in: every address of the app, walked from
its URL patterns (so a new page is covered the day it is added), read and posted to without a
session, answers by sending to sign-in, 401 (the API), 404 or 405 — never with a page.

Only the doors themselves are open: welcome, sign-in and out, the service worker, the API's
description, and the health check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

OPEN = {
    "accounts:welcome",
    "accounts:login",
    "accounts:logout",
    "diary:service_worker",
    "api:openapi-json",
    "api:openapi-view",
    "api:api-root",
    "healthz",
}
# Fixed, so every pytest-xdist worker collects the same test names.
VALUES = {"UUIDConverter": "00000000-0000-4000-8000-000000000001", "IntConverter": "1"}


def _addresses(resolver: URLResolver, space: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _addresses(pattern, f"{pattern.namespace}:" if pattern.namespace else space)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield space + pattern.name, pattern


def addresses() -> list[tuple[str, str]]:
    from django.urls import reverse

    found = []
    for name, pattern in _addresses(get_resolver()):
        if name in OPEN:
            continue
        values = {
            key: VALUES.get(type(converter).__name__, "x")
            for key, converter in pattern.pattern.converters.items()
        }
        found.append((name, reverse(name, kwargs=values)))
    return found


@pytest.mark.parametrize(("name", "url"), addresses())
def test_every_address_is_closed_without_a_session(client, owner, name, url):
    for method in (client.get, client.post):
        response = method(url)
        if response.status_code == 302:
            assert "/accounts/" in response["Location"], (name, method, response["Location"])
        else:
            assert response.status_code in (401, 404, 405), (name, method, response.status_code)


def test_the_walk_finds_every_part_of_the_app():
    names = {name for name, _url in addresses()}
    assert len(names) > 80
    assert {"diary:detail", "booklet:job_pdf", "api:get_glimmer", "questions:delete"} <= names
