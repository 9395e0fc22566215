"""Long texts: parsed in bounded chunks with global offsets; over the limit, too_long."""

from __future__ import annotations

from itertools import pairwise

from claimgraph.config import Config
from claimgraph.ingest import from_text
from claimgraph.model import Document, Rejected
from claimgraph.nlp import chunk_bounds
from claimgraph.pipeline import Pipeline

PARAGRAPHS = [
    f"Le ministre numéro {i} a déclaré mardi que le barrage de la vallée {i} était solide. "
    f"Le syndicat des ingénieurs a démenti ces affirmations dans un communiqué." for i in range(12)
]


def test_chunk_bounds_cover_the_text_at_paragraph_breaks() -> None:
    text = "\n\n".join(PARAGRAPHS)
    bounds = chunk_bounds(text, 400)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    assert all(b - a <= 400 for a, b in bounds) and len(bounds) > 3
    assert all(text[a:b].endswith("\n\n") for a, b in bounds[:-1])
    one_paragraph = "Une phrase assez longue. " * 100  # no paragraph break: cut after a sentence
    cuts = chunk_bounds(one_paragraph, 300)
    assert all(one_paragraph[a:b].endswith(". ") for a, b in cuts[:-1])
    assert chunk_bounds("x" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_long_text_is_parsed_in_chunks_with_global_offsets() -> None:
    text = "Barrages sous surveillance\n\n" + "\n\n".join(PARAGRAPHS)
    whole = Pipeline(Config.load(), upto="attribution")(from_text(text))
    chunked = Pipeline(Config.load(overrides=["nlp.chunk_chars=400"]), upto="attribution")(
        from_text(text))
    assert isinstance(chunked, Document) and isinstance(whole, Document)
    assert chunked.nlp.text == chunked.text  # one Doc of the whole text
    last = len(chunked.text) - len(PARAGRAPHS[-1])
    assert any(a.content.start >= last for a in chunked.attributions)  # found in the last chunk
    for att in chunked.attributions:
        assert chunked.text[att.content.start : att.content.end] == att.content.text
    assert len(chunked.attributions) == len(whole.attributions)


def test_text_over_the_limit_is_too_long() -> None:
    text = "Barrages\n\n" + "\n\n".join(PARAGRAPHS)
    result = Pipeline(Config.load(overrides=["limits.max_chars=500"]), upto="nlp")(from_text(text))
    assert isinstance(result, Rejected) and result.reason == "too_long"
    assert "over the limit of 500" in result.detail and "limits.max_chars" in result.detail
