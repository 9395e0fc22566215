"""A readable terminal report of one document: facts, noise, who says what, events."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimgraph.chain_text import ARROW
from claimgraph.model import Document, Rejected

STANCE_STYLE = {"assert": "green", "deny": "bold red", "dispute": "red", "report": "cyan",
                "estimate": "yellow", "question": "magenta"}


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(doc: Document) -> Group:
    """Rich renderables for ``doc``."""
    parts: list = []
    head = Table.grid(padding=(0, 2))
    head.add_row("id", doc.id)
    head.add_row("title", doc.title or "—")
    if doc.url:
        head.add_row("url", doc.url)
    if doc.outlet:
        o = doc.outlet
        label = ", ".join(x for x in (o.edition, o.country, o.typology_label) if x)
        head.add_row("outlet", f"{o.name} ({label})" if label else o.name)
        if o.dataset:
            head.add_row("", f"[dim]labels from {o.dataset}; identified by {o.evidence}[/dim]")
    head.add_row("language", doc.language or "—")
    if doc.published:
        p = doc.published
        ev = f' from "{p.evidence.text}"' if p.evidence else ""
        note = f"; {p.note}" if p.note else ""
        head.add_row("published", f"{p.date} [dim]({p.source}{ev}{note})[/dim]")
    parts.append(Panel(head, title="document", title_align="left"))

    if doc.removed:
        t = Table(title="not article body", title_justify="left", show_lines=False)
        for col in ("line", "reason", "text"):
            t.add_column(col)
        for r in doc.removed:
            t.add_row(str(r.line), r.reason + (f" ({r.detail})" if r.detail else ""),
                      _short(r.text, 70) or "(blank)")
        parts.append(t)
    if doc.captions:
        parts.append(Text("captions: " + " | ".join(_short(c.text, 80) for c in doc.captions),
                          style="dim"))
    if doc.entities:
        t = Table(title="entities", title_justify="left")
        for col in ("id", "name", "type", "role", "country/sector", "mentions"):
            t.add_column(col)
        for e in doc.entities:
            t.add_row(e.id, e.name, e.label, _short(e.role or "", 40),
                      "/".join(x for x in (e.country, e.sector) if x), str(len(e.mentions)))
        parts.append(t)
    if doc.attributions:
        parts.append(Text("who says what", style="italic"))
        names = {a.id: a.speaker_name or (a.speaker.text if a.speaker else "?")
                 for a in doc.attributions}
        for a in doc.attributions:
            line = Text(f"{a.id:>4} ", style="bold")
            line.append(names[a.id], style="bold")
            if a.role:
                line.append(f" ({_short(a.role, 50)})", style="dim")
            line.append("  ")
            line.append(a.stance + (" (negated cue)" if a.negated else ""),
                        style=STANCE_STYLE.get(a.stance, ""))
            if a.cue_class in ("report", "dispute"):
                line.append(f" ({a.cue_class})", style=STANCE_STYLE.get(a.stance, ""))
            line.append(f" · {'outlet’s own framing' if a.kind == 'narration' else a.kind}")
            if a.cue:
                line.append(f" · “{a.cue.text}”")
            if a.via:
                line.append("  via " + ARROW.join(v.name + ("*" if v.carried else "")
                                                  for v in a.via), style="cyan")
            if a.target:
                line.append(f"  ⟂ {a.target} ({names.get(a.target, '?')})", style="red")
            line.append("\n      " + _short(a.content.text, 160), style="")
            parts.append(line)
        parts.append(Text("  * carried from an earlier statement of the same speaker; "
                          "⟂ the statement it denies or disputes", style="dim"))
    if doc.events:
        parts.append(Text("events: who did what to whom, and who says so", style="italic"))
        names = {a.id: a.speaker_name or (a.speaker.text if a.speaker else a.id)
                 for a in doc.attributions}
        outlet = doc.outlet.name if doc.outlet else "the outlet"

        def who(a) -> str:  # type: ignore[no-untyped-def]
            if a is None:
                return "—"
            code = "/".join(x for x in (a.country, a.sector) if x)
            return (a.name or (a.span.text if a.span else "?")) + (f" [{code}]" if code else "")

        def said(ids: list[str]) -> str:
            return ", ".join(outlet if i == "outlet" else f"{names.get(i, i)} ({i})" for i in ids)

        for ev in doc.events:
            line = Text(f"{ev.id:>4} ", style="bold")
            line.append(who(ev.actor), style="bold")
            line.append(f"  {ev.type}" + (f" ({ev.mode})" if ev.mode else ""), style="magenta")
            line.append(f"  → {who(ev.recipient)}")
            if ev.location:
                line.append(f"  in {who(ev.location)}")
            line.append(f"  {ev.date or 'undated'}", style="dim")
            line.append(f"\n      {ev.status.replace('_', ' ')}", style=STANCE_STYLE.get(
                "deny" if ev.status in ("denied", "disputed") else "assert", ""))
            if ev.asserted_by:
                line.append(f"; said by {said(ev.asserted_by)}")
            if ev.denied_by:
                line.append(f"; denied by {said(ev.denied_by)}", style="red")
            line.append(f"\n      “{_short(ev.sentence.text, 150)}”", style="dim")
            parts.append(line)
    parts.append(Panel(doc.text, title="article text", title_align="left"))
    return Group(*parts)


def print_document(doc: Document, console: Console | None = None) -> None:
    (console or Console()).print(render(doc))


def print_rejected(rejected: list[Rejected], console: Console) -> None:
    if not rejected:
        return
    t = Table(title=f"{len(rejected)} rejected input(s)", title_justify="left")
    for col in ("input", "reason", "detail"):
        t.add_column(col)
    for r in rejected:
        src = r.origin.url or r.origin.path or r.origin.kind
        if r.origin.record:
            src += f" [{r.origin.record}]"
        t.add_row(src, r.reason, r.detail)
    console.print(t)
