"""Shared pieces of the event rules: dependency label sets, token helpers, ``Arg``, ``Candidate``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph.events.actors import ActorCode, ActorDictionary
from claimgraph.events.lexicon import Lexicon
from claimgraph.lang.dates import DateHit
from claimgraph.model import Document, Entity, EventActor, Span

SUBJ = {"nsubj", "csubj", "expl:subj"}
PASS_SUBJ = {"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"}
OBJ = {"obj", "dobj"}
IOBJ = {"iobj", "dative"}
COMPLEMENT = {"xcomp", "ccomp", "obj", "dobj", "nmod", "pobj", "prep", "obl", "obl:arg",
              "obl:mod", "acl", "attr", "oprd", "pcomp", "advcl", "nsubj:pass", "nsubjpass",
              "acomp", "compound", "amod", "appos", "case", "mark", "aux", "advmod", "conj"}
NON_STATE_SECTORS = {"OPP", "REB", "CVL", "REF", "LAB", "NGO", "REL"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PER", "PERSON", "ORG", "GPE", "LOC", "NORP"}
NOMINAL_LINKS = {"obj", "dobj", "pobj", "prep", "obl", "obl:arg", "obl:mod", "nmod", "nsubj:pass",
                 "nsubjpass", "appos", "compound", "conj", "iobj", "dative", "attr", "oprd"}
CLAUSE_CUT = {"acl", "acl:relcl", "relcl", "advcl", "conj", "cc", "punct", "parataxis",
              "ccomp", "xcomp", "dep", "mark"}


@dataclass
class Arg:
    """A coded argument (actor, recipient or location) before it becomes an EventActor."""

    head: Any  # spaCy Token
    start: int  # char offsets of the phrase
    end: int
    text: str
    entity: Entity | None = None
    code: ActorCode | None = None
    country: str | None = None
    sector: str | None = None
    state: bool = False
    event_type: str | None = None  # the argument names an event ("the coup attempt")

    def to_model(self, doc: Document, actors: ActorDictionary) -> EventActor:
        name = self.entity.name if self.entity else self.text
        return EventActor(span=Span(start=self.start, end=self.end, text=doc.text[self.start:self.end]),
                          entity=self.entity.id if self.entity else None, name=name,
                          country=self.country, sector=self.sector)


@dataclass
class Candidate:
    """A trigger found in a sentence, with what the rules learnt about it."""

    type: str
    start: int  # token indices of the trigger [start, end)
    end: int
    head: Any  # the token whose arguments are read (a light verb for "held talks")
    noun: Any | None = None  # the event noun when the trigger is nominal
    lemma: str = ""
    inverse: bool = False
    reversed_personnel: bool = False
    intent: bool = False
    negated: bool = False
    drop: bool = False
    absorbed: list[Candidate] = field(default_factory=list)
    actor: Arg | None = None
    recipient: Arg | None = None
    location: Arg | None = None
    own_actor: bool = False
    consumed: tuple[int, ...] = ()  # tokens used by the trigger (an undone object...)
    demand_of: Any | None = None  # reporting verb whose subject demands ("X said Y must")
    mode: str | None = None
    date: DateHit | None = None
    background: bool = False
    kind: str = "verb"  # how the trigger was found: verb, noun, light, pair, phrase, ...
    retyped: bool = False  # the type comes from a promise, plan or condition
    modality: str | None = None  # negated, possible, planned, conditional (None: asserted)


def dep(tok: Any) -> str:
    return tok.dep_.lower()


def children(tok: Any, deps: set[str]) -> list[Any]:
    return [c for c in tok.children if dep(c) in deps]


def low(tok: Any) -> str:
    return tok.lower_.replace("’", "'")


def lem(tok: Any) -> str:
    return tok.lemma_.lower().replace("’", "'")


def hyphen_lemma(tok: Any) -> str:
    """The lemma of a noun split at a hyphen by the tokenizer, rejoined ("cease - fire" ->
    "cease-fire"), else its own lemma."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and \
            not doc[i - 2].whitespace_:
        return f"{low(doc[i - 2])}-{lem(tok)}"
    return lem(tok)


def lex_classes(lex: Lexicon, name: str) -> set[str]:
    return lex.classes.get(name, set())

