"""Order of arrival: a document that came before its neighbours and started a story of its
own is merged into their story once it has grown (stories.absorb)."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from claimgraph.config import Config
from claimgraph.eval import link as evlink
from claimgraph.link import Linker
from claimgraph.link.config import LinkConfig
from claimgraph.model import Document
from claimgraph.store import open_store
from claimgraph.store.schema import link_docs

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "link"


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    import tomllib

    labels = tomllib.loads((FIX / "labels.toml").read_text(encoding="utf-8"))
    inputs = [str(ROOT / "examples" / "corpus"), str(ROOT / "examples" / "seed")]
    return evlink.load_corpus(inputs, Config.load(), None,
                              labels["documents"])


def _stories(tmp: Path, docs: list[Document], absorb: int) -> set[frozenset[str]]:
    config = replace(LinkConfig.from_config(Config.load()), absorb_candidates=absorb)
    with open_store(f"sqlite:///{tmp}") as store:
        store.save_many(docs)
        linker = Linker(store, config)
        for d in docs:
            linker.add(d)
        with store.engine.connect() as conn:
            rows = conn.execute(link_docs.select().with_only_columns(
                link_docs.c.doc_id, link_docs.c.story_id)).all()
    out: dict[str, set[str]] = {}
    for doc_id, story in rows:
        out.setdefault(story, set()).add(doc_id)
    return {frozenset(v) for v in out.values()}


def test_early_arrivals_join_their_story_later(corpus: list[Document], tmp_path: Path) -> None:
    orders = [list(corpus), list(reversed(corpus))]
    for seed in range(4):
        o = list(corpus)
        random.Random(seed).shuffle(o)
        orders.append(o)
    with_absorb = [_stories(tmp_path / f"a{i}.db", o, 3) for i, o in enumerate(orders)]
    without = [_stories(tmp_path / f"b{i}.db", o, 0) for i, o in enumerate(orders)]
    assert len(with_absorb[0]) >= 3 and with_absorb[0] == without[0]
    # more orders of arrival give the input order's partition with the merge than without
    # (not all yet: a story split in two of several documents each stays split)
    assert sum(p == with_absorb[0] for p in with_absorb) > sum(p == without[0] for p in without)
