"""Attribution scores over annotated records: content overlap, speaker, cue, stance, chain, kind.

One scorer for every attribution set (PolNeAR, fr-dev, en-stance-dev): a record holds
``text`` and gold ``attributions`` with ``content_span``, ``cue_span``, ``source_span`` and a
speaker name (``source`` in PolNeAR, ``speaker`` in our sets); ``stance``, ``via`` and
``kind`` are scored when the set annotates them.

Matching (as the Gender Gap Tracker's evaluation): gold contents in order each take the
remaining prediction with the highest overlap above the threshold. A gold record without
content (a cue with nothing said, "n'a pas souhaité commenter") then takes a remaining
prediction whose cue overlaps its cue. Speaker, cue, stance, chain and kind are judged on
the pairs matched at the lowest threshold.

- deny: precision and recall of the denial stance (a prediction denies when its stance is
  ``deny`` or ``dispute``); a true positive is a matched pair where both deny.
- via: each gold intermediary name is found when a hop of the matched prediction (not the
  publisher) has the same name (case, spacing and containment as for speakers); precision is
  over the hops of matched predictions (spurious statements are already counted by F1).
- kinds: per gold kind, recall of the content match and accuracy of the predicted kind
  (``according_to`` reads as indirect, as the sets annotate "selon X" by its quotation).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimgraph.eval.metrics import match, prf, shared
from claimgraph.model import Attribution

THRESHOLDS = (0.3, 0.8)
DENY = ("deny", "dispute")
KIND_AS = {"according_to": "indirect", "narration": "indirect"}


def norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("’", "'").split())


def same_name(a: str | None, b: str | None) -> bool:
    """Names agree: equal after normalising, or one (over 3 characters) inside the other."""
    x, y = norm(a), norm(b)
    return bool(x and y) and (x == y or (len(x) > 3 and x in y) or (len(y) > 3 and y in x))


def speaker_ok(att: Attribution, source: str | None, source_span: Sequence[int] | None) -> bool:
    if (
        att.speaker is not None
        and source_span is not None
        and shared((att.speaker.start, att.speaker.end), (source_span[0], source_span[1])) > 0
    ):
        return True
    if not source:
        return False
    return any(same_name(name, source)
               for name in (att.speaker_name, att.speaker.text if att.speaker else None))


def strip_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and (text[s].isspace() or text[s] in ",.;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",.;:"):
        e -= 1
    return s, e


def pairs_for(gold: list[dict[str, Any]], atts: list[Attribution], threshold: float) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs: contents first, then content-less gold by cue."""
    with_content = [i for i, g in enumerate(gold) if g.get("content_span") is not None]
    pspans = [(a.content.start, a.content.end) for a in atts]
    gspans = [tuple(gold[i]["content_span"]) for i in with_content]
    out = [(with_content[gi], pj) for gi, pj in match(gspans, pspans, threshold)]  # type: ignore[arg-type]
    used = {pj for _, pj in out}
    for i, g in enumerate(gold):
        if g.get("content_span") is not None or g.get("cue_span") is None:
            continue
        cue = tuple(g["cue_span"])
        for j, a in enumerate(atts):
            if j not in used and a.cue is not None and shared((a.cue.start, a.cue.end), cue) > 0:  # type: ignore[arg-type]
                out.append((i, j))
                used.add(j)
                break
    return sorted(out)


class Scorer:
    """Accumulates the scores of one dataset, record by record."""

    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.exact = 0
        self.tps = dict.fromkeys(THRESHOLDS, 0)
        self.speaker = [0, 0]  # right, judged
        self.cue = [0, 0]
        self.has_stance = self.has_via = self.has_kind = False
        self.deny_tp = self.deny_pred = self.deny_gold = 0
        self.via_found = self.via_gold = self.via_right = self.via_pred = 0
        self.kinds: dict[str, list[int]] = {}  # gold kind -> [gold, matched, kind right]

    def add(self, text: str, gold: list[dict[str, Any]], atts: list[Attribution]) -> None:
        self.n_gold += len(gold)
        self.n_pred += len(atts)
        gstrip = {strip_span(text, tuple(g["content_span"])) for g in gold if g.get("content_span")}
        self.exact += sum(1 for a in atts if strip_span(text, (a.content.start, a.content.end)) in gstrip)
        low = None
        for th in THRESHOLDS:
            pairs = pairs_for(gold, atts, th)
            self.tps[th] += len(pairs)
            if low is None:
                low = pairs
        assert low is not None
        self._judge(gold, atts, low)

    def _judge(self, gold: list[dict[str, Any]], atts: list[Attribution],
               pairs: list[tuple[int, int]]) -> None:
        matched = dict(pairs)
        if any("stance" in g for g in gold):
            self.has_stance = True
        if any("via" in g for g in gold):
            self.has_via = True
        if any("kind" in g for g in gold):
            self.has_kind = True
        self.deny_pred += sum(1 for a in atts if a.stance in DENY)
        for gi, g in enumerate(gold):
            a = atts[matched[gi]] if gi in matched else None
            if g.get("stance") == "deny":
                self.deny_gold += 1
                self.deny_tp += a is not None and a.stance in DENY
            vias = g.get("via") or []
            self.via_gold += len(vias)
            if "kind" in g:
                row = self.kinds.setdefault(g["kind"], [0, 0, 0])
                row[0] += 1
                if a is not None:
                    row[1] += 1
                    row[2] += KIND_AS.get(a.kind, a.kind) == g["kind"]
            if a is None:
                continue
            if g.get("source_span") is not None:
                self.speaker[1] += 1
                self.speaker[0] += speaker_ok(a, g.get("source", g.get("speaker")), g["source_span"])
            if g.get("cue_span") is not None:
                self.cue[1] += 1
                cue = (g["cue_span"][0], g["cue_span"][1])
                self.cue[0] += a.cue is not None and shared((a.cue.start, a.cue.end), cue) > 0
            hops = [h.name for h in a.via if h.kind != "publisher"]
            if "via" in g:
                self.via_pred += len(hops)
                self.via_right += sum(1 for h in hops if any(same_name(h, v) for v in vias))
            self.via_found += sum(1 for v in vias if any(same_name(h, v) for h in hops))

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for th in THRESHOLDS:
            out[f"overlap_{th}"] = prf(self.tps[th], self.n_pred, self.n_gold)
        out["exact"] = prf(self.exact, self.n_pred, self.n_gold)
        out["speaker_accuracy"] = round(self.speaker[0] / self.speaker[1], 4) if self.speaker[1] else 0.0
        out["speaker_pairs"] = self.speaker[1]
        out["cue_accuracy"] = round(self.cue[0] / self.cue[1], 4) if self.cue[1] else 0.0
        if self.has_stance:
            out["deny"] = prf(self.deny_tp, self.deny_pred, self.deny_gold)
        if self.has_via:
            p = self.via_right / self.via_pred if self.via_pred else 0.0
            r = self.via_found / self.via_gold if self.via_gold else 0.0
            out["via"] = {"precision": round(p, 4), "recall": round(r, 4), "right": self.via_right,
                          "pred": self.via_pred, "found": self.via_found, "gold": self.via_gold}
        if self.has_kind:
            out["kinds"] = {k: {"gold": g, "recall": round(m / g, 4) if g else 0.0,
                                "kind_accuracy": round(r / m, 4) if m else 0.0}
                            for k, (g, m, r) in sorted(self.kinds.items())}
        return out

