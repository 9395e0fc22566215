"""Command-line interface: analyze, show, export, stats, rejected, outlets, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from claimgraph.config import Config

err = Console(stderr=True)


def _config(ctx: click.Context) -> Config:
    return ctx.obj["config"]


def _open_store(config: Config, must_exist: bool = False):  # type: ignore[no-untyped-def]
    """The store of ``--db``; reading commands (``must_exist``) never create one."""
    from claimgraph.store import StoreError, open_store

    try:
        return open_store(config.store_url, create=bool(config.get("store.create", False)),
                          must_exist=must_exist)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="TOML configuration file (default: ./claimgraph.toml if present).")
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE",
              help="Override a configuration key, e.g. --set models.en=en_core_web_md.")
@click.option("--db", help="Store: a SQLite file (default claimgraph.db) or postgresql://... URL.")
@click.option("--create", is_flag=True,
              help="Create the folders of a SQLite store that do not exist (else an error).")
@click.option("-v", "--verbose", is_flag=True, help="Log debugging details to stderr.")
@click.version_option(package_name="claimgraph")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, overrides: tuple[str, ...], db: str | None,
         create: bool, verbose: bool) -> None:
    """claimgraph: who said what in the news, who denies it, and through which chain."""
    import logging

    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        config = Config.load(config_path, list(overrides))
    except (OSError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    if db:
        config.set("store.url", db)
    if create:
        config.set("store.create", True)
    ctx.obj = {"config": config}


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "none"]),
              default=None, help="Output on stdout (default: text for one input, none for several).")
@click.option("--no-store", is_flag=True, help="Do not write to the store.")
@click.option("--workers", type=int, default=1, show_default=True,
              help="Worker processes (or Ray actors).")
@click.option("--executor", type=click.Choice(["auto", "local", "process", "ray"]), default="auto",
              show_default=True,
              help="Where the stages run: this process, a process pool, or Ray (run.ray_address).")
@click.option("--upto", type=click.Choice(["clean", "nlp", "attribution", "events"]),
              help="Stop after this stage.")
@click.option("--allow-private", is_flag=True,
              help="Allow fetching URLs on loopback, private or link-local addresses.")
@click.option("--lang", help="Force the article language (otherwise detected).")
@click.option("--no-link", is_flag=True,
              help="Do not link documents across articles (duplicates, stories, claims, disputes).")
@click.option("--force", is_flag=True,
              help="Analyse again the documents already stored with the same configuration.")
@click.option("--profile", is_flag=True, help="Print the seconds spent in each stage and step.")
@click.option("--shards", type=click.Path(file_okay=False),
              help="Workers write results as Parquet shards in this folder instead of the driver "
                   "storing them (large runs, e.g. on Ray); then `claimgraph load FOLDER`.")
@click.pass_context
def analyze(ctx: click.Context, inputs: tuple[str, ...], fmt: str | None, no_store: bool,
            workers: int, executor: str, upto: str | None, allow_private: bool, lang: str | None,
            no_link: bool, force: bool, profile: bool, shards: str | None) -> None:
    """Analyse articles: files, directories, globs, URLs, WARC, feeds, JSONL, or - for stdin.

    Results go to the store; rejected inputs are stored with their reason and listed at the end.
    A rerun skips the documents already stored with the same content and configuration
    (--force redoes them) and links those stored but not linked yet. Exit status 1 when
    every input was rejected.
    """
    from claimgraph.lang import LanguageDataError
    from claimgraph.lang import check as check_languages
    from claimgraph.model import Document, Rejected
    from claimgraph.report import print_document, print_rejected
    from claimgraph.run.job import Job
    from claimgraph.run.progress import RunProgress, count_inputs
    from claimgraph.run.resume import Resume, config_hash
    from claimgraph.run.sinks import link_pending, store_sinks
    from claimgraph.stage import StageError
    from claimgraph.store import mask_url

    config = _config(ctx)
    try:  # every data file of the languages in use, before any input is read
        check_languages([*config.languages, *([lang] if lang else [])])
    except LanguageDataError as exc:
        raise click.ClickException(str(exc)) from exc
    if allow_private:
        config.set("limits.allow_private_addresses", True)
    several = len(inputs) > 1 or not _single_document(inputs[0])
    fmt = fmt or ("none" if several else "text")
    store = None if no_store else _open_store(config)
    out = Console()
    first = True
    progress: RunProgress | None = None

    def show(result: Document | Rejected, count: bool = True) -> None:
        nonlocal first
        if progress is not None and count:
            progress.advance(result)
        if isinstance(result, Rejected):
            return
        if fmt == "text":
            print_document(result, out)
        elif fmt == "jsonl":
            click.echo(result.to_json())
        elif fmt == "json":
            click.echo(("[\n" if first else ",\n") + result.model_dump_json(indent=2), nl=False)
        first = False

    show.step = "output"  # type: ignore[attr-defined]
    digest = config_hash(config, upto) + (f"-{lang}" if lang else "")
    linking = not no_link and upto in (None, "events") and not shards
    sinks = [] if store is None or shards else store_sinks(store, config, link=linking,
                                                            config_hash=digest)
    if shards:  # the store is still read: documents already in it are skipped
        config.set("run.shards", str(Path(shards).resolve()))
        config.set("run.shard_config_hash", digest)
        fmt = "none"
    if several:
        progress = RunProgress(count_inputs(inputs), terminal=err.is_terminal, stream=sys.stderr,
                               console=err, interval=float(config.get("run.log_interval", 30.0)))
    def skipped(doc_id: str) -> None:
        """A document already stored: counted, and shown from the store when output is asked."""
        if progress is not None:
            progress.skip(doc_id)
        stored = store.get(doc_id) if fmt != "none" and store is not None else None
        if stored is not None:
            show(stored, count=False)

    resume = None if store is None else Resume(store, digest, force=force, on_skip=skipped)
    linked = 0
    try:
        job = Job(config, [*sinks, show], executor=executor, workers=workers, upto=upto, lang=lang,
                  resume=resume)
        report = job.run(inputs, stdin=sys.stdin.buffer)
        if linking and store is not None:
            linked = link_pending(sinks)
    except StageError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if progress is not None:
            progress.stop()
        if store is not None:
            store.close()
    if fmt == "json":
        click.echo("[]" if first else "\n]")
    where = f" into shards in {shards}" if shards else \
        "" if no_store else f" into {mask_url(config.store_url)}"
    summary = f"{report.documents} document(s) analysed{where}; {len(report.rejected)} rejected"
    if report.skipped:
        summary += (f"; {len(report.skipped)} skipped (already stored with the same content and "
                    "configuration; --force redoes them)")
    if linked:
        summary += f"; linked {linked} stored document(s) not linked before"
    if shards:
        summary += f" (store them with: claimgraph load {shards})"
    err.print(summary)
    print_rejected(report.rejected, err)
    if profile:
        _print_profile(report.timings, report.documents)
    if report.rejected and not report.documents and not report.skipped:
        err.print(f"[bold red]error:[/] every input was rejected ({len(report.rejected)}); "
                  "nothing was analysed")
        ctx.exit(1)


def _print_profile(timings: dict[str, float], documents: int) -> None:
    """Seconds per stage and step, with their share (stages summed over the workers)."""
    total = sum(timings.values()) or 1.0
    err.print("profile (seconds; stages summed over the workers):")
    for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        rate = f"  {documents / seconds:8.1f} doc/s" if seconds > 0 and documents else ""
        err.print(f"  {name:<18} {seconds:9.2f}  {100 * seconds / total:5.1f}%{rate}")


_CONTAINERS = (".jsonl", ".ndjson", ".warc", ".warc.gz", ".xml", ".rss", ".atom")


def _single_document(spec: str) -> bool:
    """Whether one input spec holds one article (a plain file, a URL or stdin)."""
    if spec == "-" or spec.startswith(("http://", "https://")):
        return True
    return Path(spec).is_file() and not spec.lower().endswith(_CONTAINERS)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--no-link", is_flag=True, help="Store only; link later with `claimgraph link`.")
@click.pass_context
def load(ctx: click.Context, folder: str, no_link: bool) -> None:
    """Store the Parquet shards that `analyze --shards FOLDER` wrote, then link them.

    Each loaded shard moves to FOLDER/loaded; loading again is safe (saving is by id)."""
    from claimgraph.run.shards import load_shards
    from claimgraph.run.sinks import LinkSink, link_pending
    from claimgraph.store import mask_url

    config = _config(ctx)
    store = _open_store(config)
    try:
        n_shards, n_docs, n_rej = load_shards(store, folder)
        linked = 0 if no_link else link_pending([LinkSink(store, config)])
    finally:
        store.close()
    err.print(f"{n_shards} shard(s) loaded into {mask_url(config.store_url)}: {n_docs} "
              f"document(s), {n_rej} rejected; linked {linked}")


@main.command()
@click.argument("doc_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def show(ctx: click.Context, doc_id: str, fmt: str) -> None:
    """Show a stored document (an id or a unique id prefix)."""
    from claimgraph.report import print_document
    from claimgraph.store import StoreError

    with _open_store(_config(ctx), must_exist=True) as store:
        try:
            doc = store.get(doc_id)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
    if doc is None:
        raise click.ClickException(f"no document {doc_id!r} in the store")
    if fmt == "json":
        click.echo(doc.model_dump_json(indent=2))
    else:
        print_document(doc, Console())


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl")
@click.option("--table", type=click.Choice(["documents", "entities", "attributions", "events",
                                            "claims", "disputes", "plover", "rejected", "reviews",
                                            "devset"]),
              default="documents", show_default=True,
              help="plover: PLOVER-style event records (JSONL; flat event rows in CSV or Parquet); "
                   "events: one flat row per event; claims, disputes: the link layer's; reviews: "
                   "analysts' verdicts; devset: reviewed attributions in the dev-set schema (JSONL).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True)
@click.option("--quotes-only", is_flag=True,
              help="attributions: speech and writing only (direct, indirect, mixed), as quote "
                   "trackers count them; no beliefs, refusals to comment or according-to.")
@click.pass_context
def export(ctx: click.Context, fmt: str, table: str, output: str, quotes_only: bool) -> None:
    """Export the store: documents as the JSON contract, or flat tables."""
    with _open_store(_config(ctx)) as store:
        try:
            n = store.export(Path(output), fmt, table=table, quotes_only=quotes_only)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    err.print(f"wrote {n} {table} row(s) to {output}")


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Counts: documents by language and outlet, rejected by reason, attributions, events."""
    with _open_store(_config(ctx), must_exist=True) as store:
        data = store.stats()
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    _print_stats(data)


def _print_stats(data: dict[str, Any], indent: str = "") -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            click.echo(f"{indent}{key}:")
            _print_stats(value, indent + "  ")
        else:
            click.echo(f"{indent}{key}: {value}")


@main.command()
@click.pass_context
def rejected(ctx: click.Context) -> None:
    """List the rejected inputs and why."""
    from claimgraph.report import print_rejected

    with _open_store(_config(ctx), must_exist=True) as store:
        items = store.rejected()
    if not items:
        click.echo("no rejected input")
    print_rejected(items, Console())


@main.group()
def outlets() -> None:
    """The outlet registry."""


@outlets.command("build")
@click.option("--source", type=click.Path(file_okay=False, exists=True), required=True,
              help="Folder with State_Media_Matrix.csv and the Medias_francais tables.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              default=str(Path(__file__).parent / "data" / "outlets.jsonl"), show_default=True)
def outlets_build(source: str, output: str) -> None:
    """Rebuild the bundled outlet registry from the cited datasets (see NOTICE)."""
    from claimgraph.clean.outlets_build import build_registry, write_registry

    records = build_registry(Path(source))
    write_registry(records, Path(output))
    err.print(f"wrote {len(records)} outlets to {output}")


@outlets.command("find")
@click.argument("name_or_url")
@click.pass_context
def outlets_find(ctx: click.Context, name_or_url: str) -> None:
    """Look up an outlet by name, footer text or URL."""
    from claimgraph.clean.outlets import OutletRegistry

    reg = OutletRegistry.load(_config(ctx).get("outlets.extra", []))
    found = (reg.from_url(name_or_url) if "://" in name_or_url or "." in name_or_url else None) \
        or reg.from_name(name_or_url, "query")
    if found is None:
        raise click.ClickException(f"no outlet matches {name_or_url!r}")
    click.echo(found.model_dump_json(indent=2, exclude_none=True))


@main.group("eval")
def eval_group() -> None:
    """Score claimgraph on annotated datasets."""


# Commands of other parts of the package, registered explicitly: an import error is an error.
from claimgraph.eval import attribution as _eval_attribution  # noqa: E402
from claimgraph.eval import events as _eval_events  # noqa: E402
from claimgraph.eval import extraction as _eval_extraction  # noqa: E402
from claimgraph.eval import link as _eval_link  # noqa: E402
from claimgraph.link import cli as _link_cli  # noqa: E402
from claimgraph.serve import cli as _serve_cli  # noqa: E402

for _cmd in (*_link_cli.commands, *_serve_cli.commands):
    main.add_command(_cmd)
eval_group.add_command(_eval_attribution.command, "attribution")
eval_group.add_command(_eval_events.command, "events")
eval_group.add_command(_eval_extraction.command, "extraction")
eval_group.add_command(_eval_link.command, "link")


if __name__ == "__main__":  # pragma: no cover
    main()
