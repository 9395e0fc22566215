"""The events stage: PLOVER events with coded actors, dates, places and provenance.

``EventStage`` fills ``doc.events`` from the spaCy parse (``doc.nlp``), the document's entities
and attributions. ``extract_events(doc, config)`` does the same for one document. The rules live
in ``triggers``, ``arguments``, ``coding``, ``modes`` (driven by ``detect``), ``merging`` and
``provenance``; their words in ``data/<lang>/events.toml`` and the actor dictionary.
"""

from __future__ import annotations

from typing import Any

from claimgraph.config import Config
from claimgraph.events.actors import ActorDictionary, load_actors
from claimgraph.events.detect import Detector, detect_sentence
from claimgraph.events.lexicon import TYPES, Lexicon, load_lexicon
from claimgraph.events.merging import merge, same_event, title_support
from claimgraph.events.provenance import Builder, cue_overlap, status_of
from claimgraph.model import Document, Event
from claimgraph.stage import MissingLayer, Stage, register

__all__ = ["TYPES", "EventStage", "actors_for", "extract_events", "lexicon_for", "same_event"]


def lexicon_for(config: Config, lang: str) -> Lexicon:
    extra = config.get(f"events.lexicon_files.{lang}", []) or []
    return load_lexicon(lang, tuple(str(x) for x in extra))


def actors_for(config: Config) -> ActorDictionary:
    extra = config.get("events.actor_files", []) or []
    return load_actors(tuple(str(x) for x in extra))


#: Events scored below this are not emitted (``events.min_confidence``): the stage abstains.
MIN_CONFIDENCE = 0.35


def extract_events(doc: Document, config: Config | None = None, sdoc: Any = None,
                   features_out: dict[tuple[int, int], dict[str, float]] | None = None,
                   ) -> list[Event]:
    """Events of one document from its parse (``sdoc``, else ``doc.nlp`` of the nlp stage).

    Events whose confidence is below ``events.min_confidence`` are left out (abstention).
    ``features_out`` (for fitting the confidence) receives each kept trigger's features.
    """
    config = config or Config.load()
    floor = float(config.get("events.min_confidence", MIN_CONFIDENCE) or 0.0)
    keep_negated = bool(config.get("events.keep_negated", False))
    lang = doc.language or config.default_language
    lex = lexicon_for(config, lang)
    actors = actors_for(config)
    if sdoc is None:
        sdoc = doc.nlp
    if sdoc is None:
        raise MissingLayer("events", "the spaCy parse (doc.nlp)", "nlp")
    det = Detector(doc, sdoc, lex, actors)
    builder = Builder(doc, config, lex, actors)
    raw: list[tuple[Event, bool]] = []
    for sent in sdoc.sents:
        for c in detect_sentence(det, sent):
            if c.actor is None or c.actor.event_type:
                continue  # PLOVER events need a source actor
            if c.modality == "negated" and not keep_negated:
                continue  # "did not attack" is no event (events.keep_negated shows it)
            ev, reported = builder.build(det, c, sent)
            if features_out is not None:
                features_out[(ev.trigger.start, ev.trigger.end)] = builder.features
            if c.recipient is not None and c.recipient.event_type:
                # "a coup backed by X": the recipient is whoever carries out that event
                ref = next((e for e, _r in reversed(raw)
                            if e.type == c.recipient.event_type and e.actor is not None), None)
                ev.recipient = ref.actor.model_copy() if ref is not None and ref.actor else None
            if cue_overlap(doc, ev.trigger.start, ev.trigger.end):
                continue
            raw.append((ev, reported))
    attrs = {a.id: a for a in doc.attributions}
    # denials of an attribution reach the events it asserts
    for ev, _r in raw:
        for a in doc.attributions:
            if a.target and a.target in ev.asserted_by and a.stance in ("deny", "dispute") \
                    and a.id not in ev.denied_by:
                ev.denied_by.append(a.id)
    merged = merge(raw)
    if doc.title and merged:
        title_support(doc, config, lang, lex, actors, merged)
    out: list[Event] = []
    for ev in merged:
        for a in doc.attributions:
            if a.target and a.target in ev.asserted_by and a.stance in ("deny", "dispute") \
                    and a.id not in ev.denied_by:
                ev.denied_by.append(a.id)
        status = status_of(ev, attrs)
        if status is None or (ev.confidence is not None and ev.confidence < floor):
            continue
        ev.status = status  # type: ignore[assignment]
        ev.id = f"V{len(out) + 1}"
        out.append(ev)
    return out


@register("events")
class EventStage(Stage):
    """Fills ``doc.events`` (PLOVER types, coded actors, dates, places, provenance)."""

    requires = ("nlp",)

    def process(self, doc: Document) -> Document:
        doc.events = extract_events(doc, self.config) if doc.text.strip() else []
        return doc
