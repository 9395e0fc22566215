"""The article text cut into segments carrying the marks that cover them.

Speakers, cues and quoted or reported content (by stance) are marked from the character
offsets of the attributions. Overlapping marks are fine: each segment gets every mark
that covers it, and the innermost content decides its stance. Templates escape the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from claimgraph.model import Document
from claimgraph.serve.views import shown_stance


@dataclass
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    attr: str | None = None  # innermost attribution whose content covers the segment
    starts: list[str] = field(default_factory=list)  # attributions whose content starts here
    title: str | None = None


@dataclass
class _Mark:
    start: int
    end: int
    cls: str
    attr: str
    label: str


def marks_of(doc: Document) -> list[_Mark]:
    n = len(doc.text)
    out: list[_Mark] = []
    for a in doc.attributions:
        who = a.speaker_name or (a.speaker.text if a.speaker else "unnamed source")
        stance = shown_stance(a.stance)
        label = f"{a.id} · {who} · {stance}" + (" (negated)" if a.negated else "")
        spans = [(a.content.start, a.content.end, f"q q-{stance}")]
        if a.speaker is not None:
            spans.append((a.speaker.start, a.speaker.end, "sp"))
        if a.cue is not None:
            spans.append((a.cue.start, a.cue.end, "cue"))
        for start, end, cls in spans:
            start, end = max(0, start), min(n, end)
            if start < end:
                out.append(_Mark(start, end, cls, a.id, label))
    return out


def segments(doc: Document) -> list[Segment]:
    """``doc.text`` as consecutive segments; concatenated they give the text back."""
    marks = marks_of(doc)
    cuts = sorted({0, len(doc.text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = [m for m in marks if m.start <= a and b <= m.end]
        seg = Segment(doc.text[a:b])
        if covering:
            classes: list[str] = []
            quotes = [m for m in covering if m.cls.startswith("q ")]
            if quotes:
                inner = min(quotes, key=lambda m: m.end - m.start)
                classes += inner.cls.split()
                seg.attr, seg.title = inner.attr, inner.label
            for m in covering:
                if not m.cls.startswith("q ") and m.cls not in classes:
                    classes.append(m.cls)
                    seg.attr = seg.attr or m.attr
                    seg.title = seg.title or m.label
            seg.classes = classes
            seg.starts = [m.attr for m in quotes if m.start == a]
        out.append(seg)
    return out
