"""Link commands: stories, story, disputes, claims, link (mounted by claimgraph.cli)."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from claimgraph.chain_text import UNKNOWN_OUTLET, chain_text
from claimgraph.config import Config


def _config(ctx: click.Context) -> Config:
    obj = ctx.find_root().obj or {}
    return obj.get("config") or Config.load()


def _linker(ctx: click.Context):  # type: ignore[no-untyped-def]
    from claimgraph.link import Linker
    from claimgraph.store import StoreError, open_store

    config = _config(ctx)
    try:
        store = open_store(config.store_url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        return Linker(store, config)
    except ValueError as exc:
        store.close()
        raise click.UsageError(str(exc)) from exc


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _short(text: str | None, n: int = 90) -> str:
    """One line of at most ``n`` characters, escaped for rich markup."""
    text = " ".join((text or "").split())
    return escape(text if len(text) <= n else text[: n - 1] + "…")


def _tag(value: str | None) -> str:
    return escape(f"[{value or '?'}]")


def _chain(names: list[str]) -> str:
    return escape(chain_text(names))


@click.command("link")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def link_cmd(ctx: click.Context, as_json: bool) -> None:
    """Link every stored document not linked yet (duplicates, stories, claims, disputes)."""
    linker = _linker(ctx)
    try:
        n = linker.link_pending()
        stories = linker.stories()
    finally:
        linker.store.close()
    if as_json:
        _echo_json({"linked": n, "stories": len(stories)})
    else:
        click.echo(f"linked {n} document(s); {len(stories)} stor{'y' if len(stories) == 1 else 'ies'}")


@click.command("stories")
@click.option("--limit", type=int, default=None, help="Show at most this many stories.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stories_cmd(ctx: click.Context, limit: int | None, as_json: bool) -> None:
    """Stories: articles about the same events across outlets, languages and days."""
    linker = _linker(ctx)
    try:
        pending = len(linker.pending())
        items = linker.stories(limit=limit)
    finally:
        linker.store.close()
    if as_json:
        _echo_json(items)
        return
    if pending:
        Console(stderr=True).print(f"{pending} stored document(s) not linked yet: run `claimgraph link`")
    if not items:
        click.echo("no story (analyse documents, then `claimgraph link`)")
        return
    for s in items:
        dates = s["first_date"] or "undated" if s["first_date"] == s["last_date"] else \
            f"{s['first_date']}..{s['last_date'][5:]}"
        click.echo(f"{s['id']}  {dates}  {s['documents']} doc(s) [{','.join(s['languages'])}]  "
                   f"{s['claims']} claim(s), {s['disputes']} dispute(s)  {_short(s['title'], 70)}")
        click.echo(f"    outlets: {', '.join(s['outlets'])}")
        if s["entities"]:
            click.echo(f"    entities: {', '.join(s['entities'])}")


@click.command("story")
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def story_cmd(ctx: click.Context, story_id: str, as_json: bool) -> None:
    """One story: timeline, who says what, disputes and the source graph."""
    linker = _linker(ctx)
    try:
        data = linker.story(story_id)
    finally:
        linker.store.close()
    if data is None:
        raise click.ClickException(f"no story {story_id!r}")
    if as_json:
        _echo_json(data)
        return
    out = Console()
    out.print(f"[bold]{data['id']}[/bold]  {data['title']}")
    out.print(f"{data['first_date']} .. {data['last_date']}; {data['documents']} document(s); "
              f"entities: {', '.join(data['entities'])}")
    out.print("\n[bold]Timeline[/bold]")
    for d in data["timeline"]:
        dup = f"  [dim](republishes {d['duplicate_of'][:8]})[/dim]" if d["duplicate_of"] else ""
        out.print(f"  {d['date'][:16]}  {d['doc_id'][:8]}  {_tag(d['language'])} "
                  f"{_short(d['outlet'])}: {_short(d['title'], 70)}{dup}")
    out.print("\n[bold]Who says what[/bold]")
    for c in data["claims"]:
        tree = Tree(f"{_tag(c['polarity'])} {_short(c['speaker'] or '?')}: "
                    f"{_short(c['content'])}")
        for m in c["members"]:
            rel = m["relayed_from"] or {}
            how = ""
            if m["relay_basis"]:
                how = f"  <- {_short(rel.get('outlet') or rel.get('name'))} ({m['relay_basis']})"
            tree.add(f"{m['date'][:10]} {_chain(m['chain'])} {_tag(m['language'])} "
                     f"{m['stance']}{how}")
        out.print(tree)
    _print_disputes(out, data["disputes"])
    out.print("\n[bold]Source graph[/bold]")
    names = {n["id"]: n["name"] for n in data["graph"]["nodes"]}
    for e in data["graph"]["edges"]:
        out.print(f"  {_short(names[e['source']])} --{e['kind']} x{e['count']}--> "
                  f"{_short(names[e['target']])}")


def _print_disputes(out: Console, items: list[dict[str, Any]]) -> None:
    out.print("\n[bold]Disputes[/bold]")
    if not items:
        out.print("  none")
    for d in items:
        c = d["claim"]
        tree = Tree(f"[bold]claim[/bold] {_short(c['speaker'] or '?')}: {_short(c['content'])}  "
                    f"[dim]({_short(', '.join(c['outlets']) or UNKNOWN_OUTLET)}; "
                    f"{', '.join(c['languages']) or 'language unknown'})[/dim]")
        for s in c["statements"]:
            tree.add(f"{s['date'][:10]} {_chain(s['chain'])} {_tag(s['language'])}")
        for a in d["denied_by"]:
            sub = tree.add(f"[bold red]{a['statements'][0]['stance']}[/bold red] "
                           f"{_short(a['speaker'] or '?')}: {_short(a['content'])}  "
                           f"[dim]({a['basis']})[/dim]")
            for s in a["statements"]:
                sub.add(f"{s['date'][:10]} {_chain(s['chain'])} {_tag(s['language'])}")
        out.print(tree)


@click.command("disputes")
@click.option("--story", "story_id", help="Only the disputes of this story.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def disputes_cmd(ctx: click.Context, story_id: str | None, as_json: bool) -> None:
    """Claims and every statement that denies or disputes them, across articles."""
    linker = _linker(ctx)
    try:
        items = linker.disputes(story=story_id)
    finally:
        linker.store.close()
    if as_json:
        _echo_json(items)
        return
    _print_disputes(Console(), items)


@click.command("claims")
@click.option("--speaker", help="Speaker name (or part of it).")
@click.option("--outlet", help="Outlet id or name.")
@click.option("--entity", help="Entity named in the statement (or part of its name).")
@click.option("--stance", type=click.Choice(["assert", "deny", "report", "estimate", "question",
                                             "dispute"]))
@click.option("--story", "story_id", help="Only the claims of this story.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def claims_cmd(ctx: click.Context, speaker: str | None, outlet: str | None, entity: str | None,
               stance: str | None, story_id: str | None, as_json: bool) -> None:
    """Claims across articles: first appearance and relays."""
    linker = _linker(ctx)
    try:
        items = linker.claims(speaker=speaker, outlet=outlet, entity=entity, stance=stance,
                              story=story_id)
    finally:
        linker.store.close()
    if as_json:
        _echo_json(items)
        return
    if not items:
        click.echo("no claim matches")
    out = Console()
    for c in items:
        tree = Tree(f"[bold]{c['id']}[/bold] {_tag(c['polarity'])} "
                    f"{_short(c['speaker'] or '?')}: {_short(c['content'])}")
        for m in c["members"]:
            rel = m["relayed_from"] or {}
            how = f"  <- {_short(rel.get('outlet') or rel.get('name'))} ({m['relay_basis']})" \
                if m["relay_basis"] else "  (first)" if m["first"] else ""
            tree.add(f"{m['date'][:10]} {_short(m['outlet'])} {_tag(m['language'])}: "
                     f"{_short(m['content'], 70)}{how}")
        out.print(tree)


commands = [link_cmd, stories_cmd, story_cmd, disputes_cmd, claims_cmd]
