"""Source chains (attribution/chains.py, nesting.py) on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.model import Attribution
from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


def _hops(a: Attribution) -> list[str]:
    return [h.name for h in a.via if h.kind != "publisher"]


def _by_cue(atts: list[Attribution], cue: str) -> Attribution:
    return next(a for a in atts if a.cue is not None and cue in a.cue.text)


def _cands(text: str, lang: str):  # type: ignore[no-untyped-def]
    from claimgraph.attribution.components import entities_of
    from claimgraph.attribution.lexicon import load_lexicon
    from claimgraph.attribution.speakers import resolve
    from claimgraph.attribution.statements import extract
    from claimgraph.config import Config
    from claimgraph.nlp import nlp_for

    doc = nlp_for(Config.load(), lang)(text)
    lex = load_lexicon(lang)
    index, _ = entities_of(doc, lex)
    ctx, cands = extract(doc, lex, index)
    resolve(ctx, cands)
    return ctx, cands


def test_nested_report_goes_through_its_speaker() -> None:
    from claimgraph.attribution.nesting import nested_hops

    ctx, cands = _cands("Mark Dulac said the minister had told him that the plant would stay open.", "en")
    outer = next(c for c in cands if c.cue is not None and ctx.doc[c.cue.head].lower_ == "said")
    inner = next(c for c in cands if c.cue is not None and ctx.doc[c.cue.head].lower_ == "told")
    # the inner report is the minister's, whatever the speaker stage made of it
    minister = next(t.i for t in ctx.doc if t.lower_ == "minister")
    inner.speaker, inner.entity, inner.speaker_name = (minister - 1, minister + 1), None, "the minister"
    nested_hops(ctx, cands)
    assert [lk.name for lk in inner.via] == ["Mark Dulac"]
    assert not any("Dulac" in lk.name for lk in outer.via)


def test_report_that_a_denial_rejects_gets_no_relay() -> None:
    text = ("The Kaskar government on Monday denied a report saying that its army had crossed "
            "the border.")
    _, atts = attribute(text, "en")
    for a in atts:
        if a.cue is not None and "saying" in a.cue.text:
            assert not any("Kaskar" in h for h in _hops(a)), _hops(a)


@pytest.mark.parametrize("text,lang,cue", [
    # the speaker's own channels: a platform, its own website
    ("« Nous ne quitterons pas la ville », a indiqué sur Twitter la mairie de Valmont.", "fr",
     "indiqué"),
    ("The Valmora Chamber of Commerce said on its website that the fair was cancelled.", "en",
     "said"),
    # an unnamed relay is left out
    ("Le Courrier de Valmont a annoncé la fermeture du site, citant une source proche du dossier.",
     "fr", "annoncé"),
    # a media noun with no outlet named, nor a definite article to point back to one
    ("The senator said on national television that he would not run again.", "en", "said"),
])
def test_no_hop(text: str, lang: str, cue: str) -> None:
    _, atts = attribute(text, lang)
    a = _by_cue(atts, cue)
    assert _hops(a) == [], _hops(a)


def test_platform_is_the_channel() -> None:
    _, atts = attribute("« Nous ne quitterons pas la ville », a indiqué la mairie de Valmont "
                        "sur Twitter.", "fr")
    a = _by_cue(atts, "indiqué")
    assert _hops(a) == [] and a.channel is not None and "Twitter" in a.channel.text


def test_addressee_relay_is_not_carried_to_later_statements() -> None:
    text = ("« Le site restera ouvert », a déclaré la ministre Ana Kovel à l'AFP. Elle a ajouté "
            "plus tard que les travaux commenceraient en mai.")
    _, atts = attribute(text, "fr")
    assert "AFP" in _hops(_by_cue(atts, "déclaré"))
    assert "AFP" not in _hops(_by_cue(atts, "ajouté"))


def test_cited_by_is_carried() -> None:
    text = ("Cité par Sputnik, l'ambassadeur Ivo Maren a réfuté les informations sur le retrait "
            "des experts.\n\n« Aucune réduction n'est envisagée », a déclaré lundi M. Maren.")
    _, atts = attribute(text, "fr")
    a = _by_cue(atts, "déclaré")
    assert [h.name for h in a.via if h.carried] == ["Sputnik"]
