"""Span metrics follow the Gender Gap Tracker's quote evaluation."""

from claimgraph.eval.metrics import match, overlap, prf


def test_overlap_is_over_the_gold_span() -> None:
    assert overlap((0, 10), (5, 100)) == 0.5
    assert overlap((5, 100), (0, 10)) == 5 / 95
    assert overlap((0, 0), (0, 10)) == 0.0


def test_match_is_greedy_in_gold_order_and_one_to_one() -> None:
    gold = [(0, 10), (0, 20)]
    pred = [(0, 20)]
    # the first gold span takes the only prediction, the second is left unmatched
    assert match(gold, pred, 0.3) == [(0, 0)]
    # the threshold is strict: exactly 0.3 does not match
    assert match([(0, 10)], [(7, 10)], 0.3) == []
    assert match([(0, 10)], [(6, 10)], 0.3) == [(0, 0)]
    # each gold span picks its best remaining prediction
    assert match([(0, 10), (20, 30)], [(20, 29), (0, 9), (0, 10)], 0.3) == [(0, 2), (1, 0)]


def test_prf() -> None:
    r = prf(3, 4, 6)
    assert (r["precision"], r["recall"], r["f1"]) == (0.75, 0.5, 0.6)
