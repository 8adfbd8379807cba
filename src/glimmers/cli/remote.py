"""The CLI against a Glimmers server: add, list, search and export over the JSON API.

The server and a device token come from --server/--token, else GLIMMERS_SERVER and
GLIMMERS_TOKEN, else `server` and `token` in GLIMMERS_HOME/remote.toml. Nothing here loads
Django: a remote command needs only the standard library (urllib) and Typer.
"""

from __future__ import annotations

import json
import os
import urllib.parse
import uuid
import zoneinfo
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glimmers.cli.i18n import _, language
from glimmers.cli.runtime import CommandError

if TYPE_CHECKING:
    import urllib.error

CONFIG_NAME = "remote.toml"
TIMEOUT = 30


class Unreachable(CommandError):
    """The server could not be reached at all, so the request may be sent again."""


@dataclass
class Remote:
    server: str
    token: str

    def call(
        self, method: str, path: str, body: Any = None, query: dict[str, Any] | None = None
    ) -> Any:
        """One API call; any failure becomes one sentence (CommandError)."""
        # Loaded here, not at start: every local command asks `target` first (~15 ms).
        import ssl
        import urllib.error
        import urllib.request

        url = f"{self.server}/api/v1/{path}"
        if query:
            url += "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        # The scheme was checked in `target`: only http and https get here.
        request = urllib.request.Request(  # noqa: S310
            url,
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                # The server's own sentences (a refusal, say) in the terminal's language.
                "Accept-Language": language(),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            raise CommandError(self._explain(error)) from None
        except (TimeoutError, urllib.error.URLError, ConnectionError, ssl.SSLError) as error:
            reason = getattr(error, "reason", error)
            raise Unreachable(
                _("Cannot reach the server at {server}: {reason}.").format(
                    server=self.server, reason=reason
                )
            ) from None
        except json.JSONDecodeError:
            raise CommandError(
                _(
                    "{server} answered with something other than JSON; is it a Glimmers server?"
                ).format(server=self.server)
            ) from None

    def _explain(self, error: urllib.error.HTTPError) -> str:
        if error.code == 401:
            return _(
                "The server at {server} did not accept the token; make a new one with "
                "`glimmers token create` there or in its settings."
            ).format(server=self.server)
        try:
            said = json.loads(error.read()).get("error")
        except (ValueError, AttributeError):
            said = None
        if said and 400 <= error.code < 500:
            return str(said)
        if error.code == 404:
            return _("{server} has no Glimmers API at /api/v1/; check the address.").format(
                server=self.server
            )
        return _("The server at {server} could not do that (HTTP {code}); try again later.").format(
            server=self.server, code=error.code
        )


def _home() -> Path | None:
    from glimmers.cli.warm import home

    found = home()
    return Path(found) if found else None


def _config() -> dict[str, Any]:
    folder = _home()
    path = folder / CONFIG_NAME if folder else None
    if path is None or not path.exists():
        return {}
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CommandError(
            _("{path} cannot be read: {reason}.").format(path=path, reason=error)
        ) from None


def target(server: str | None, token: str | None) -> Remote | None:
    """The server to talk to, or None to use this computer's diary."""
    config: dict[str, Any] = {}
    server = server or os.environ.get("GLIMMERS_SERVER") or None
    if server is None:
        config = _config()
        server = str(config.get("server") or "") or None
    if server is None:
        if token:
            raise CommandError(_("--token needs --server (or GLIMMERS_SERVER) to say where."))
        return None
    token = token or os.environ.get("GLIMMERS_TOKEN") or str(config.get("token") or "") or None
    if not token:
        token = str(_config().get("token") or "") or None
    if not token:
        raise CommandError(
            _(
                "A token is needed for the server: give --token, set GLIMMERS_TOKEN, or put "
                'token = "…" in {file} in GLIMMERS_HOME.'
            ).format(file=CONFIG_NAME)
        )
    parts = urllib.parse.urlsplit(server.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CommandError(
            _("“{server}” is not a server address; try http://host:8000.").format(server=server)
        )
    return Remote(server.strip().rstrip("/"), token.strip())


def local_zone() -> tzinfo:
    """This computer's time zone (TZ, then /etc/localtime), for --at and for showing times."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = str(Path("/etc/localtime").resolve())
            name = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
        except OSError:
            name = ""
    try:
        return zoneinfo.ZoneInfo(name) if name else _fixed_zone()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return _fixed_zone()


def _fixed_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def when(text: str | None) -> str | None:
    """--at / --since / --until as an ISO time with its offset, read in this computer's zone."""
    if text is None:
        return None
    from glimmers.cli.capture import unreadable_time
    from glimmers.lib.when import WhenError, parse_when

    zone = local_zone()
    try:
        return parse_when(text, now=datetime.now(zone), zone=zone).isoformat()
    except WhenError:
        raise unreadable_time(text) from None


def add(remote: Remote, payload: dict[str, Any], photos: list[Path]) -> str:
    """Save a glimmer on the server under our own id, so a retry cannot double it."""
    import base64

    encoded = []
    for path in photos:
        try:
            encoded.append({"data": base64.b64encode(path.read_bytes()).decode("ascii")})
        except OSError as error:
            raise CommandError(
                _("Cannot read the photo {path}: {reason}.").format(
                    path=path, reason=error.strerror
                )
            ) from None
    body = {**payload, "id": str(uuid.uuid4()), "photos": encoded}
    try:
        saved = remote.call("POST", "glimmers", body)
    except Unreachable:
        saved = remote.call("POST", "glimmers", body)  # the same id: safe to send again
    return str(saved["id"])


def glimmers(remote: Remote, query: dict[str, Any], number: int) -> list[dict[str, Any]]:
    """Up to `number` glimmers, newest first (or best first, with `order=best`), walking
    the server's pages."""
    found: list[dict[str, Any]] = []
    cursor = None
    while len(found) < number:
        page = remote.call(
            "GET",
            "glimmers",
            query={**query, "limit": min(200, number - len(found)), "cursor": cursor},
        )
        found.extend(page["items"])
        cursor = page["next"]
        if not cursor:
            break
    return found[:number]


def export(remote: Remote, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(remote.call("GET", "export"), ensure_ascii=False, indent=1)
    return str(remote.call("GET", "export/text", query={"format": fmt})["text"])
