"""The events evaluation on the plv-train format: label mapping onto the 15 roots, span accuracy,
errors sampled by type (records written here, not taken from the dataset)."""

from __future__ import annotations

from claimgraph.eval.events import dataset_format, default_labels, errors_by_type, gold_spans, score
from claimgraph.model import Event, EventActor, Span

TEXT = "The mayor of Lyon condemned the new law passed by parliament."


def _plv(typ: str, src: tuple[int, int], tgt: tuple[int, int]) -> dict:
    return {"id": "p1", "lang": "en", "text": TEXT,
            "events": [{"type": typ, "penta": 3, "source": TEXT[src[0]:src[1]],
                        "source_spans": [list(src)], "target": TEXT[tgt[0]:tgt[1]],
                        "target_spans": [list(tgt)], "uid": 0}]}


def _ev(typ: str, actor: tuple[int, int] | None, recip: tuple[int, int] | None) -> Event:
    span = Span(start=18, end=27, text=TEXT[18:27])

    def party(s: tuple[int, int] | None) -> EventActor | None:
        return EventActor(span=Span(start=s[0], end=s[1], text=TEXT[s[0]:s[1]])) if s else None

    return Event(id="V1", type=typ, trigger=span, sentence=span, actor=party(actor),
                 recipient=party(recip))


def test_plv_records_are_scored_on_the_current_roots_with_span_accuracy() -> None:
    recs = [_plv("ACCUSE", (0, 17), (28, 39))]
    assert dataset_format(recs) == "plv" and default_labels(recs) == "15"
    assert gold_spans(recs[0], recs[0]["events"][0], "source") == [(0, 17)]
    # DISAPPROVE (2016 label) is ACCUSE on the current roots; the actor overlaps the mayor,
    # the recipient (parliament) does not overlap the marked law
    result = score(recs, [[_ev("DISAPPROVE", (4, 9), (50, 60))]], labels="15")
    assert result["micro_f1"] == 1.0 and set(result["per_type"]) == {"ACCUSE"}
    assert result["actor_span_accuracy"] == 1.0 and result["recipient_span_accuracy"] == 0.0
    # on the raw labels the same prediction is a miss and an extra, sampled under each type
    raw = score(recs, [[_ev("DISAPPROVE", (4, 9), None)]], labels="2016")
    assert raw["micro_f1"] == 0.0 and raw["actor_span_accuracy_typed"] is None
    by_type = errors_by_type(raw["errors"], 1)
    assert by_type["ACCUSE"]["missed"] == 1 and by_type["DISAPPROVE"]["extra"] == 1


def test_no_prediction_is_a_wrong_span_and_gsr_texts_are_found() -> None:
    gsr = {"id": "g", "text": TEXT, "events": [{"type": "DISAPPROVE",
                                                "actor": {"text": "The mayor of Lyon"}}]}
    assert dataset_format([gsr]) == "gsr" and gold_spans(gsr, gsr["events"][0], "source") == [(0, 17)]
    result = score([gsr], [[]])
    assert result["actor_span_accuracy"] == 0.0 and result["actor_span_n"] == 1
    assert result["recipient_span_n"] == 0


def test_confidence_fit_learns_which_evidence_is_right(tmp_path) -> None:
    from claimgraph.events.confidence import fit, load_weights, score, write_weights

    rows = [({"kind_phrase": 1.0, "kind_noun": 0.0}, 1)] * 30 + \
        [({"kind_phrase": 0.0, "kind_noun": 1.0}, 0)] * 25 + \
        [({"kind_phrase": 0.0, "kind_noun": 1.0}, 1)] * 5
    weights = fit(rows)
    assert weights["kind_phrase"] > 0 > weights["kind_noun"]
    sure = score({"kind_phrase": 1.0, "kind_noun": 0.0}, weights)
    unsure = score({"kind_phrase": 0.0, "kind_noun": 1.0}, weights)
    assert sure is not None and unsure is not None and sure > 0.7 > 0.4 > unsure
    out = tmp_path / "w.toml"
    write_weights({"trained_on": "test", "weights": weights,
                   "cross_validated_5_fold": [{"min_confidence": 0.5, "micro_f1": 0.9}]}, out)
    assert load_weights(str(out)) == weights
