"""Per-language knowledge (cues, roles, sources, places, quantities, time words) from data files.

Everything language-specific lives in ``claimgraph/data/<lang>/*.toml``, validated by
``claimgraph.lang``; this module only turns it into lookup tables. Lexicons are cached per
language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph import lang as langdata
from claimgraph.lang.dates import calendar

STANCE_ORDER = ("deny", "dispute", "question", "report", "estimate", "assert", "support")


def available_languages() -> list[str]:
    """Languages that have data files."""
    return langdata.languages()


def _low(items: Iterable[str]) -> set[str]:
    return {str(x).lower() for x in items}


@dataclass
class SourceInfo:
    """A known news agency or outlet."""

    name: str
    country: str | None
    kind: str
    sector: str = "MED"


@dataclass(frozen=True)
class HopWords:
    """chains.toml [hops]: the words around a statement that name who carried it (hops.py)."""

    addressee: frozenset[str] = frozenset()
    strict: frozenset[str] = frozenset()
    with_of: frozenset[str] = frozenset()
    frames: frozenset[str] = frozenset()
    of: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    contact: frozenset[str] = frozenset()
    agents: frozenset[str] = frozenset()
    channel_links: frozenset[str] = frozenset()
    channel_skip: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NoCommentWords:
    """cues.toml [no_comment]: refusals to comment (nocomment.py)."""

    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()
    wishes: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    impersonal: frozenset[str] = frozenset()


def _frozen(kind: type, section: object) -> object:
    return kind(**{k: frozenset(w.lower() for w in getattr(section, k))
                   for k in kind.__dataclass_fields__})


@dataclass
class Lexicon:
    """Lookup tables for one language."""

    lang: str
    cue_verbs: dict[str, str] = field(default_factory=dict)  # lemma -> stance
    cue_phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    according_markers: list[tuple[str, ...]] = field(default_factory=list)
    according_not_before: set[str] = field(default_factory=set)
    according_never_before: set[str] = field(default_factory=set)
    according_determined: set[str] = field(default_factory=set)  # "per the report", not "per year"
    in_markers: set[str] = field(default_factory=set)  # "in" (a poll, a report)
    in_sources: set[str] = field(default_factory=set)  # documents that speak: poll, survey ...
    view_markers: set[str] = field(default_factory=set)  # "in" (his view), "à" (son avis)
    view_nouns: set[str] = field(default_factory=set)  # view, opinion, eyes ...
    complementizers: set[str] = field(default_factory=set)
    question_words: set[str] = field(default_factory=set)
    object_cues: set[str] = field(default_factory=set)
    infinitive_cues: set[str] = field(default_factory=set)
    colon_verbs: set[str] = field(default_factory=set)  # cues only before a colon ("continued:")
    addressee_cues: set[str] = field(default_factory=set)  # their object is the addressee
    claim_nouns: set[str] = field(default_factory=set)  # 'des rumeurs infondées'
    naming_verbs: set[str] = field(default_factory=set)  # 'qualifier X de mensonges', 'call it absurd'
    as_marks: set[str] = field(default_factory=set)  # "as X put it", "comme l'a dit X"
    as_verbs: set[str] = field(default_factory=set)  # cues only with "object as ...": "see X as Y"
    manner_preps: set[str] = field(default_factory=set)  # "by saying": the subject of the verb speaks
    object_control: set[str] = field(default_factory=set)  # "forced X to admit": X speaks
    of_preps: set[str] = field(default_factory=set)  # "footage of X saying": X speaks
    line_labels: set[str] = field(default_factory=set)  # "Correction:", "Video:" head no speech
    next_words: set[str] = field(default_factory=set)  # "going on to", "adding": what follows is theirs
    raising_verbs: set[str] = field(default_factory=set)  # "X seems to ...": X is no speaker
    raising_preps: set[str] = field(default_factory=set)  # "X seems like Y"
    focus_words: set[str] = field(default_factory=set)  # "about X, particularly Y"
    clause_cues: set[str] = field(default_factory=set)  # cues only with a clause, not an object
    expletives: set[str] = field(default_factory=set)  # "it is clear that ..."
    thing_pronouns: set[str] = field(default_factory=set)  # 'it was labeled "true"'
    copulas: set[str] = field(default_factory=set)  # "be", "être"
    medium_preps: set[str] = field(default_factory=set)  # "said in a statement that ..."
    reply_cues: set[str] = field(default_factory=set)  # "responded to X": X is the content
    reply_preps: set[str] = field(default_factory=set)
    nested_cues: set[str] = field(default_factory=set)
    cue_preps: set[str] = field(default_factory=set)
    cue_nouns: dict[str, str] = field(default_factory=dict)  # noun lemma -> cue class
    cue_adjectives: dict[str, str] = field(default_factory=dict)  # adjective lemma -> cue class
    cue_adverbs: dict[str, str] = field(default_factory=dict)  # "reportedly" -> cue class
    noun_preps: set[str] = field(default_factory=set)  # "concerns about X", "critical of X"
    object_nouns: set[str] = field(default_factory=set)  # nouns taking a prepositional object
    support_verbs: set[str] = field(default_factory=set)  # "voiced concern", "issued a warning"
    holder_preps: set[str] = field(default_factory=set)  # "the claim by X", "l'annonce du X"
    copular_cues: set[str] = field(default_factory=set)  # "X proved (to be) costly": no words
    agent_nouns: set[str] = field(default_factory=set)  # "X is an opponent of Y": X holds it
    noun_manner_preps: set[str] = field(default_factory=set)  # "X acted with hopes of Y": X holds it
    neg_particles: set[str] = field(default_factory=set)
    neg_words: set[str] = field(default_factory=set)
    neg_universal: set[str] = field(default_factory=set)
    denial_support: set[str] = field(default_factory=set)  # "apporter un démenti", "issue a denial"
    doubt_verbs: set[str] = field(default_factory=set)  # "doubt the report": a claim disputed
    neg_existential: set[str] = field(default_factory=set)
    comparatives: set[str] = field(default_factory=set)
    perfect_aux: set[str] = field(default_factory=set)
    content_stance: list[tuple[str, list[set[str] | None]]] = field(default_factory=list)
    narration: list[tuple[str, list[set[str] | None]]] = field(default_factory=list)
    relay_participles: set[str] = field(default_factory=set)
    relay_agents: set[str] = field(default_factory=set)
    relay_cues: set[str] = field(default_factory=set)
    citing: set[str] = field(default_factory=set)
    channel_preps: set[str] = field(default_factory=set)
    channel_statement: set[str] = field(default_factory=set)
    channel_interview: set[str] = field(default_factory=set)
    to_outlet: set[str] = field(default_factory=set)
    unnamed_nouns: set[str] = field(default_factory=set)
    unnamed_indefinite: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    person_roles: dict[str, str] = field(default_factory=dict)  # role (lower) -> sector
    org_kinds: dict[str, dict[str, str]] = field(default_factory=dict)
    org_parts: set[str] = field(default_factory=set)
    pronouns_per: set[str] = field(default_factory=set)
    pronouns_any: set[str] = field(default_factory=set)
    pronouns_org: set[str] = field(default_factory=set)  # "it", "its": never a person
    pronouns_obj: set[str] = field(default_factory=set)  # object clitics: "l'", "le", "lui"
    description_dets: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)
    sources: dict[str, SourceInfo] = field(default_factory=dict)  # surface (lower) -> info
    hops: HopWords = field(default_factory=HopWords)
    no_comment: NoCommentWords = field(default_factory=NoCommentWords)
    countries: dict[str, str] = field(default_factory=dict)  # name (lower) -> ISO3
    organisations: dict[str, dict[str, str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    decimal_mark: str = "."  # "," in French: "3,5 millions"
    inflections: list[tuple[str, str]] = field(default_factory=list)  # ("ing", "e"): hoping->hope
    title_case_headlines: bool = False  # headlines capitalise verbs ("Former Aide Says ...")
    credit_lines: set[tuple[str, str]] = field(default_factory=set)  # ("reporting", "by")
    multipliers: dict[str, float] = field(default_factory=dict)
    vague: list[tuple[list[set[str]], tuple[float, float]]] = field(default_factory=list)
    unit_skip: set[str] = field(default_factory=set)
    weekdays: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    relative_days: dict[str, int] = field(default_factory=dict)
    relative_units: dict[str, tuple[str, int]] = field(default_factory=dict)
    future_words: set[str] = field(default_factory=set)
    past_words: set[str] = field(default_factory=set)

    def stance_of(self, lemma: str) -> str | None:
        return self.cue_verbs.get(lemma.lower())

    def role_sector(self, words: str) -> str | None:
        return self.person_roles.get(words.lower())


def _pattern(text: str) -> list[set[str] | None]:
    """'aucun|aucune * n'' -> [{'aucun','aucune'}, None, {"n'"}] (None: one optional token)."""
    out: list[set[str] | None] = []
    for word in text.lower().split():
        out.append(None if word == "*" else set(word.split("|")))
    return out


@lru_cache(maxsize=8)
def _all_sources() -> dict[str, SourceInfo]:
    out: dict[str, SourceInfo] = {}
    for code in available_languages():
        for item in langdata.load(code, "sources").source:
            info = SourceInfo(name=item.name, country=item.country, kind=item.kind, sector=item.sector)
            for surface in [item.name, *item.aliases]:
                out.setdefault(surface.lower(), info)
    return out


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (LanguageDataError for a language without data)."""
    lex = Lexicon(lang=lang)
    cues = langdata.load(lang, "cues")
    verbs = cues.verbs
    for stance in reversed(STANCE_ORDER):  # earlier classes win on duplicates
        for lemma in verbs.of(stance):
            lex.cue_verbs[lemma.lower()] = stance
    lex.copular_cues = _low(verbs.copular)
    for phrase, stance in cues.phrases.items():
        lex.cue_phrases[tuple(phrase.lower().split())] = stance
    acc = cues.according_to
    lex.according_markers = [tuple(m.lower().split()) for m in acc.markers]
    lex.according_not_before = _low(acc.not_before)
    lex.according_never_before = _low(acc.never_before)
    lex.according_determined = _low(acc.determined)
    lex.in_markers = _low(acc.in_markers)
    lex.in_sources = _low(acc.in_sources)
    lex.view_markers = _low(acc.view_markers)
    lex.view_nouns = _low(acc.view_nouns)
    clause = cues.clause
    lex.complementizers = _low(clause.complementizers)
    lex.question_words = _low(clause.question_words)
    lex.object_cues = _low(clause.object_cues)
    lex.infinitive_cues = _low(clause.infinitive_cues)
    lex.colon_verbs = _low(clause.colon_verbs)
    lex.addressee_cues = _low(clause.addressee_cues)
    lex.naming_verbs = _low(clause.naming_verbs)
    lex.claim_nouns = _low(clause.claim_nouns)
    lex.as_marks = _low(clause.as_marks)
    lex.manner_preps = _low(clause.manner_preps)
    lex.object_control = _low(clause.object_control)
    lex.of_preps = _low(clause.of_preps)
    lex.as_verbs = _low(clause.as_verbs)
    lex.line_labels = _low(clause.line_labels)
    lex.next_words = _low(clause.next_words)
    lex.raising_verbs = _low(clause.raising_verbs)
    lex.raising_preps = _low(clause.raising_preps)
    lex.focus_words = _low(clause.focus_words)
    lex.clause_cues = _low(clause.clause_cues)
    lex.expletives = _low(clause.expletives)
    lex.thing_pronouns = _low(clause.thing_pronouns)
    lex.copulas = _low(clause.copulas)
    lex.medium_preps = _low(clause.medium_preps)
    lex.reply_cues = _low(clause.reply_cues)
    lex.reply_preps = _low(clause.reply_preps)
    lex.nested_cues = _low(cues.nesting.keep)
    lex.cue_preps = _low(clause.prepositions)
    tables = ((cues.nouns, lex.cue_nouns), (cues.adjectives, lex.cue_adjectives),
              (cues.adverbs, lex.cue_adverbs))
    for section, table in tables:
        for stance in reversed(STANCE_ORDER):
            for lemma in section.of(stance):
                table[lemma.lower()] = stance
    nouns = cues.nouns
    lex.noun_preps = _low(nouns.prepositions)
    lex.object_nouns = _low(nouns.with_object)
    lex.support_verbs = _low(nouns.support_verbs)
    lex.holder_preps = _low(nouns.holder_preps)
    lex.agent_nouns = _low(nouns.agents)
    lex.noun_manner_preps = _low(nouns.manner_preps)
    lex.neg_particles = _low(cues.negation.particles)
    lex.neg_words = _low(cues.negation.words)
    lex.neg_universal = _low(cues.negation.universal)
    lex.neg_existential = _low(cues.negation.existential)
    lex.comparatives = _low(cues.negation.comparatives)
    lex.perfect_aux = _low(cues.negation.perfect_aux)
    lex.denial_support = _low(cues.negation.denial_support)
    lex.doubt_verbs = _low(cues.negation.doubt_verbs)
    for stance, phrases in cues.content_stance.items():
        for phrase in phrases:
            lex.content_stance.append((stance, _pattern(phrase)))
    for phrase in cues.narration.words:
        lex.narration.append(("narration", _pattern(phrase)))
    chains = langdata.load(lang, "chains")
    lex.relay_participles = _low(chains.relay.participles)
    lex.relay_agents = _low(chains.relay.agents)
    lex.relay_cues = _low(chains.relay.relay_cues)
    lex.channel_preps = _low(chains.channel.prepositions)
    lex.channel_statement = _low(chains.channel.statement)
    lex.channel_interview = _low(chains.channel.interview)
    lex.to_outlet = _low(chains.channel.to_outlet)
    lex.unnamed_nouns = _low(chains.unnamed.nouns)
    lex.unnamed_indefinite = _low(chains.unnamed.indefinite)
    lex.citing = _low(chains.unnamed.citing)
    roles = langdata.load(lang, "roles")
    lex.titles = _low(roles.titles.words)
    for sector, words in roles.person_roles.items():
        for word in words:
            lex.person_roles.setdefault(word.lower(), sector)
    lex.org_kinds = {k.lower(): v.model_dump() for k, v in roles.org_kinds.items()}
    lex.org_parts = _low(roles.org_parts.words)
    lex.pronouns_per = _low(roles.pronouns.PER)
    lex.pronouns_any = _low(roles.pronouns.PER_ORG)
    lex.pronouns_org = _low(roles.pronouns.ORG)
    lex.pronouns_obj = _low(roles.pronouns.objects)
    lex.description_dets = _low(roles.descriptions.determiners)
    lex.not_names = set(roles.not_names.words)
    lex.sources = _all_sources()
    lex.hops = _frozen(HopWords, chains.hops)  # type: ignore[assignment]
    lex.no_comment = _frozen(NoCommentWords, cues.no_comment)  # type: ignore[assignment]
    places = langdata.load(lang, "places")
    lex.countries = {k.lower(): v for k, v in places.countries.items()}
    lex.organisations = {k.lower(): v.model_dump() for k, v in places.organisations.items()}
    lex.demonyms = {k.lower(): v for k, v in places.demonyms.items()}
    qty = langdata.load(lang, "quantities")
    lex.numbers = {k.lower(): float(v) for k, v in qty.numbers.items()}
    lex.decimal_mark = qty.format.decimal_mark
    lex.inflections = list(cues.fallback.inflections)
    lex.title_case_headlines = cues.fallback.title_case_headlines
    lex.credit_lines = {tuple(m.lower().split()[-2:]) for m in cues.fallback.credit_lines}  # type: ignore[misc]
    lex.multipliers = {k.lower(): float(v) for k, v in qty.multipliers.items()}
    vague = sorted(qty.vague.items(), key=lambda kv: -len(kv[0].split()))
    for phrase, (low, high) in vague:
        lex.vague.append(([set(w.split("|")) for w in phrase.lower().split()], (low, high)))
    lex.unit_skip = _low(qty.unit.skip)
    cal = calendar(lang)
    lex.weekdays = list(cal.weekdays)
    lex.months = list(cal.months)
    lex.relative_days = dict(cal.relative_days)
    lex.relative_units = dict(cal.relative_units)
    lex.future_words = set(cal.future)
    lex.past_words = set(cal.past)
    return lex
