"""The attribution scorer on hand-written records, and the parse cache on our own sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimgraph.eval.scoring import Scorer, same_name
from claimgraph.model import Attribution, ChainLink, Mention, Span

TEXT = ("Le ministre a démenti tout accord, a indiqué son porte-parole à l'agence Reuters. "
        "La société n'a pas souhaité commenter.")


def _span(text: str, part: str) -> tuple[int, int]:
    s = text.index(part)
    return s, s + len(part)


def _att(aid: str, content: str, cue: str, stance: str = "assert", speaker: str | None = None,
         via: list[str] = (), kind: str = "indirect") -> Attribution:  # type: ignore[assignment]
    cs, ce = _span(TEXT, content)
    us, ue = _span(TEXT, cue)
    spk = None
    if speaker:
        ss, se = _span(TEXT, speaker)
        spk = Mention(start=ss, end=se, text=speaker)
    hops = [ChainLink(name=v, kind="agency", span=Span(start=_span(TEXT, v)[0],
                                                       end=_span(TEXT, v)[1], text=v))
            for v in via] + [ChainLink(name="Le Journal", kind="publisher")]
    return Attribution(id=aid, speaker=spk, cue=Span(start=us, end=ue, text=cue),
                       content=Span(start=cs, end=ce, text=content), kind=kind,  # type: ignore[arg-type]
                       stance=stance, via=hops)  # type: ignore[arg-type]


def _gold() -> list[dict[str, Any]]:
    return [
        {"content_span": list(_span(TEXT, "tout accord")), "cue_span": list(_span(TEXT, "a démenti")),
         "source_span": list(_span(TEXT, "Le ministre")), "speaker": "Le ministre",
         "stance": "deny", "via": ["Reuters"], "kind": "indirect"},
        {"content_span": None, "cue_span": list(_span(TEXT, "n'a pas souhaité commenter")),
         "source_span": list(_span(TEXT, "La société")), "speaker": "La société",
         "stance": "assert", "via": [], "kind": "no_comment"},
    ]


def test_denial_via_and_content_less_gold_are_scored() -> None:
    atts = [
        _att("A1", "tout accord", "a démenti", "deny", "Le ministre", via=["Reuters"]),
        # a prediction for the content-less gold, matched by its cue
        _att("A2", "commenter", "n'a pas souhaité commenter", "deny", "La société"),
    ]
    sc = Scorer()
    sc.add(TEXT, _gold(), atts)
    res = sc.result()
    assert res["overlap_0.3"]["tp"] == 2
    assert res["speaker_accuracy"] == 1.0
    # one gold denial found; the second predicted denial is a false positive
    assert res["deny"]["tp"] == 1 and res["deny"]["precision"] == 0.5 and res["deny"]["recall"] == 1.0
    assert res["via"]["recall"] == 1.0 and res["via"]["precision"] == 1.0
    assert res["kinds"]["no_comment"]["recall"] == 1.0
    assert res["kinds"]["no_comment"]["kind_accuracy"] == 0.0


def test_wrong_speaker_and_missing_hop_count_against() -> None:
    atts = [_att("A1", "tout accord", "a démenti", "assert", "son porte-parole")]
    sc = Scorer()
    sc.add(TEXT, _gold(), atts)
    res = sc.result()
    assert res["overlap_0.3"]["tp"] == 1 and res["overlap_0.3"]["recall"] == 0.5
    assert res["speaker_accuracy"] == 0.0
    assert res["deny"]["tp"] == 0 and res["deny"]["recall"] == 0.0
    assert res["via"]["recall"] == 0.0


def test_same_name_normalises_and_contains() -> None:
    assert same_name("l’agence  Reuters", "L'agence Reuters")
    assert same_name("Reuters", "l'agence Reuters")
    assert not same_name("AP", "l'agence AP")  # too short to match by containment
    assert not same_name(None, "Reuters")


def test_cached_parse_gives_the_same_analysis(tmp_path: Path) -> None:
    from claimgraph.attribution.components import analyse
    from claimgraph.config import Config
    from claimgraph.nlp import nlp_for
    from claimgraph.nlp.cache import parse_cached

    texts = [TEXT, "« Nous ne quitterons pas la ville », a affirmé la maire de Lyon, Anne Dupont."]
    nlp = nlp_for(Config.load(), "fr")
    fresh = [analyse(d, "fr") for d in nlp.pipe(texts)]
    first = [analyse(d, "fr") for d in parse_cached(nlp, texts, root=tmp_path)]
    assert len(list(tmp_path.glob("*.spacy"))) == 2
    again = [analyse(d, "fr") for d in parse_cached(nlp, texts, root=tmp_path)]
    dump = [[a.model_dump() for a in atts] for _, atts in fresh]
    assert dump == [[a.model_dump() for a in atts] for _, atts in first]
    assert dump == [[a.model_dump() for a in atts] for _, atts in again]
    assert any(atts for _, atts in fresh)
