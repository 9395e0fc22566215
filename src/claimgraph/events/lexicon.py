"""Per-language event lexicons loaded from ``data/<lang>/events.toml`` (see ``claimgraph.lang``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph import lang as langdata
from claimgraph.lang.schemas import Events

#: PLOVER types in priority order (a word listed under two types gets the first one).
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE",
    "COERCE", "ASSAULT", "FIGHT",
)
#: Types whose undoing is a sanction and whose promise is an agreement.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


def _words(values: list[str]) -> tuple[set[str], dict[tuple[str, ...], str]]:
    """Split a word list into single words and multi-word entries (tuples of words)."""
    single: set[str] = set()
    multi: dict[tuple[str, ...], str] = {}
    for v in values:
        parts = tuple(v.lower().replace("’", "'").split())
        if len(parts) == 1:
            single.add(parts[0])
        elif parts:
            multi[parts] = v
    return single, multi


@dataclass
class Lexicon:
    """Trigger words, argument cues and coding words for one language."""

    lang: str
    verbs: dict[str, str] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    adjs: dict[str, str] = field(default_factory=dict)
    verb_particles: dict[tuple[str, str], str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)
    pairs: dict[tuple[str, str], str] = field(default_factory=dict)
    classes: dict[str, set[str]] = field(default_factory=dict)
    reverse_verbs: set[str] = field(default_factory=set)
    reverse_particles: set[tuple[str, str]] = field(default_factory=set)
    reverse_nouns: set[str] = field(default_factory=set)
    light: set[str] = field(default_factory=set)
    inverse: set[str] = field(default_factory=set)
    purpose: set[str] = field(default_factory=set)
    transitive: dict[str, str] = field(default_factory=dict)
    intent_verbs: set[str] = field(default_factory=set)
    intent_object_types: set[str] = field(default_factory=set)
    intent_adjs: set[str] = field(default_factory=set)
    intent_aux: set[str] = field(default_factory=set)
    must: set[str] = field(default_factory=set)
    consider: set[str] = field(default_factory=set)
    refuse: set[str] = field(default_factory=set)
    stative: set[str] = field(default_factory=set)
    may: set[str] = field(default_factory=set)
    unless: set[str] = field(default_factory=set)
    if_words: set[str] = field(default_factory=set)
    nonstate_types: dict[str, str] = field(default_factory=dict)
    negation: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    reporting: set[str] = field(default_factory=set)
    reporting_particles: set[tuple[str, str]] = field(default_factory=set)
    background: set[str] = field(default_factory=set)
    preps: dict[str, set[str]] = field(default_factory=dict)
    modes: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    violence_generic: set[str] = field(default_factory=set)
    violence_heavy: set[str] = field(default_factory=set)
    sectors: dict[str, set[str]] = field(default_factory=dict)
    sector_phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    state_words: set[str] = field(default_factory=set)
    anaphora_country: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)  # trigger words listed under two types
    imperfect_aux: set[str] = field(default_factory=set)
    past_aux: set[str] = field(default_factory=set)
    pronouns: set[str] = field(default_factory=set)
    object_preps: set[str] = field(default_factory=set)
    skip_preps: set[str] = field(default_factory=set)
    idioms: set[tuple[str, str]] = field(default_factory=set)
    not_event_words: set[str] = field(default_factory=set)

    def phrases_longest_first(self) -> list[tuple[str, str]]:
        """Multi-word triggers, longest first ("failed to reach" before "reach agreement")."""
        cached = self.__dict__.get("_phrases_sorted")
        if cached is None or len(cached) != len(self.phrases):
            cached = sorted(self.phrases.items(), key=lambda x: -len(x[0]))
            self.__dict__["_phrases_sorted"] = cached
        return cached

    def type_of_noun(self, lemma: str) -> str | None:
        return self.nouns.get(lemma.lower())

    def in_class(self, word: str, name: str) -> bool:
        return word.lower() in self.classes.get(name, set())

    def pair(self, verb: str, obj: str) -> str | None:
        """The type fixed by a verb-object pair, trying the object's classes too."""
        verb, obj = verb.lower(), obj.lower()
        found = self.pairs.get((verb, obj)) or self.pairs.get((verb, obj.replace("-", "")))
        if found:
            return found
        for name, members in self.classes.items():
            if obj in members and (verb, "@" + name) in self.pairs:
                return self.pairs[(verb, "@" + name)]
        return None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        elif isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = [*out[k], *v]
        else:
            out[k] = v
    return out


def _low(words: list[str]) -> set[str]:
    return {w.lower() for w in words}


def _build(lang: str, data: Events) -> Lexicon:
    lex = Lexicon(lang=lang)
    for t in TYPES:
        spec = getattr(data.types, t)
        for key, target in (("verbs", lex.verbs), ("nouns", lex.nouns), ("adjs", lex.adjs)):
            single, multi = _words(getattr(spec, key))
            for w in single:
                target.setdefault(w, t)
            for parts in multi:
                if key == "verbs" and len(parts) == 2:
                    lex.verb_particles.setdefault((parts[0], parts[1]), t)
                else:
                    lex.phrases.setdefault(" ".join(parts), t)
        for p in spec.phrases:
            lex.phrases.setdefault(p.lower().replace("’", "'"), t)
    seen: dict[str, set[str]] = {}
    for t in TYPES:
        spec = getattr(data.types, t)
        for w in (*spec.verbs, *spec.nouns):
            seen.setdefault(w.lower(), set()).add(t)
    lex.ambiguous = {w for w, ts in seen.items() if len(ts) > 1}
    for key, t in data.pairs.items():
        verb, _, obj = key.lower().partition(" ")
        lex.pairs[(verb, obj.strip())] = t
    lex.classes = {k: _low(v) for k, v in data.classes.items()}
    single, multi = _words(data.reverse.verbs)
    lex.reverse_verbs = single
    lex.reverse_particles = {(p[0], p[1]) for p in multi}
    lex.reverse_nouns = _low(data.reverse.nouns)
    lex.light = _low(data.light.verbs)
    lex.inverse = _low(data.light.inverse)
    lex.purpose = _low(data.light.purpose)
    lex.transitive = {k.lower(): v for k, v in data.transitive.items()}
    intent = data.intent
    lex.intent_verbs = _low(intent.verbs)
    lex.intent_object_types = set(intent.object_types)
    lex.intent_adjs = _low(intent.adjs)
    lex.intent_aux = _low(intent.aux)
    lex.must = _low(intent.must)
    lex.consider = _low(intent.consider)
    lex.refuse = _low(intent.refuse)
    lex.stative = _low(data.stative.verbs)
    lex.may = _low(intent.may)
    lex.unless = _low(data.conditions.unless)
    lex.if_words = _low(data.conditions.if_)
    lex.nonstate_types = {k.lower(): v for k, v in data.nonstate_types.items()}
    lex.negation = _low(data.negation.words)
    lex.claims = _low(data.claims.nouns)
    single, multi = _words(data.reporting.verbs)
    lex.reporting = single
    lex.reporting_particles = {(p[0], p[1]) for p in multi}
    lex.background = _low(data.background.adverbs)
    lex.imperfect_aux = _low(data.background.imperfect_aux)
    lex.past_aux = _low(data.background.past_aux)
    lex.pronouns = _low(data.arguments.pronouns)
    lex.object_preps = _low(data.arguments.object_preps)
    lex.skip_preps = _low(data.arguments.skip_preps)
    lex.idioms = {(p[0], p[1]) for p in _words(data.not_events.idioms)[1]}
    lex.not_event_words = _low(data.not_events.words)
    lex.preps = {k: _low(v) for k, v in data.prepositions.model_dump().items()}
    lex.modes = {t: {m: _low(ws) for m, ws in modes.items()} for t, modes in data.modes.items()}
    lex.violence_generic = _low(data.violence.generic)
    lex.violence_heavy = _low(data.violence.heavy)
    for code, ws in data.sectors.items():
        if code == "state":
            lex.state_words = {w.lower().replace("’", "'") for w in ws}
            continue
        single, multi = _words(ws)
        lex.sectors[code] = single
        for parts in multi:
            lex.sector_phrases.setdefault(parts, code)
    lex.anaphora_country = _low(data.anaphora.country)
    return lex


@lru_cache(maxsize=16)
def load_lexicon(lang: str, extra: tuple[str, ...] = ()) -> Lexicon:
    """The bundled lexicon of ``lang`` merged with extra TOML files (lists are extended).

    Each extra file is validated with the bundled data it extends (errors name that file).
    """
    data = langdata.load(lang, "events")
    if extra:
        raw = langdata.load_raw(lang, "events")
        for item in extra:
            raw = _merge(raw, langdata.read_toml(item))
            data = langdata.validate(Events, raw, item)
    return _build(lang, data)
