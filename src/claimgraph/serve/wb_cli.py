"""`claimgraph entity NAME`, `claimgraph outlet NAME`, `claimgraph statements`: the
workbench's pages in the terminal, from the same read models as the API."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from claimgraph.chain_text import chain_text


def _store(ctx: click.Context) -> Any:
    from claimgraph.store import StoreError, open_store

    try:
        return open_store(ctx.obj["config"].store_url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _others(title: str, rows: list[dict[str, Any]]) -> None:
    click.echo(f"{title}:")
    if not rows:
        click.echo("  nobody")
    for r in rows:
        score = f", score {r['score']:.2f}" if r.get("score") is not None else ""
        click.echo(f"  {r['name']} ({r['count']} statement(s); {', '.join(r['scope'])}; "
                   f"basis {', '.join(r['basis'])}{score})")


def _statements(rows: list[dict[str, Any]]) -> None:
    for s in rows:
        click.echo(f"  {s['date'] or 'undated':10}  {s['stance']:8} {chain_text(s['chain'])}")
        click.echo(f"      {' '.join(s['content'].split())[:160]}  [{s['doc_id'][:12]} {s['attr_id']}]")


@click.command("entity")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True,
              help="Statements shown in the text report (JSON has them all).")
@click.pass_context
def entity_cmd(ctx: click.Context, name: str, as_json: bool, limit: int) -> None:
    """A person or organisation across articles and languages: aliases, roles, every
    statement with its chain, who quotes it, whom it denies and who denies it."""
    from claimgraph.serve.people import People

    with _store(ctx) as store:
        found = People(store).entity(name)
    if found is None:
        raise click.ClickException(f"no person or organisation {name!r} in the store")
    if as_json:
        _echo_json(found)
        return
    click.echo(f"{found['name']} ({'person' if found['label'] == 'PER' else 'organisation'})")
    for label, value in (("also named", " · ".join(found["aliases"])), ("role", "; ".join(found["roles"])),
                         ("country", found["country"]), ("sector", found["sector"]),
                         ("languages", ", ".join(found["languages"])), ("articles", found["documents"])):
        click.echo(f"  {label}: {value or '-'}")
    click.echo("quoted by: " + (", ".join(f"{r['name']} ({r['count']})" for r in found["quoted_by"]) or "-"))
    _others("denies", found["denies"])
    _others("denied by", found["denied_by"])
    click.echo(f"statements ({len(found['statements'])}):")
    _statements(found["statements"][:limit])


@click.command("outlet")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def outlet_cmd(ctx: click.Context, name: str, as_json: bool) -> None:
    """An outlet of the store: its registry label and source, whom it quotes, what it relays
    from whom, its share of denials."""
    from claimgraph.serve.people import People
    from claimgraph.store.queries import documents as docq
    from claimgraph.store.queries import entities as q

    with _store(ctx) as store:
        with store.connection() as conn:
            outlet_id = q.find_outlet(conn, name)
        if outlet_id is None:
            raise click.ClickException(f"no outlet {name!r} in the store")
        info = docq.outlet_record(store, outlet_id) or {"id": outlet_id}
        profile = People(store).outlet(outlet_id)
    if as_json:
        _echo_json({**info, **profile})
        return
    label = info.get("typology_label") or info.get("typology") or "none"
    click.echo(f"{info.get('name', outlet_id)} ({info.get('country') or 'country unknown'})")
    click.echo(f"  registry label: {label} (source: {info.get('dataset') or 'not in the bundled registry'})")
    share = f" ({100 * profile['deny_share']:.0f} %)" if profile["n_statements"] else ""
    click.echo(f"  statements: {profile['n_statements']}; denials: {profile['n_denials']}{share}")
    click.echo("quotes: " + (", ".join(f"{r['name']} ({r['count']})" for r in profile["quotes"]) or "-"))
    click.echo("relays:")
    for r in profile["relays"] or [{"from": "-", "count": 0, "speakers": []}]:
        click.echo(f"  {r['from']} ({r['count']}): " + ", ".join(f"{s['name']} ({s['count']})"
                                                                for s in r["speakers"]))
    click.echo("statements:")
    _statements(profile["statements"])


@click.command("statements")
@click.option("--from", "date_from", help="YYYY-MM-DD, inclusive.")
@click.option("--to", "date_to", help="YYYY-MM-DD, inclusive.")
@click.option("--outlet", help="Outlet id or name.")
@click.option("--country", help="Outlet country code or name.")
@click.option("--lang", "language")
@click.option("--stance")
@click.option("--speaker", help="Part of the speaker's name.")
@click.option("--min-score", type=click.FloatRange(0, 1), help="Least claim link score.")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "jsonl"]), default="text")
@click.pass_context
def statements_cmd(ctx: click.Context, fmt: str, limit: int, offset: int, **kw: Any) -> None:
    """Who says what, filtered like the UI's lists, with facet counts (text and JSON)."""
    from claimgraph.store.export import render
    from claimgraph.store.queries import facets

    f = facets.Filters(**kw)
    with _store(ctx) as store, store.connection() as conn:
        data = facets.statements(conn, f, limit, offset)
    if fmt == "json":
        _echo_json(data)
    elif fmt in ("csv", "jsonl"):
        sys.stdout.buffer.write(render(data["items"], fmt)[0])
    else:
        click.echo(f"{data['total']} statement(s); showing {offset + 1}-{offset + len(data['items'])}")
        for name, counts in data["facets"].items():
            click.echo(f"  by {name}: " + ", ".join(f"{k} {v}" for k, v in list(counts.items())[:8]))
        for s in data["items"]:
            chain = chain_text([s["speaker_name"] or "unnamed source",
                                *[h["name"] for h in s["via"] if h.get("kind") != "publisher"],
                                s["outlet_name"]])
            click.echo(f"{(s['published'] or 'undated')[:10]:10}  {s['stance']:8} {chain}")
            click.echo(f"      {' '.join(s['content_text'].split())[:160]}")


commands = [entity_cmd, outlet_cmd, statements_cmd]
