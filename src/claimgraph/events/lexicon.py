"""Per-language event lexicons loaded from ``data/<lang>/events.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimgraph import langdata

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
    intent_verbs: set[str] = field(default_factory=set)
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
    weekdays: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    relative_dates: list[str] = field(default_factory=list)

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
        found = self.pairs.get((verb, obj))
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


def _build(lang: str, data: dict[str, Any]) -> Lexicon:
    lex = Lexicon(lang=lang)
    types = data.get("types", {})
    for t in TYPES:
        spec = types.get(t, {})
        for key, target in (("verbs", lex.verbs), ("nouns", lex.nouns), ("adjs", lex.adjs)):
            single, multi = _words(spec.get(key, []))
            for w in single:
                target.setdefault(w, t)
            for parts in multi:
                if key == "verbs" and len(parts) == 2:
                    lex.verb_particles.setdefault((parts[0], parts[1]), t)
                else:
                    lex.phrases.setdefault(" ".join(parts), t)
        for p in spec.get("phrases", []):
            lex.phrases.setdefault(p.lower().replace("’", "'"), t)
    for key, t in data.get("pairs", {}).items():
        verb, _, obj = key.lower().partition(" ")
        lex.pairs[(verb, obj.strip())] = t
    lex.classes = {k: {w.lower() for w in v} for k, v in data.get("classes", {}).items()}
    rev = data.get("reverse", {})
    single, multi = _words(rev.get("verbs", []))
    lex.reverse_verbs = single
    lex.reverse_particles = {(p[0], p[1]) for p in multi}
    lex.reverse_nouns = {w.lower() for w in rev.get("nouns", [])}
    light = data.get("light", {})
    lex.light = {w.lower() for w in light.get("verbs", [])}
    lex.inverse = {w.lower() for w in light.get("inverse", [])}
    intent = data.get("intent", {})
    lex.intent_verbs = {w.lower() for w in intent.get("verbs", [])}
    lex.intent_adjs = {w.lower() for w in intent.get("adjs", [])}
    lex.intent_aux = {w.lower() for w in intent.get("aux", [])}
    lex.must = {w.lower() for w in intent.get("must", [])}
    lex.consider = {w.lower() for w in intent.get("consider", [])}
    lex.refuse = {w.lower() for w in intent.get("refuse", [])}
    lex.stative = {w.lower() for w in data.get("stative", {}).get("verbs", [])}
    lex.may = {w.lower() for w in intent.get("may", [])}
    cond = data.get("conditions", {})
    lex.unless = {w.lower() for w in cond.get("unless", [])}
    lex.if_words = {w.lower() for w in cond.get("if", [])}
    lex.nonstate_types = {k.lower(): v for k, v in data.get("nonstate_types", {}).items()}
    lex.negation = {w.lower() for w in data.get("negation", {}).get("words", [])}
    lex.claims = {w.lower() for w in data.get("claims", {}).get("nouns", [])}
    single, multi = _words(data.get("reporting", {}).get("verbs", []))
    lex.reporting = single
    lex.reporting_particles = {(p[0], p[1]) for p in multi}
    lex.background = {w.lower() for w in data.get("background", {}).get("adverbs", [])}
    lex.preps = {k: {w.lower() for w in v} for k, v in data.get("prepositions", {}).items()}
    lex.modes = {
        t: {m: {w.lower() for w in ws} for m, ws in modes.items()}
        for t, modes in data.get("modes", {}).items()
    }
    vio = data.get("violence", {})
    lex.violence_generic = {w.lower() for w in vio.get("generic", [])}
    lex.violence_heavy = {w.lower() for w in vio.get("heavy", [])}
    for code, ws in data.get("sectors", {}).items():
        if code == "state":
            lex.state_words = {w.lower().replace("’", "'") for w in ws}
            continue
        single, multi = _words(ws)
        lex.sectors[code] = single
        for parts in multi:
            lex.sector_phrases.setdefault(parts, code)
    lex.anaphora_country = {w.lower() for w in data.get("anaphora", {}).get("country", [])}
    dates = data.get("dates", {})
    lex.weekdays = [w.lower() for w in dates.get("weekdays", [])]
    lex.months = [w.lower() for w in dates.get("months", [])]
    lex.relative_dates = [w.lower().replace("’", "'") for w in dates.get("relative", [])]
    return lex


@lru_cache(maxsize=16)
def load_lexicon(lang: str, extra: tuple[str, ...] = ()) -> Lexicon:
    """The bundled lexicon of ``lang`` merged with extra TOML files (lists are extended)."""
    data = langdata.load(lang, "events")  # cached and shared: _merge builds new dicts
    for item in extra:
        data = _merge(data, tomllib.loads(Path(item).read_text(encoding="utf-8")))
    return _build(lang, data)
