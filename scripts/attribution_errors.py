"""Error samples of the attribution stage on a whole development set.

    python3 scripts/attribution_errors.py SET WHAT [N]

SET: a development set name (fr-dev, en-stance-dev, polnear-dev, polnear-train) or a JSONL
file; WHAT: via | deny | speaker | miss | extra | hits (predicted denials and their evidence,
for sets without stance gold such as polnear-train). Prints N shuffled samples (seed 0), the
cue or content in [[...]] with its context. Reads ../shared/datasets or $CLAIMGRAPH_DATASETS.
"""

from __future__ import annotations

import random
import sys

from claimgraph.config import Config
from claimgraph.eval.attribution import predict
from claimgraph.eval.devsets import datasets_dir, language_of, read_records, resolve
from claimgraph.eval.scoring import DENY, pairs_for, same_name, speaker_ok


def _ctx(text: str, s: int, e: int, w: int = 90) -> str:
    return (text[max(0, s - w):s] + "[[" + text[s:e] + "]]" + text[e:e + w]).replace("\n", " ")


def samples(name: str, what: str) -> list[str]:
    recs = read_records(resolve(name, datasets_dir(None))[1], None)
    preds = predict([r["text"] for r in recs], language_of(recs), Config.load())
    out: list[str] = []
    for r, (_, atts) in zip(recs, preds, strict=True):
        t, gold = r["text"], r["attributions"]
        pairs = dict(pairs_for(gold, atts, 0.3))
        if what == "hits":
            out += [f"[{a.stance_evidence}] {_ctx(t, a.content.start, a.content.end)}"
                    for a in atts if a.stance in DENY]
            continue
        if what == "extra":
            used = set(pairs.values())
            out += [f"EXTRA {a.kind} {a.stance} speaker={a.speaker_name!r}\n   "
                    f"{_ctx(t, a.content.start, a.content.end)}"
                    for j, a in enumerate(atts) if j not in used]
            continue
        for gi, g in enumerate(gold):
            a = atts[pairs[gi]] if gi in pairs else None
            span = g.get("cue_span") or g.get("content_span")
            if what == "via" and g.get("via"):
                hops = [h.name for h in a.via if h.kind != "publisher"] if a else None
                if a is None or not all(any(same_name(h, v) for h in hops or []) for v in g["via"]):
                    out.append(f"GOLD via={g['via']} PRED={hops}\n   {_ctx(t, *span)}")
            elif what == "deny" and g.get("stance") == "deny" and (a is None or a.stance not in DENY):
                out.append(f"GOLD deny PRED={a.stance if a else 'UNMATCHED'}\n   {_ctx(t, *span)}")
            elif what == "speaker" and a is not None and g.get("source_span") and not speaker_ok(
                    a, g.get("source", g.get("speaker")), g["source_span"]):
                out.append(f"GOLD {g.get('speaker', g.get('source'))!r} PRED {a.speaker_name!r}\n   "
                           f"{_ctx(t, *span)}")
            elif what == "miss" and a is None:
                out.append(f"MISS kind={g.get('kind')} stance={g.get('stance')}\n   "
                           f"{_ctx(t, *(g.get('content_span') or span))}")
    return out


def main() -> None:
    name, what = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    found = samples(name, what)
    random.Random(0).shuffle(found)
    print(len(found), "cases")
    for line in found[:n]:
        print(line)


if __name__ == "__main__":
    main()
