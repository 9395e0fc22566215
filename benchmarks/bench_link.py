"""Time to link one new document with 1k, 10k and 100k documents already linked.

    python benchmarks/bench_link.py                 # 1k, 10k, 100k; SQLite in a temp dir
    python benchmarks/bench_link.py --sizes 1000 --adds 20 --db postgresql://...

The corpus already in the store is synthetic and written with a bulk path (documents,
LSH buckets, stories with their day and entity indexes, claims): story vectors are noisy
copies of random topic vectors, 5 documents per story over 1-3 days, ``--per-day``
documents a day (a corpus grows with time, so the size sets the time span). The timed
documents are real Documents (text, entities, attributions) added with Linker.add,
embedding included; their date is the corpus's last day, where the indexes are densest.
Prints the median milliseconds per added document: the store work (``Linker.add`` of a
prepared document: LSH lookup, story search and update, claims, disputes) and, apart,
the model work (``Linker.prepare``: embeddings and MinHash), which does not depend on
the store.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime

import numpy as np
from sqlalchemy import insert

from claimgraph.link import Linker, dedup, embed
from claimgraph.model import (
    Attribution,
    ChainLink,
    Document,
    Entity,
    Mention,
    Origin,
    Outlet,
    Published,
    Span,
)
from claimgraph.store import open_store
from claimgraph.store import schema as store_schema
from claimgraph.store.schema import (
    link_claim_members,
    link_claims,
    link_docs,
    link_lsh,
    link_shingles,
    link_stories,
    link_story_days,
    link_story_entities,
)

DIM = embed.DIM
START = date(2020, 1, 1).toordinal()
WORDS = [
    "minister",
    "port",
    "strike",
    "talks",
    "rain",
    "flood",
    "river",
    "army",
    "advisers",
    "embassy",
    "report",
    "budget",
    "vote",
    "court",
    "ruling",
    "union",
    "wage",
    "border",
    "trade",
    "deal",
    "fuel",
    "price",
    "grid",
    "school",
    "hospital",
    "bridge",
]
NAMES = [f"Entity{i}" for i in range(5000)]


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def bulk_corpus(store, n: int, per_day: int, rng: np.random.Generator) -> int:  # type: ignore[no-untyped-def]
    """Write ``n`` linked synthetic documents; returns the last day used."""
    bands, rows = dedup.lsh_params(0.5, 128)
    now = datetime.now(UTC)
    zipf = np.minimum(rng.zipf(1.3, size=n * 3), len(NAMES)) - 1
    last_day = START + n // per_day
    batch = 5000
    with store.engine.begin() as conn:
        for lo in range(0, n, batch):
            ids = range(lo, min(n, lo + batch))
            n_s = (len(ids) + 4) // 5
            topics = _unit(rng.standard_normal((n_s, DIM)))
            docs, links, lsh, members, shingles = [], [], [], [], []
            stories: dict[str, dict] = {}
            for i in ids:
                doc_id = f"{i:016x}"
                sid = f"S{(i // 5):012x}"
                day = START + (i // per_day) + (i % 5) // 2
                vec = _unit(topics[(i - lo) // 5] + 0.6 * rng.standard_normal(DIM) / np.sqrt(DIM) * 8)
                sig = rng.integers(0, 2**32 - 1, size=128, dtype=np.uint32).astype("<u4")
                ents = [(f"k{z}", NAMES[z]) for z in zipf[i * 3 : i * 3 + 3]]
                # name keys (capitalised words, numbers) and sampled shingle hashes, as
                # the linker indexes them (link_story_entities, link_shingles)
                ents += [(f"n:{NAMES[z].lower()}", NAMES[z]) for z in zipf[i * 3 : i * 3 + 3]]
                shingles.extend({"key": int(h), "doc_id": doc_id} for h in set(
                    rng.integers(-(2**62), 2**62, size=60).tolist()))
                docs.append(
                    {
                        "id": doc_id,
                        "origin": {"kind": "text"},
                        "text": "synthetic",
                        "data": {},
                        "created_at": now,
                        "updated_at": now,
                    }
                )
                links.append(
                    {
                        "doc_id": doc_id,
                        "seq": i + 1,
                        "day": day,
                        "date": date.fromordinal(day).isoformat(),
                        "dated": 1,
                        "language": "en",
                        "outlet_id": f"o{i % 40}",
                        "outlet_name": f"Outlet {i % 40}",
                        "title": f"doc {i}",
                        "text_hash": "x",
                        "dup_group": None,
                        "story_id": sid,
                        "minhash": sig.tobytes(),
                        "embedding": vec.astype("<f2").tobytes(),
                        "entities": [list(e) for e in ents],
                        "linked_at": now,
                    }
                )
                lsh.extend(
                    {"band": b, "key": k, "doc_id": doc_id} for b, k in dedup.band_keys(sig, bands, rows)
                )
                st = stories.setdefault(
                    sid, {"sum": np.zeros(DIM, np.float32), "days": {}, "ents": {}, "n": 0}
                )
                st["sum"] += vec
                st["n"] += 1
                st["days"][day] = st["days"].get(day, 0) + 1
                for k, name in ents:
                    st["ents"].setdefault(k, [name, 0])[1] += 1
                for j in range(2):
                    cid = f"C{sid[1:]}-{(i + j) % 3}"
                    members.append(
                        {
                            "doc_id": doc_id,
                            "attr_id": f"A{j + 1}",
                            "claim_id": cid,
                            "seq": i + 1,
                            "day": day,
                            "date": date.fromordinal(day).isoformat(),
                            "outlet_id": None,
                            "outlet_name": f"Outlet {i % 40}",
                            "language": "en",
                            "speaker_name": f"Speaker {i % 300}",
                            "speaker_key": f"speaker {i % 300}",
                            "stance": "assert",
                            "kind": "indirect",
                            "cue": "said",
                            "content": "x",
                            "content_start": 0,
                            "content_end": 1,
                            "via": [],
                            "target": None,
                            "entities": [],
                            "score": 1.0,
                            "embedding": vec.astype("<f2").tobytes(),
                        }
                    )
            conn.execute(insert(store_schema.documents), docs)
            conn.execute(insert(link_docs), links)
            conn.execute(insert(link_lsh), lsh)
            conn.execute(insert(link_shingles), shingles)
            conn.execute(insert(link_claim_members), members)
            claims: dict[str, dict] = {}
            for m in members:
                c = claims.setdefault(
                    m["claim_id"],
                    {
                        "n": 0,
                        "lo": m["day"],
                        "hi": m["day"],
                        "sk": m["speaker_key"],
                        "sid": "S" + m["claim_id"][1:13],
                    },
                )
                c["n"] += 1
                c["lo"], c["hi"] = min(c["lo"], m["day"]), max(c["hi"], m["day"])
            conn.execute(
                insert(link_claims),
                [
                    {
                        "id": cid,
                        "story_id": c["sid"],
                        "polarity": "assert",
                        "speaker_key": c["sk"],
                        "size": c["n"],
                        "first_day": c["lo"],
                        "last_day": c["hi"],
                        "centroid": stories[c["sid"]]["sum"].tobytes(),
                    }
                    for cid, c in claims.items()
                ],
            )
            conn.execute(
                insert(link_stories),
                [
                    {
                        "id": sid,
                        "title": sid,
                        "first_day": min(s["days"]),
                        "last_day": max(s["days"]),
                        "size": s["n"],
                        "centroid": s["sum"].astype("<f4").tobytes(),
                        "updated_at": now,
                    }
                    for sid, s in stories.items()
                ],
            )
            conn.execute(
                insert(link_story_days),
                [
                    {"story_id": sid, "day": d, "n": k}
                    for sid, s in stories.items()
                    for d, k in s["days"].items()
                ],
            )
            conn.execute(
                insert(link_story_entities),
                [
                    {"story_id": sid, "key": k, "name": v[0], "n": v[1]}
                    for sid, s in stories.items()
                    for k, v in s["ents"].items()
                ],
            )
    return last_day


def new_doc(i: int, day: int, rng: random.Random) -> Document:
    """A real document: a few sentences, two named entities, two attributions."""
    a, b = rng.sample(NAMES[:200], 2)
    s1 = f"{a} said the {' '.join(rng.choices(WORDS, k=8))} would continue."
    s2 = f"{b} denied that the {' '.join(rng.choices(WORDS, k=8))} had been cut."
    text = f"{s1}\n\n{s2}\n\n{' '.join(rng.choices(WORDS, k=40)).capitalize()}."
    ents = [
        Entity(id="E1", name=a, label="PER", mentions=[Mention(start=0, end=len(a), text=a)]),
        Entity(
            id="E2",
            name=b,
            label="PER",
            mentions=[Mention(start=len(s1) + 2, end=len(s1) + 2 + len(b), text=b)],
        ),
    ]

    def att(n: int, who: Entity, sent_start: int, sent: str, stance: str) -> Attribution:
        start = sent_start + sent.index(" the ") + 1
        end = sent_start + len(sent) - 1
        return Attribution(
            id=f"A{n}",
            speaker=who.mentions[0],
            speaker_entity=who.id,
            speaker_name=who.name,
            content=Span(start=start, end=end, text=text[start:end]),
            kind="indirect",
            stance=stance,
            via=[ChainLink(name="Bench Outlet", kind="publisher")],
        )

    return Document(
        id=f"b{i:015x}",
        origin=Origin(kind="text"),
        text=text,
        language="en",
        title=s1[:60],
        outlet=Outlet(id="bench", name="Bench Outlet"),
        published=Published(date=date.fromordinal(day).isoformat(), source="input"),
        entities=ents,
        attributions=[att(1, ents[0], 0, s1, "assert"), att(2, ents[1], len(s1) + 2, s2, "deny")],
    )


def bench(size: int, adds: int, per_day: int, url: str | None) -> tuple[float, float, float]:
    rng = np.random.default_rng(size)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(url or os.path.join(tmp, "bench.db"))
        try:
            t0 = time.perf_counter()
            last = bulk_corpus(store, size, per_day, rng)
            build = time.perf_counter() - t0
            gc.collect()  # the bulk build's garbage is not the timed documents' cost
            linker = Linker(store)
            prng = random.Random(size)
            docs = [new_doc(i, last, prng) for i in range(adds + 3)]
            store.save_many(docs)
            for d in docs[:3]:  # warm-up: model load, caches
                linker.add(d)
            embed_t, total_t = [], []
            for d in docs[3:]:
                t1 = time.perf_counter()
                prepared = linker.prepare(d)  # embeddings and MinHash
                t2 = time.perf_counter()
                linker.add(prepared)  # the store work: indexes, stories, claims, disputes
                t3 = time.perf_counter()
                embed_t.append(t2 - t1)
                total_t.append(t3 - t2)
        finally:
            store.close()
    return build, statistics.median(total_t) * 1000, statistics.median(embed_t) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--adds", type=int, default=30, help="documents timed per size")
    ap.add_argument("--per-day", type=int, default=100, help="synthetic documents per day")
    ap.add_argument("--db", help="store URL (an empty PostgreSQL database); default: SQLite in a temp dir")
    args = ap.parse_args()
    print(f"{'docs in store':>14} {'bulk build s':>13} {'link ms/doc':>12} {'+ embedding ms/doc':>19}")
    for size in (int(s) for s in args.sizes.split(",")):
        build, add_ms, emb_ms = bench(size, args.adds, args.per_day, args.db)
        print(f"{size:>14,} {build:>13.1f} {add_ms:>12.1f} {emb_ms:>19.1f}", flush=True)


if __name__ == "__main__":
    main()
