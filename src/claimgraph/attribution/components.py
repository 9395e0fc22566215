"""spaCy components: "claimgraph_entities" and "claimgraph_attributions".

They store their results on Doc extensions (``Doc._.claimgraph_entities``,
``Doc._.claimgraph_attributions``, model objects with character offsets into ``Doc.text``).
The publication date and the publishing outlet can be given per document through
``Doc._.claimgraph_published`` (ISO date) and ``Doc._.claimgraph_outlet`` (a name) before the
components run. AttributionStage runs these same components on ``Document.nlp``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.attribution.chains import build_chains
from claimgraph.attribution.denials import bare_denials
from claimgraph.attribution.entities import EntityIndex, build_entities
from claimgraph.attribution.lexicon import Lexicon, load_lexicon
from claimgraph.attribution.narration import narration
from claimgraph.attribution.nesting import late_hops
from claimgraph.attribution.nocomment import no_comments
from claimgraph.attribution.quantities import find_quantities
from claimgraph.attribution.speakers import resolve
from claimgraph.attribution.statements import Cand, Ctx, claims_first, extract
from claimgraph.attribution.targets import assign_targets, counter_claims
from claimgraph.lang.dates import calendar, token_dates
from claimgraph.model import (
    Attribution,
    ChainLink,
    DateMention,
    Entity,
    Mention,
    Quantity,
    Span,
)

# links of these kinds are the channel of a statement ("dans un communiqué"), never a hop
CHANNEL_KINDS = ("statement", "document")
EXTENSIONS = (
    "claimgraph_entities",
    "claimgraph_attributions",
    "claimgraph_index",
    "claimgraph_published",
    "claimgraph_outlet",
    "claimgraph_narration",
)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


_TEXTS: dict[int, tuple[Doc, str]] = {}


def _text(doc: Doc) -> str:
    """``doc.text`` computed once per Doc (spaCy rebuilds it on every access)."""
    key = id(doc)
    hit = _TEXTS.get(key)
    if hit is None or hit[0] is not doc:
        _TEXTS.clear()
        hit = _TEXTS[key] = (doc, doc.text)
    return hit[1]


def _span(doc: Doc, s: int, e: int) -> Span:
    return Span(start=s, end=e, text=_text(doc)[s:e])


def _tok_span(doc: Doc, s: int, e: int) -> Span:
    a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
    return _span(doc, a, b)


def entities_of(doc: Doc, lex: Lexicon) -> tuple[EntityIndex, list[Entity]]:
    """Entities of a parsed document as model objects."""
    index = build_entities(doc, lex)
    out: list[Entity] = []
    for ent in index.ents:
        mentions = [
            Mention(start=m.start, end=m.end, text=m.text)
            for m in (_tok_span(doc, s, e) for s, e in ent.mentions)
        ]
        out.append(
            Entity(
                id=ent.id,
                name=ent.name,
                label=ent.label,  # type: ignore[arg-type]
                mentions=mentions,
                role=ent.role,
                role_span=_span(doc, *ent.role_span) if ent.role_span else None,
                country=ent.country,
                sector=ent.sector,
                kind=ent.kind,
            )
        )
    return index, out


def _cue_span(ctx: Ctx, c: Cand) -> Span | None:
    if c.cue is None:
        return None
    doc = ctx.doc
    s = c.cue.start
    while s > 0 and doc[s - 1].pos_ == "AUX" and doc[s - 1].head.i == c.cue.head:
        s -= 1
    return _tok_span(doc, s, c.cue.end)


def _date_scope(ctx: Ctx, c: Cand) -> list[tuple[int, int]]:
    """Token ranges searched for dates: the content and the cue clause ("a déclaré lundi")."""
    scopes = [c.content]
    if c.cue is not None:
        s, e = c.cue.start, c.cue.end
        if c.content[0] >= e:
            e = min(c.content[0], e + 12)
        elif c.speaker is not None and abs(c.speaker[0] - e) <= 4:
            e = max(e, c.speaker[1])
        else:
            e = min(len(ctx.doc), e + 3)
        if not (c.content[0] <= s < c.content[1]):
            scopes.append((s, e))
    return scopes


def attributions_of(
    doc: Doc,
    lex: Lexicon,
    index: EntityIndex,
    published: str | None = None,
    publisher: str | None = None,
    with_narration: bool = False,
) -> list[Attribution]:
    """Statements of a parsed document as model objects (with the outlet's own framing as
    "narration" statements when ``with_narration`` and the publisher is known)."""
    ctx, cands = extract(doc, lex, index)
    resolve(ctx, cands)
    cands = build_chains(ctx, cands, publisher)
    if with_narration and publisher:
        cands.extend(narration(ctx, cands, publisher))
    cands.sort(key=lambda c: (c.content[0], c.cue.head if c.cue else 0))
    cands = claims_first(ctx, cands)
    targets = assign_targets(ctx, cands)
    counter_claims(ctx, cands, targets)
    base = None
    if published:
        try:
            base = dt.date.fromisoformat(published[:10])
        except ValueError:
            base = None
    out: list[Attribution] = []
    for k, c in enumerate(cands):
        dates: list[DateMention] = []
        quantities: list[Quantity] = []
        covered: set[int] = set()
        for s, e in _date_scope(ctx, c):
            found, cov = token_dates(doc, s, e, calendar(lex.lang), base)
            covered |= cov
            dates.extend(
                DateMention(span=_span(doc, *d["span"]), date=d["date"], relative=d["relative"])
                for d in found
            )
        for q in find_quantities(doc, c.content[0], c.content[1], lex, covered):
            quantities.append(
                Quantity(
                    span=_span(doc, *q["span"]),
                    value=q.get("value"),
                    low=q.get("low"),
                    high=q.get("high"),
                    unit=q.get("unit"),
                    vague=q["vague"],
                )
            )
        via = [
            ChainLink(
                name=lk.name,
                entity=lk.entity.id if lk.entity is not None else None,
                kind=lk.kind,  # type: ignore[arg-type]
                span=_span(doc, *lk.span) if lk.span else None,
                carried=lk.carried,
            )
            for lk in c.via
            if lk.kind not in CHANNEL_KINDS
        ]
        channel = next((_span(doc, *lk.span) for lk in c.via if lk.kind in CHANNEL_KINDS and lk.span),
                       None)
        out.append(
            Attribution(
                id=f"A{k + 1}",
                speaker=Mention(**_tok_span(doc, *c.speaker).model_dump()) if c.speaker else None,
                speaker_entity=c.entity.id if c.entity is not None else None,
                speaker_name=c.speaker_name,
                role=c.role,
                cue=_cue_span(ctx, c),
                content=_tok_span(doc, *c.content),
                kind=c.kind,  # type: ignore[arg-type]
                stance=c.stance,  # type: ignore[arg-type]
                stance_evidence=c.stance_evidence,
                cue_class=c.cue_class,
                mode=mode_of(c.cue_class, c.kind),  # type: ignore[arg-type]
                negated=c.negated,
                via=via,
                channel=channel,
                quantities=quantities,
                dates=dates,
            )
        )
    for i, j in targets.items():
        out[i].target = out[j].id
    return late_hops(ctx, bare_denials(ctx, no_comments(ctx, list(out))), out)


def mode_of(cue_class: str | None, kind: str) -> str | None:
    """Speech or belief: the lexicon's "estimate" class holds the verbs, nouns and adjectives
    of belief and perception (think, fear, hope, convinced); narration reports no one."""
    if kind == "narration":
        return None
    return "belief" if cue_class == "estimate" else "speech"


def _lang(doc: Doc) -> str:
    return doc.lang_ or "en"


class EntitiesComponent:
    """Finds the document's entities (``Doc._.claimgraph_entities``)."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        lex = load_lexicon(self.lang or _lang(doc))
        index, ents = entities_of(doc, lex)
        doc._.claimgraph_index = index
        doc._.claimgraph_entities = ents
        return doc


class AttributionsComponent:
    """Finds the document's statements (``Doc._.claimgraph_attributions``)."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        lex = load_lexicon(self.lang or _lang(doc))
        index = doc._.claimgraph_index
        if index is None:
            index, ents = entities_of(doc, lex)
            doc._.claimgraph_index = index
            doc._.claimgraph_entities = ents
        doc._.claimgraph_attributions = attributions_of(
            doc,
            lex,
            index,
            doc._.claimgraph_published,
            doc._.claimgraph_outlet,
            doc._.claimgraph_narration is True,
        )
        return doc


@Language.factory("claimgraph_entities", default_config={"lang": None})
def make_entities(nlp: Language, name: str, lang: str | None) -> EntitiesComponent:
    return EntitiesComponent(lang or nlp.lang)


@Language.factory("claimgraph_attributions", default_config={"lang": None})
def make_attributions(nlp: Language, name: str, lang: str | None) -> AttributionsComponent:
    return AttributionsComponent(lang or nlp.lang)


def analyse(
    doc: Doc,
    lang: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    narration: bool = False,
) -> tuple[list[Entity], list[Attribution]]:
    """Run both components on a parsed Doc and return (entities, attributions).

    ``narration``: add the outlet's own framing sentences as "narration" statements (needs
    ``outlet``)."""
    doc._.claimgraph_published = published
    doc._.claimgraph_outlet = outlet
    doc._.claimgraph_narration = narration
    EntitiesComponent(lang)(doc)
    AttributionsComponent(lang)(doc)
    ents: Any = doc._.claimgraph_entities
    atts: Any = doc._.claimgraph_attributions
    doc._.claimgraph_index = None
    return ents, atts
