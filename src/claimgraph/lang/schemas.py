"""Typed schemas of the language data files (``data/<lang>/<name>.toml``, ``data/actors.toml``).

Every model forbids unknown keys, so a misspelt key is an error instead of an empty list.
Sections present in every bundled language are required; word lists inside a section default
to empty. Keys that are free text (phrases, place names, sector codes) are plain dicts, in file
order.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Stance = Literal["deny", "dispute", "question", "report", "estimate", "assert", "support"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE",
    "COERCE", "ASSAULT", "FIGHT",
]
Words = list[str]
Number = int | float  # ints stay ints (vague ranges are written to the output as given)


class Section(BaseModel):
    """A TOML table: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class WordList(Section):
    words: Words = []


# --- cues.toml -------------------------------------------------------------------------------

class StanceWords(Section):
    """Words per cue class."""

    deny: Words = []
    dispute: Words = []
    question: Words = []
    report: Words = []
    estimate: Words = []
    assert_: Words = Field([], alias="assert")
    support: Words = []

    def of(self, stance: str) -> Words:
        """The words of one cue class."""
        return self.assert_ if stance == "assert" else getattr(self, stance)


class CueVerbs(StanceWords):
    copular: Words = []


class CueNouns(StanceWords):
    prepositions: Words = []
    with_object: Words = []
    support_verbs: Words = []
    holder_preps: Words = []
    agents: Words = []
    manner_preps: Words = []


class AccordingTo(Section):
    markers: Words = []
    not_before: Words = []
    never_before: Words = []
    determined: Words = []
    in_markers: Words = []
    in_sources: Words = []
    view_markers: Words = []
    view_nouns: Words = []


class Clause(Section):
    complementizers: Words = []
    question_words: Words = []
    object_cues: Words = []
    infinitive_cues: Words = []
    colon_verbs: Words = []
    addressee_cues: Words = []
    as_marks: Words = []
    manner_preps: Words = []
    object_control: Words = []
    of_preps: Words = []
    as_verbs: Words = []
    line_labels: Words = []
    next_words: Words = []
    raising_verbs: Words = []
    raising_preps: Words = []
    focus_words: Words = []
    clause_cues: Words = []
    expletives: Words = []
    thing_pronouns: Words = []
    copulas: Words = []
    medium_preps: Words = []
    reply_cues: Words = []
    reply_preps: Words = []
    prepositions: Words = []
    naming_verbs: Words = []
    claim_nouns: Words = []


class Nesting(Section):
    keep: Words = []


class CueNegation(Section):
    particles: Words = []
    words: Words = []
    universal: Words = []  # negative quantifiers: "aucun", "jamais", "no", "never", "nothing"
    existential: Words = []  # expletives of "there is"/"il y a": "there", "y"
    comparatives: Words = []  # "plus", "moins": "nobody is more ..." compares, states no fact
    perfect_aux: Words = []  # auxiliaries of a perfect tense: "have", "avoir", "être"
    denial_support: Words = []  # verbs whose denial noun object denies: "apporter un démenti"
    doubt_verbs: Words = []  # verbs of doubt: with a claim noun as content, a dispute


class Fallback(Section):
    inflections: list[tuple[str, str]] = []
    title_case_headlines: bool = False
    credit_lines: Words = []


class NoComment(Section):
    """Refusals to comment ("n'a pas souhaité commenter", "declined to comment")."""

    verbs: Words = []
    nouns: Words = []
    refusals: Words = []  # refusing by themselves: "a refusé de commenter", "declined to comment"
    wishes: Words = []  # refusing when negated: "n'a pas souhaité commenter"
    topic_preps: Words = []  # what a refusal is about: "comment on X", "réagir sur X"
    impersonal: Words = []  # clitics of impersonal phrases: "il n'y a pas eu de réaction"


class Cues(Section):
    verbs: CueVerbs
    phrases: dict[str, Stance]
    according_to: AccordingTo
    clause: Clause
    nesting: Nesting
    nouns: CueNouns
    adjectives: StanceWords
    adverbs: StanceWords
    negation: CueNegation
    content_stance: dict[Stance, Words]
    narration: WordList
    fallback: Fallback = Fallback()
    no_comment: NoComment = NoComment()


# --- chains.toml -----------------------------------------------------------------------------

class Relay(Section):
    participles: Words = []
    agents: Words = []
    relay_cues: Words = []


class Channel(Section):
    prepositions: Words = []
    statement: Words = []
    interview: Words = []
    document: Words = []
    to_outlet: Words = []


class Unnamed(Section):
    nouns: Words = []
    indefinite: Words = []
    citing: Words = []


class Hops(Section):
    """Intermediaries around a statement (attribution/hops.py)."""

    addressee: Words = []
    strict: Words = []  # addressee markers that take known outlets only ("said on CNN")
    with_of: Words = []  # addressee markers followed by an "of" word ("auprès de")
    frames: Words = []
    of: Words = []
    media_nouns: Words = []
    contact: Words = []
    agents: Words = []
    channel_links: Words = []
    channel_skip: Words = []
    documents: Words = []


class Chains(Section):
    relay: Relay
    channel: Channel
    unnamed: Unnamed
    hops: Hops


# --- roles.toml ------------------------------------------------------------------------------

class OrgKind(Section):
    kind: str
    sector: str


class Pronouns(Section):
    PER: Words = []
    PER_ORG: Words = []
    ORG: Words = []
    objects: Words = []  # object clitics, never a subject ("comme l'a dit X")


class Descriptions(Section):
    determiners: Words = []


class Roles(Section):
    titles: WordList
    person_roles: dict[str, Words]  # sector -> role nouns
    org_kinds: dict[str, OrgKind]
    org_parts: WordList
    pronouns: Pronouns
    descriptions: Descriptions
    not_names: WordList


# --- sources.toml, places.toml ---------------------------------------------------------------

class Source(Section):
    name: str
    aliases: Words = []
    country: str | None = None
    kind: str = "outlet"
    sector: str = "MED"


class Sources(Section):
    source: list[Source]


class Organisation(Section):
    country: str
    sector: str
    kind: str


class Places(Section):
    countries: dict[str, str]  # name -> ISO3
    organisations: dict[str, Organisation]
    demonyms: dict[str, str]


# --- quantities.toml -------------------------------------------------------------------------

class Unit(Section):
    skip: Words = []


class NumberFormat(Section):
    decimal_mark: Literal[".", ","] = "."


class Quantities(Section):
    numbers: dict[str, Number]
    multipliers: dict[str, Number]
    vague: dict[str, tuple[Number, Number]]  # phrase -> (low, high)
    unit: Unit
    format: NumberFormat


# --- dates.toml ------------------------------------------------------------------------------

class Calendar(Section):
    weekdays: Annotated[Words, Field(min_length=7, max_length=7)]  # Monday first
    months: Annotated[Words, Field(min_length=12, max_length=12)]  # January first


class PublishedWords(Section):
    relative_days: dict[str, int]  # word -> day offset of the publication date


class StatementWords(Section):
    relative_days: dict[str, int] = {}  # word -> day offset from the publication date
    relative_units: dict[str, tuple[Literal["week", "month", "year"], int]] = {}
    future: Words = []  # "lundi prochain"
    past: Words = []  # "lundi dernier"


class EventWords(Section):
    relative: Words = []  # relative date expressions found in event sentences


class Dates(Section):
    dates: Calendar
    published: PublishedWords
    statements: StatementWords
    events: EventWords


# --- events.toml -----------------------------------------------------------------------------

class TypeWords(Section):
    verbs: Words = []
    nouns: Words = []
    adjs: Words = []
    phrases: Words = []


class EventTypes(Section):
    AGREE: TypeWords = TypeWords()
    CONSULT: TypeWords = TypeWords()
    SUPPORT: TypeWords = TypeWords()
    CONCEDE: TypeWords = TypeWords()
    COOPERATE: TypeWords = TypeWords()
    AID: TypeWords = TypeWords()
    RETREAT: TypeWords = TypeWords()
    INVESTIGATE: TypeWords = TypeWords()
    DEMAND: TypeWords = TypeWords()
    DISAPPROVE: TypeWords = TypeWords()
    REJECT: TypeWords = TypeWords()
    THREATEN: TypeWords = TypeWords()
    SANCTION: TypeWords = TypeWords()
    PROTEST: TypeWords = TypeWords()
    CRIME: TypeWords = TypeWords()
    MOBILIZE: TypeWords = TypeWords()
    COERCE: TypeWords = TypeWords()
    ASSAULT: TypeWords = TypeWords()
    FIGHT: TypeWords = TypeWords()


class Reverse(Section):
    verbs: Words = []
    nouns: Words = []


class Light(Section):
    verbs: Words = []
    inverse: Words = []
    purpose: Words = []  # "summoned the envoy to complain": the purpose clause is the event


class Intent(Section):
    verbs: Words = []
    object_types: list[EventType] = []  # "pledged support": a promised thing of these types is the act
    adjs: Words = []
    aux: Words = []
    must: Words = []
    consider: Words = []
    refuse: Words = []
    may: Words = []


class Verbs(Section):
    verbs: Words = []


class Conditions(Section):
    unless: Words = []
    if_: Words = Field([], alias="if")


class Claims(Section):
    nouns: Words = []


class Background(Section):
    adverbs: Words = []
    imperfect_aux: Words = []  # auxiliaries of a pluperfect in the imperfect ("avait signé")
    past_aux: Words = []  # auxiliaries of a past perfect in the past ("had signed")


class NotEvents(Section):
    idioms: Words = []  # "verb object" lemma pairs that are no event ("tirer parti")
    words: Words = []  # accidents, weather, disasters, sports: a clause about them is no event


class ArgumentWords(Section):
    pronouns: Words = []  # personal pronouns: never coded as an actor by themselves
    object_preps: Words = []  # a verb's object through a preposition ("mettre fin à X")
    skip_preps: Words = []  # prepositional phrases that hold no recipient ("according to")


class Prepositions(Section):
    recipient: Words = []
    location: Words = []
    source: Words = []
    agent: Words = []
    between: Words = []


class Violence(Section):
    generic: Words = []
    heavy: Words = []


class Anaphora(Section):
    country: Words = []


class Events(Section):
    types: EventTypes
    pairs: dict[str, EventType]  # "verb object" (object may be "@class") -> type
    classes: dict[str, Words]
    reverse: Reverse
    light: Light
    intent: Intent
    stative: Verbs
    conditions: Conditions
    nonstate_types: dict[str, EventType]
    negation: WordList
    claims: Claims
    reporting: Verbs
    background: Background
    prepositions: Prepositions
    modes: dict[EventType, dict[str, Words]]
    violence: Violence
    sectors: dict[str, Words]  # sector code (or "state") -> words
    anaphora: Anaphora
    transitive: dict[str, EventType] = {}  # verbs that are triggers only with a direct object
    arguments: ArgumentWords = ArgumentWords()
    not_events: NotEvents = NotEvents()


# --- link.toml -------------------------------------------------------------------------------

class Proportions(Section):
    numbers: dict[str, Number] = {}
    fractions: dict[str, Number] = {}
    ratio: Words = []
    percent: Words = []
    at_most: Words = []
    at_least: Words = []
    most: Words = []
    few: Words = []


class Speakers(Section):
    generic: Words = []


class Topic(Section):
    stopwords: Words = []
    argument_window: int


class Link(Section):
    negation: Words
    negation_window: int
    predicates: dict[str, Words]
    proportions: Proportions
    speakers: Speakers
    topic: Topic


# --- noise.toml ------------------------------------------------------------------------------

class Patterns(Section):
    patterns: Words = []

    @field_validator("patterns")
    @classmethod
    def _compile(cls, value: Words) -> Words:
        import re

        for p in value:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"bad regular expression {p!r}: {exc}") from None
        return value


class Noise(Section):
    share: Patterns
    related: Patterns
    caption: Patterns
    source_footer: Patterns
    navigation: WordList
    boilerplate: Patterns = Patterns()  # site furniture: standards, bylines, paywall, ads
    not_article: Patterns = Patterns()  # lines of login walls and page templates


# --- actors.toml -----------------------------------------------------------------------------

class ActorCountry(Section):
    names: Words = []
    demonyms: Words = []
    prefixes: Words = []
    capitals: Words = []


class ActorOrg(Section):
    names: Words = []
    country: str | None = None
    sector: str | None = None
    state: bool = False


class Actors(Section):
    countries: dict[str, ActorCountry]  # ISO3 -> names
    orgs: dict[str, ActorOrg]


#: Per-language files and their schema.
LANGUAGE_FILES: dict[str, type[Section]] = {
    "chains": Chains, "cues": Cues, "dates": Dates, "events": Events, "link": Link,
    "noise": Noise, "places": Places, "quantities": Quantities, "roles": Roles,
    "sources": Sources,
}
#: Files shared by every language (``data/<name>.toml``).
SHARED_FILES: dict[str, type[Section]] = {"actors": Actors}
