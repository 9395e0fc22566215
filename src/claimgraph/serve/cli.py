"""`claimgraph serve`: the API and the web UI over the store."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 exposes the server to the network).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-warmup", is_flag=True, help="Load the models on the first submission, not at start.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, no_warmup: bool, log_level: str) -> None:
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
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False,
                timeout_graceful_shutdown=10)


from claimgraph.serve import watch, wb_cli  # noqa: E402

commands = [serve, *wb_cli.commands, watch.watch_cmd]
