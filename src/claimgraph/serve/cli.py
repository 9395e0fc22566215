"""`claimgraph serve`: the API and the web UI over the store."""

from __future__ import annotations

import json
import os
from typing import Any

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 exposes the server to the network).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-warmup", is_flag=True, help="Load the models on the first submission, not at start.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--workers", type=click.IntRange(1, 32), default=1, show_default=True,
              help="Server processes answering requests (they share the token and cookie secret).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, no_warmup: bool, log_level: str, workers: int) -> None:
    """Serve the API (/api, schema at /openapi.json) and the web UI over the store (--db).

    Submitting articles needs the token from serve.token or CLAIMGRAPH_TOKEN; without one,
    a random token is made and printed. Reads are open unless serve.protect_reads is true.
    """
    import uvicorn

    from claimgraph.serve.app import create_app
    from claimgraph.store import StoreError, mask_url, open_store

    config = ctx.obj["config"]
    try:  # fail here, with a clear message, rather than inside the server's startup
        open_store(config.store_url).close()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    app = create_app(config, warm=not no_warmup)
    settings = app.state.settings
    click.echo(f"claimgraph: store {mask_url(config.store_url)}; http://{host}:{port}/", err=True)
    if settings.token_generated:
        click.echo(f"claimgraph: no serve.token configured; the write token for this run is "
                   f"{settings.token}", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False,
                    timeout_graceful_shutdown=10)
        return
    # several processes: each builds the app from the same configuration, with the token and
    # the cookie secret fixed here so that a login or a form works whichever process answers
    config.set("serve.token", settings.token)
    config.set("serve.secret", settings.secret.hex())
    config.set("serve.warmup", not no_warmup)
    os.environ[CONFIG_ENV] = json.dumps(config.data)
    uvicorn.run("claimgraph.serve.cli:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level=log_level, proxy_headers=False, timeout_graceful_shutdown=10)


CONFIG_ENV = "CLAIMGRAPH_SERVE_CONFIG"


def app_from_env() -> Any:
    """The application of one server process (``serve --workers N``), from the parent's config."""
    from claimgraph.config import Config
    from claimgraph.serve.app import create_app

    return create_app(Config(data=json.loads(os.environ[CONFIG_ENV])))


from claimgraph.serve import watch, wb_cli  # noqa: E402

commands = [serve, *wb_cli.commands, watch.watch_cmd]
