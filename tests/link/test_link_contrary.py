"""Contradiction without a denial verb: the lexicon (contrary predicates, negation,
shares) and the disputes it makes between assert-side claims of a story.

Sentences are ours, in French and English; linking runs with the real embedder on SQLite
and PostgreSQL (the ``store`` fixture).
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claimgraph.link import Linker
from claimgraph.link.contrary import conflict, generic_speaker, signals
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
from claimgraph.store import Store
from claimgraph.store.schema import link_claim_members, link_disputes


def _conflict(a: str, la: str, b: str, lb: str) -> str | None:
    return conflict(signals(a, la), signals(b, lb))


@pytest.mark.parametrize(("a", "la", "b", "lb", "why"), [
    # contrary predicates, across languages
    ("The garrison has been pulled out of the border town", "en",
     "Les soldats sont toujours à leurs postes dans la ville frontalière", "fr", "contrary"),
    ("Le gouvernement a réduit les subventions aux éleveurs", "fr",
     "Subsidies to farmers are unchanged this year", "en", "contrary"),
    ("Production at the smelter has resumed", "en",
     "La fonderie a cessé toute production depuis lundi", "fr", "contrary"),
    ("The ferry service was suspended on Friday", "en",
     "The ferry service continued as usual on Friday", "en", "contrary"),
    # negation asymmetry on one predicate
    ("The plant has not stopped production", "en",
     "L'usine a arrêté la production mardi", "fr", "negation"),
    ("Aucune hausse des tarifs n'est prévue", "fr",
     "Fares will increase by a tenth in May", "en", "negation"),
    # incompatible shares of the same predicate
    ("trois salariés sur quatre ont cessé le travail", "fr",
     "fewer than a third of the staff stopped work", "en", "quantity"),
    ("40 percent of the shops closed", "en", "la plupart des commerces ont fermé", "fr", "quantity"),
])
def test_conflicts(a: str, la: str, b: str, lb: str, why: str) -> None:
    assert _conflict(a, la, b, lb) == why
    assert _conflict(b, lb, a, la) == why


@pytest.mark.parametrize(("a", "la", "b", "lb"), [
    ("Exports rose sharply in March", "en", "Les exportations ont augmenté de dix pour cent", "fr"),
    ("The troops have not left the base", "en", "The soldiers remained at the base", "en"),
    ("Les derniers soldats restés sur place sont partis", "fr", "The soldiers stayed", "en"),
    ("trois salariés sur quatre ont cessé le travail", "fr", "most of the staff stopped work", "en"),
    ("The minister praised the new bridge", "en", "Le pont a été inauguré samedi", "fr"),
])
def test_no_conflict(a: str, la: str, b: str, lb: str) -> None:
    assert _conflict(a, la, b, lb) is None


def test_generic_speakers() -> None:
    assert generic_speaker("one official", "en")
    assert generic_speaker("officials familiar with the matter", "en")
    assert generic_speaker("journal", "fr")
    assert not generic_speaker("maria okonde", "fr")
    assert not generic_speaker("defence ministry", "en")
    assert not generic_speaker(None)


# ---------------------------------------------------------------- in the store


def _doc(doc_id: str, lang: str, day: str, outlet: str, title: str, body: list[tuple[str, str, str]],
         stance: str = "assert", places: tuple[str, ...] = ("Dravia", "Oskel")) -> Document:
    """A document whose sentences are (speaker, cue, content) statements."""
    text = title + "\n\n"
    atts = []
    for i, (speaker, cue, content) in enumerate(body, 1):
        sent = f"{content}, {speaker} {cue}.\n\n"
        start = len(text) + 0
        atts.append(Attribution(
            id=f"A{i}", speaker=Mention(start=start + len(content) + 2,
                                        end=start + len(content) + 2 + len(speaker), text=speaker),
            speaker_name=speaker, content=Span(start=start, end=start + len(content), text=content),
            kind="indirect", stance=stance if i == 1 else "assert", cue_class="assert",
            via=[ChainLink(name=outlet, kind="publisher")]))
        text += sent
    ents = []
    for k, name in enumerate(places, 1):
        found = [i for i in range(len(text)) if text.startswith(name, i)]
        if found:
            ents.append(Entity(id=f"E{k}", name=name, label="LOC", mentions=[
                Mention(start=i, end=i + len(name), text=name) for i in found]))
    return Document(id=doc_id, origin=Origin(kind="text"), text=text, language=lang, title=title,
                    outlet=Outlet(id=outlet.lower().replace(" ", "-"), name=outlet),
                    published=Published(date=day, source="input"), entities=ents, attributions=atts)


REPORT = _doc("a" * 16, "en", "2025-05-05", "The Coastal Post",
              "Dravia withdraws its border guards from Oskel", [
                  ("officials in Oskel", "said",
                   "Dravia has withdrawn most of its border guards from the Oskel crossing"),
                  ("a local trader", "said", "queues at the Oskel crossing were longer than usual"),
              ])
CONTRARY = _doc("b" * 16, "fr", "2025-05-06", "La Gazette du Nord",
                "Oskel : la Dravie affirme que ses gardes-frontières sont toujours en poste", [
                    ("le ministère de l'Intérieur de Dravie", "a affirmé",
                     "tous les gardes-frontières de la Dravie restent à leurs postes au poste "
                     "frontière d'Oskel"),
                    ("un douanier", "a indiqué",
                     "le poste frontière d'Oskel avait reçu de nouveaux scanners"),
                ], places=("Dravie", "Oskel"))
DENIAL = _doc("c" * 16, "en", "2025-05-06", "Wire Nine",
              "Dravia denies pulling guards from Oskel crossing", [
                  ("Dravia's interior ministry", "denied",
                   "reports that Dravia had withdrawn its border guards from the Oskel crossing"),
              ], stance="deny")


def _disputes(store: Store) -> list[tuple[str, str, str]]:
    """(claim content, against content, basis) of every dispute (first member each)."""
    with store.engine.connect() as conn:
        content = {}
        for r in conn.execute(select(link_claim_members.c.claim_id, link_claim_members.c.content)
                              .order_by(link_claim_members.c.doc_id)):
            content.setdefault(r.claim_id, r.content)
        return [(content[r.claim_id], content[r.against_id], r.basis)
                for r in conn.execute(select(link_disputes))]


@pytest.mark.parametrize("order", [(REPORT, CONTRARY, DENIAL), (DENIAL, CONTRARY, REPORT)])
def test_contrary_assertion_disputes_the_claim(store: Store, order: tuple[Document, ...]) -> None:
    store.save_many(list(order))
    linker = Linker(store)
    stories = {linker.add(d)["story_id"] for d in order}
    assert len(stories) == 1
    found = _disputes(store)
    withdrawn = REPORT.attributions[0].content.text
    remain = CONTRARY.attributions[0].content.text
    denial = DENIAL.attributions[0].content.text
    # the later contrary statement disputes the earlier claim, whatever the linking order
    assert (withdrawn, remain, "contrary") in found
    assert any(c == withdrawn and a == denial for c, a, _ in found)
    # the denial and the "still at their posts" statement are on the same side
    assert not any(c == remain and a == denial for c, a, _ in found)
    # statements on other details of the story dispute nothing
    others = {REPORT.attributions[1].content.text, CONTRARY.attributions[1].content.text}
    assert not any(c in others or a in others for c, a, _ in found)


def test_contrary_links_follow_relinking(store: Store) -> None:
    store.save_many([REPORT, CONTRARY])
    linker = Linker(store)
    linker.add(REPORT)
    linker.add(CONTRARY)
    assert any(b == "contrary" for *_, b in _disputes(store))
    changed = CONTRARY.model_copy(deep=True)
    changed.attributions = changed.attributions[1:]  # the contrary statement is gone
    store.save(changed)
    linker.add(changed)
    assert _disputes(store) == []


def test_dispute_cue_is_deny_side_and_narration_relays_nobody(store: Store) -> None:
    from claimgraph.link.claims import polarity, relays

    assert polarity("assert", "dispute") == "deny"
    assert polarity("assert", "report") == "assert"
    narr = _doc("d" * 16, "en", "2025-05-07", "The Coastal Post",
                "Dravia's border guards are still withdrawing from Oskel", [
                    ("officials in Oskel", "said",
                     "Dravia has withdrawn most of its border guards from the Oskel crossing"),
                ])
    narr.attributions[0].kind = "narration"
    narr.attributions[0].cue_class = "narration"
    store.save_many([REPORT, narr])
    # the two short texts share a sentence (containment 0.68): not copies for this test
    linker = Linker(store, {"dup_containment": 0.9})
    linker.add(REPORT)
    linker.add(narr)
    claim = next(c for c in linker.claims() if len(c["members"]) == 2)
    later = next(m for m in claim["members"] if m["doc_id"] == narr.id)
    assert later["relayed_from"] is None  # the outlet's own framing is no relay
    assert relays([], {}) == []
