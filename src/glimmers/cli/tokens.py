"""Device tokens for the API: token create, list, revoke."""

from __future__ import annotations

import typer

from glimmers.cli.app import USER_HELP, app
from glimmers.cli.i18n import _
from glimmers.cli.runtime import CommandError, acting_user, friendly_errors, setup

token_app = typer.Typer(
    help="Make, list and revoke API tokens for your devices.", no_args_is_help=True
)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    name: str = typer.Option("", "--name", help='What the device is called, e.g. "phone".'),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Make a token and print it, this once (only its hash is kept)."""
    setup()
    with friendly_errors():
        from glimmers.accounts.tokens import create_token

        owner = acting_user(user, create=True)
        record, token = create_token(owner, name)
        typer.echo(token)
        typer.echo(
            _("Token {id} for “{name}”. Keep it safe: it is not shown again.").format(
                id=record.id, name=record.name
            ),
            err=True,
        )


@token_app.command("list")
def token_list(user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP)) -> None:
    """List your tokens: id, name, when made and when last used (never the token)."""
    setup()
    with friendly_errors():
        from glimmers.accounts.tokens import tokens_of

        owner = acting_user(user)
        for record in tokens_of(owner):
            used = f"{record.last_used_at:%Y-%m-%d %H:%M}" if record.last_used_at else "never"
            typer.echo(f"{record.id}\t{record.name}\t{record.created_at:%Y-%m-%d %H:%M}\t{used}")


@token_app.command("revoke")
def token_revoke(
    token_id: str = typer.Argument(..., metavar="ID", help="The token's id from `token list`."),
    user: str | None = typer.Option(None, "--user", "-u", help=USER_HELP),
) -> None:
    """Revoke a token: the device using it can no longer reach your diary."""
    setup()
    with friendly_errors():
        from glimmers.accounts.models import DeviceToken
        from glimmers.accounts.tokens import revoke_token

        owner = acting_user(user)
        try:
            record = revoke_token(owner, token_id)
        except DeviceToken.DoesNotExist:
            raise CommandError(
                _("You have no token with the id {id}; see `glimmers token list`.").format(
                    id=token_id
                )
            ) from None
        typer.echo(_("Revoked “{name}”.").format(name=record.name))
