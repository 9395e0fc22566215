"""The xdoc scorer of ``claimgraph eval link --dataset``: span placement, matching, groups."""

from __future__ import annotations

from claimgraph.eval import link_xdoc
from claimgraph.model import Attribution, Document, Origin, Span


def _doc(text: str, spans: list[tuple[int, int]]) -> Document:
    atts = [Attribution(id=f"A{i}", content=Span(start=s, end=e, text=text[s:e]), kind="indirect",
                        stance="assert") for i, (s, e) in enumerate(spans, 1)]
    return Document(id="d", origin=Origin(kind="text"), text=text, attributions=atts)


def test_gold_span_placed_in_cleaned_text_whatever_the_spaces() -> None:
    raw = "Header  line\n\nThe mayor said the bridge\nwould reopen in May."
    clean = "The mayor said the bridge would reopen in May."
    s = raw.index("the bridge")
    where = link_xdoc.place(raw[s:raw.index(" in May")], clean, s / len(raw))
    assert where is not None and clean[where[0]:where[1]] == "the bridge would reopen"


def test_span_matched_to_the_attribution_overlapping_most() -> None:
    text = "The mayor said the bridge would reopen in May. A union said the strike goes on."
    doc = _doc(text, [(15, 45), (62, 79)])
    assert link_xdoc.match(doc, 15, 40) == "A1"
    assert link_xdoc.match(doc, 62, 79) == "A2"
    assert link_xdoc.match(doc, 46, 52) is None


def test_closure_joins_groups_through_links() -> None:
    pairs = {frozenset(("a", "b")), frozenset(("b", "c"))}
    assert link_xdoc._closure(pairs) == {frozenset(p) for p in (("a", "b"), ("b", "c"), ("a", "c"))}
