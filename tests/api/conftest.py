"""The API's cast: the owner and a stranger, each with a device token, and a client that
speaks JSON with a bearer token."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from glimmers.accounts.tokens import create_token


class ApiClient:
    """Django's test client with a bearer token and JSON bodies."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def call(self, method: str, path: str, body: Any = None, **query: Any) -> Any:
        url = path if path.startswith("/") else f"/api/v1/{path}"
        send = getattr(self.client, method)
        if body is None:
            return send(url, query or None, headers=self.headers)
        return send(url, json.dumps(body), content_type="application/json", headers=self.headers)

    def get(self, path: str, **query: Any) -> Any:
        return self.call("get", path, **query)

    def post(self, path: str, body: Any = None) -> Any:
        return self.call("post", path, {} if body is None else body)

    def put(self, path: str, body: Any) -> Any:
        return self.call("put", path, body)

    def delete(self, path: str) -> Any:
        return self.call("delete", path)


@pytest.fixture
def owner_token(owner: Any) -> str:
    return create_token(owner, "phone")[1]


@pytest.fixture
def owner_api(owner_token: str) -> ApiClient:
    return ApiClient(owner_token)


@pytest.fixture
def stranger_api(stranger: Any) -> ApiClient:
    return ApiClient(create_token(stranger, "laptop")[1])


@pytest.fixture
def anonymous_api(db: Any) -> ApiClient:
    return ApiClient(None)
