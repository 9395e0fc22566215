"""Charts drawn on the server as inline SVG (no script, no external asset, CSP-safe).

- ``timeline``: a story's statements by date, one lane per outlet, assert above deny;
- ``source_graph``: speakers -> intermediaries -> outlets, from the statements' chains;
- ``volume``: statements per day or month, stacked by stance.

Every mark carries its data (``data-*`` attributes) so the browser tests can read it; the
colours come from style.css classes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

LANES = ("assert", "deny")  # what the timeline separates; estimate/question go with assert


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _attrs(**kv: Any) -> str:
    return " ".join(f'{k.replace("_", "-")}="{escape(str(v))}"' for k, v in kv.items() if v is not None)


def _svg(width: int, height: int, body: list[str], cls: str, label: str) -> Markup:
    return Markup(f'<svg class="chart {cls}" viewBox="0 0 {width} {height}" width="100%" '
                  f'role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
                  + "".join(body) + "</svg>")


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# ------------------------------------------------------------------ timeline


def timeline(statements: Sequence[Any], width: int = 900) -> Markup:
    """Statements (objects or dicts with outlet, date, stance, speaker, doc_id) by date, one
    lane per outlet with an assert row above a deny row."""
    items = [(_get(s, "outlet") or "unknown outlet", _day(_get(s, "date")), s) for s in statements]
    items = [(o, d, s) for o, d, s in items if d is not None]
    if not items:
        return Markup('<p class="muted chart-empty">No dated statement to draw.</p>')
    outlets = sorted({o for o, _, _ in items}, key=lambda o: min(d for oo, d, _ in items if oo == o))
    first, last = min(d for _, d, _ in items), max(d for _, d, _ in items)
    span = max((last - first).days, 1)
    left, right, row, top = 170, 70, 18, 24
    lane = 2 * row + 8
    height = top + lane * len(outlets) + 24
    plot = width - left - right

    def x(d: date) -> float:
        return left + plot * ((d - first).days / span if span else 0.5)

    body = []
    for i, outlet in enumerate(outlets):
        y0 = top + i * lane
        body.append(f'<text class="ch-label" x="{left - 8}" y="{y0 + row + 4}" text-anchor="end">'
                    f'{escape(_short(outlet))}</text>')
        for j, stance in enumerate(LANES):
            y = y0 + j * row + row / 2 + 2
            body.append(f'<line class="ch-lane ch-{stance}-lane" x1="{left}" x2="{width - right}" '
                        f'y1="{y}" y2="{y}"/>')
    stacked: Counter[tuple[str, date, str]] = Counter()
    for outlet, d, s in items:
        stance = _get(s, "stance") or "assert"
        lane_of = "deny" if stance in ("deny", "dispute") else "assert"
        i = outlets.index(outlet)
        k = stacked[(outlet, d, lane_of)]
        stacked[(outlet, d, lane_of)] += 1
        cx = min(x(d) + k * 7, width - 6)
        cy = top + i * lane + LANES.index(lane_of) * row + row / 2 + 2
        title = f"{d.isoformat()} · {outlet} · {_get(s, 'speaker') or 'unnamed source'} ({stance})"
        body.append(f'<circle class="ch-mark ch-{escape(stance)}" cx="{cx:.1f}" cy="{cy:.1f}" r="5" '
                    + _attrs(data_outlet=outlet, data_date=d.isoformat(), data_stance=stance,
                             data_lane=lane_of, data_doc=_get(s, "doc_id"))
                    + f"><title>{escape(title)}</title></circle>")
    ticks = _ticks(first, last)
    for i, d in enumerate(ticks):
        anchor = "start" if i == 0 and len(ticks) > 1 else "end" if i == len(ticks) - 1 and i else "middle"
        body.append(f'<text class="ch-tick" x="{x(d):.1f}" y="{height - 6}" text-anchor="{anchor}">'
                    f"{d.isoformat()}</text>")
    body.append(f'<text class="ch-legend" x="{left}" y="14">● assert (upper row) · ● deny (lower row)'
                "</text>")
    return _svg(width, height, body, "timeline-chart", "Timeline: statements by outlet and date")


def _ticks(first: date, last: date, n: int = 5) -> list[date]:
    days = (last - first).days
    if days <= 0:
        return [first]
    step = max(days // (n - 1), 1)
    out = [first + timedelta(days=i) for i in range(0, days + 1, step)]
    if out[-1] != last and (last - out[-1]).days > step // 2:
        out.append(last)
    return out


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


# ------------------------------------------------------------------ source graph


def graph_of(chains: Iterable[list[str]]) -> dict[str, Any]:
    """Nodes (name, layer 0 speaker / 1 intermediary / 2 outlet) and counted edges from
    chains written speaker first, publisher last."""
    layer: dict[str, int] = {}
    edges: Counter[tuple[str, str]] = Counter()
    for chain in chains:
        names = [n for i, n in enumerate(chain) if n and (i == 0 or n != chain[i - 1])]
        if len(names) < 2:
            continue
        for i, name in enumerate(names):
            role = 0 if i == 0 else 2 if i == len(names) - 1 else 1
            layer[name] = max(layer.get(name, role), role)
        for a, b in pairwise(names):
            edges[(a, b)] += 1
    nodes = [{"name": n, "layer": layer[n]} for n in sorted(layer, key=lambda n: (layer[n], n))]
    return {"nodes": nodes, "edges": [{"source": a, "target": b, "count": c}
                                      for (a, b), c in sorted(edges.items())]}


def source_graph(chains: Iterable[list[str]], width: int = 900) -> Markup:
    """The drawn source graph: who spoke (left), who carried it (middle), who published (right)."""
    g = graph_of(chains)
    if not g["edges"]:
        return Markup('<p class="muted chart-empty">No chain to draw.</p>')
    cols: dict[int, list[str]] = defaultdict(list)
    for n in g["nodes"]:
        cols[n["layer"]].append(n["name"])
    row, top, box_w, box_h = 30, 28, 200, 22
    height = top + row * max(len(v) for v in cols.values()) + 10
    xs = {0: 10, 1: (width - box_w) // 2, 2: width - box_w - 10}
    pos = {name: (xs[layer], top + i * row) for layer, names in cols.items() for i, name in enumerate(names)}
    kinds = {0: "speaker", 1: "intermediary", 2: "outlet"}
    body = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="ch-arrow"/>'
            "</marker></defs>"]
    for layer, title in ((0, "Speakers"), (1, "Intermediaries"), (2, "Outlets")):
        body.append(f'<text class="ch-head" x="{xs[layer]}" y="14">{title}</text>')
    for e in g["edges"]:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        if x1 == x2:  # same column (an outlet relaying an outlet): bend the line outwards
            path = f"M{x1 + box_w} {y1 + box_h / 2} C{x1 + box_w + 40} {y1} {x2 + box_w + 40} {y2} " \
                   f"{x2 + box_w} {y2 + box_h / 2}"
        else:
            path = f"M{x1 + box_w} {y1 + box_h / 2} L{x2} {y2 + box_h / 2}"
        body.append(f'<path class="ch-edge" d="{path}" marker-end="url(#arrow)" '
                    f'stroke-width="{min(1 + e["count"] * 0.5, 5):.1f}" '
                    + _attrs(data_source=e["source"], data_target=e["target"], data_count=e["count"])
                    + f'><title>{escape(e["source"])} → {escape(e["target"])} ×{e["count"]}</title></path>')
    for n in g["nodes"]:
        x, y = pos[n["name"]]
        kind = kinds[n["layer"]]
        body.append(f'<g class="ch-node ch-{kind}" ' + _attrs(data_name=n["name"], data_kind=kind) + ">"
                    f'<rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="4"/>'
                    f'<text x="{x + 6}" y="{y + 15}">{escape(_short(n["name"], 30))}</text>'
                    f"<title>{escape(n['name'])}</title></g>")
    return _svg(width, height, body, "graph-chart", "Source graph: speakers, intermediaries, outlets")


# ------------------------------------------------------------------ volume


def volume(statements: Sequence[Any], width: int = 900, height: int = 160) -> Markup:
    """Statements per day (short spans) or month, stacked assert / deny / other."""
    days = [(d, _get(s, "stance") or "assert") for s in statements if (d := _day(_get(s, "date")))]
    if not days:
        return Markup('<p class="muted chart-empty">No dated statement to draw.</p>')
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    monthly = (last - first).days > 62
    key = (lambda d: d.isoformat()[:7]) if monthly else (lambda d: d.isoformat())
    buckets: dict[str, Counter[str]] = defaultdict(Counter)
    for d, stance in days:
        buckets[key(d)][stance if stance in ("assert", "deny") else "other"] += 1
    labels = _range(first, last, monthly)
    peak = max(sum(c.values()) for c in buckets.values())
    left, bottom, top = 30, 22, 10
    plot_h = height - bottom - top
    bar = (width - left - 10) / len(labels)
    body = [f'<text class="ch-tick" x="{left - 4}" y="{top + 8}" text-anchor="end">{peak}</text>']
    for i, label in enumerate(labels):
        y = top + plot_h
        for stance in ("assert", "deny", "other"):
            n = buckets.get(label, Counter())[stance]
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            body.append(f'<rect class="ch-bar ch-{stance}" x="{left + i * bar + 1:.1f}" y="{y:.1f}" '
                        f'width="{max(bar - 2, 1):.1f}" height="{h:.1f}" '
                        + _attrs(data_period=label, data_stance=stance, data_count=n)
                        + f"><title>{label}: {n} {stance}</title></rect>")
        if i == 0 or i == len(labels) - 1 or len(labels) <= 8:
            body.append(f'<text class="ch-tick" x="{left + i * bar + bar / 2:.1f}" y="{height - 6}" '
                        f'text-anchor="middle">{label}</text>')
    return _svg(width, height, body, "volume-chart", "Statements over time by stance")


def _range(first: date, last: date, monthly: bool) -> list[str]:
    if not monthly:
        return [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
