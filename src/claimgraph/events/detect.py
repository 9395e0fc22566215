"""Rule-based event detection over a spaCy parse: triggers, types, arguments, modes, dates.

One pass per sentence: (1) trigger candidates from the lexicon (verbs, event nouns under light
verbs, verb-object pairs, undoing verbs, phrases); (2) nested candidates are absorbed by the
event that governs them ("agreed to cooperate" is one AGREE), with promises of cooperative acts
typed AGREE and promises of hostile acts THREATEN; (3) negated and merely considered acts are
dropped; (4) actor, recipient and location come from the dependency tree and are coded with the
actor dictionary, the sector words of the lexicon and the document's entities.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from claimgraph.events.actors import ActorCode, ActorDictionary
from claimgraph.events.lexicon import COOPERATIVE, Lexicon
from claimgraph.lang.dates import DateHit, calendar, text_dates
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
PRONOUNS = {"il", "ils", "elle", "elles", "it", "they", "he", "she", "we", "nous", "on"}
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


def dep(tok: Any) -> str:
    return tok.dep_.lower()


def children(tok: Any, deps: set[str]) -> list[Any]:
    return [c for c in tok.children if dep(c) in deps]


def low(tok: Any) -> str:
    return tok.lower_.replace("’", "'")


def lem(tok: Any) -> str:
    return tok.lemma_.lower().replace("’", "'")


class Detector:
    """Finds events in one parsed document."""

    def __init__(self, doc: Document, sdoc: Any, lex: Lexicon, actors: ActorDictionary) -> None:
        self.doc = doc
        self.sdoc = sdoc
        self.lex = lex
        self.actors = actors
        self.base = None
        if doc.published is not None:
            try:
                self.base = dt.date.fromisoformat(doc.published.date[:10])
            except ValueError:
                self.base = None
        # spaCy rebuilds Doc.text on every access: use the document's text when it is the
        # parsed one (the usual case), else build it once
        last = sdoc[-1] if len(sdoc) else None
        same = last is None or doc.text[last.idx:last.idx + len(last.text)] == last.text
        self.text = doc.text if same else sdoc.text
        self.hits = self._dictionary_hits()
        self.phrase_type: dict[int, str] = {}
        self.hit_at: dict[int, tuple[int, int, ActorCode]] = {}
        for h in self.hits:
            for i in range(h[0], h[1]):
                self.hit_at[i] = h
        self.mentions: list[tuple[int, int, Entity]] = sorted(
            ((m.start, m.end, e) for e in doc.entities for m in e.mentions), key=lambda x: x[0])

    # ----- dictionary ---------------------------------------------------------------------
    def _dictionary_hits(self) -> list[tuple[int, int, ActorCode]]:
        hits: list[tuple[int, int, ActorCode]] = []
        words = [t.text for t in self.sdoc]
        spaces = [t.whitespace_ for t in self.sdoc]
        n = len(words)
        i = 0
        maxw = min(self.actors.max_words + 2, 8)
        while i < n:
            found = None
            text = ""
            texts = []
            for j in range(i, min(n, i + maxw)):  # span texts without building spaCy spans
                text += words[j]
                texts.append((j + 1, text))
                text += spaces[j]
            for j, span_text in reversed(texts):
                code = self.actors.get(span_text)
                if code is not None:
                    found = (i, j, code)
                    break
            if found is None and "-" in words[i]:
                codes = self.actors.compound(words[i])
                if codes:
                    found = (i, i + 1, codes[0])
            if found:
                hits.append(found)
                i = found[1]
            else:
                i += 1
        return hits

    def last_country_before(self, tok_i: int, exclude: str | None) -> ActorCode | None:
        for s, _e, code in reversed(self.hits):
            if s < tok_i and code.kind in ("country", "capital") and code.country != exclude:
                return code
        return None

    # ----- candidates ---------------------------------------------------------------------
    def candidates(self, sent: Any) -> list[Candidate]:
        lex = self.lex
        out: list[Candidate] = []
        taken: set[int] = set()
        # multi-word phrases first
        text = sent.text.lower().replace("’", "'")
        for phrase, typ in lex.phrases_longest_first():
            pos = text.find(phrase)
            while pos >= 0:
                before = text[pos - 1] if pos > 0 else " "
                after_i = pos + len(phrase)
                after = text[after_i] if after_i < len(text) else " "
                if not before.isalnum() and not after.isalnum():
                    span = sent.char_span(pos, after_i, alignment_mode="expand")
                    if span is not None and not any(t.i in taken for t in span):
                        root = span.root
                        head = root.head if root.pos_ in ("NOUN", "PROPN") and \
                            root.head.pos_ in ("VERB", "AUX") and dep(root) in OBJ else root
                        out.append(Candidate(typ, span.start, span.end, head,
                                             root if root.pos_ in ("NOUN", "PROPN") else None,
                                             lemma=phrase))
                        taken.update(t.i for t in span)
                        self.phrase_type.update(dict.fromkeys((t.i for t in span), typ))
                pos = text.find(phrase, pos + 1)
        for tok in sent:
            if tok.i in taken:
                continue
            cand = self._token_candidate(tok, taken)
            if cand is not None:
                out.append(cand)
                taken.update(range(cand.start, cand.end))
                taken.update(cand.consumed)
                if cand.noun is not None:
                    taken.add(cand.noun.i)
        # "X said (that) Y must ..." -> DEMAND
        for tok in sent:
            cand = self._must_candidate(tok)
            if cand is not None:
                out.append(cand)
        return out

    def _object(self, tok: Any) -> Any | None:
        objs = children(tok, OBJ) or children(tok, PASS_SUBJ)
        if not objs:
            # fr "mettre fin à X", en "call off the strike": object through a preposition
            for p, n in self.pp_args(tok):
                if p in ("à", "au", "aux", "to", "on", "off", "for") and n.pos_ in ("NOUN", "PROPN"):
                    return n
            return None
        obj = objs[0]
        if lem(obj) in lex_classes(self.lex, "quantity"):
            inner = [n for _p, n in self.pp_args(obj)]
            if inner:
                return inner[0]
        return obj

    def _particle(self, tok: Any) -> str | None:
        for c in tok.children:
            if dep(c) in ("prt", "compound:prt", "fixed", "obj", "dobj", "advmod"):
                key = (lem(tok), lem(c))
                if key in self.lex.verb_particles or key in self.lex.reverse_particles:
                    return lem(c)
        return None

    def _token_candidate(self, tok: Any, taken: set[int]) -> Candidate | None:
        lex = self.lex
        lemma = lem(tok)
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and lemma in lex.verbs
                                            and tok.tag_.startswith("VB")):
            if tok.pos_ == "AUX" and not children(tok, OBJ):
                return None
            if lemma in lex.reporting and children(tok, {"ccomp"}):
                return None
            obj = self._object(tok)
            part = self._particle(tok)
            if part is not None and (lemma, part) in lex.verb_particles:
                return Candidate(lex.verb_particles[(lemma, part)], tok.i, tok.i + 1, tok,
                                 lemma=f"{lemma} {part}")
            reverse = lemma in lex.reverse_verbs or (part is not None and
                                                     (lemma, part) in lex.reverse_particles)
            if obj is not None:
                olemma = lem(obj)
                paired = lex.pair(lemma, olemma)
                if paired:
                    return Candidate(paired, tok.i, tok.i + 1, tok, lemma=f"{lemma} {olemma}",
                                     reversed_personnel=lex.in_class(olemma, "personnel"),
                                     consumed=(obj.i,))
                otype = lex.type_of_noun(olemma) if obj.i not in taken else None
                if reverse and otype is None and obj.i in self.phrase_type:
                    otype = self.phrase_type[obj.i]  # "lifted a state of emergency"
                if reverse and (otype or lex.in_class(olemma, "personnel")):
                    return self._reversed(tok, obj, otype, lemma)
                if otype and (lemma in lex.light or lemma in lex.inverse):
                    return Candidate(otype, obj.i, obj.i + 1, tok, obj, lemma=olemma,
                                     inverse=lemma in lex.inverse)
            if reverse and obj is None and part is None and lemma not in lex.verbs:
                return None
            if lemma in lex.verbs:
                if lemma in lex.reporting and obj is not None and lem(obj) in lex.claims:
                    return None
                return Candidate(lex.verbs[lemma], tok.i, tok.i + 1, tok, lemma=lemma)
            return None
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in taken:
            if lemma in lex.reverse_nouns:
                inner = [n for p, n in self.pp_args(tok) if p in lex.preps.get("source", set())]
                for n in inner:
                    target = n
                    if lem(n) in lex_classes(lex, "quantity"):
                        deeper = [m for _p, m in self.pp_args(n)]
                        target = deeper[0] if deeper else n
                    ttype = lex.type_of_noun(lem(target))
                    if ttype or lex.in_class(lem(target), "personnel"):
                        cand = self._reversed(tok, target, ttype, lemma)
                        cand.noun = tok
                        return cand
                return None
            typ = lex.nouns.get(lemma) or lex.nouns.get(low(tok))
            if typ:
                head = tok.head if dep(tok) in OBJ and tok.head.pos_ in ("VERB", "AUX") else tok
                inverse = head is not tok and lem(head) in lex.inverse
                return Candidate(typ, tok.i, tok.i + 1, head, tok, lemma=lemma, inverse=inverse)
        if tok.pos_ == "ADJ" and lemma in lex.intent_adjs and children(tok, {"xcomp", "ccomp",
                                                                               "obl", "obl:arg",
                                                                               "prep"}):
            return Candidate("AGREE", tok.i, tok.i + 1, tok, lemma=lemma, intent=True)
        return None

    def _reversed(self, tok: Any, obj: Any, otype: str | None, lemma: str) -> Candidate:
        """An undoing verb or noun applied to an event noun or to personnel."""
        lex = self.lex
        personnel = lex.in_class(lem(obj), "personnel")
        subj = children(tok, SUBJ)
        subj_personnel = bool(subj) and lex.in_class(lem(subj[0]), "personnel")
        if personnel or (otype in COOPERATIVE and subj_personnel):
            typ = "RETREAT"
        elif otype in COOPERATIVE:
            typ = "SANCTION"
        else:
            typ = "CONCEDE"
        return Candidate(typ, tok.i, tok.i + 1, tok, lemma=f"{lemma} {lem(obj)}",
                         reversed_personnel=personnel, consumed=(obj.i,))

    def _must_candidate(self, tok: Any) -> Candidate | None:
        lex = self.lex
        lemma = lem(tok)
        if lemma not in lex.must:
            return None
        if dep(tok) == "aux":
            verb = tok.head
        else:
            xs = children(tok, {"xcomp"})
            if not xs:
                return None
            verb = xs[0]
        # the clause must be the complement of a reporting (or demanding) verb with a subject
        clause = tok if dep(tok) != "aux" else verb
        rep = clause.head if dep(clause) in ("ccomp", "xcomp") else None
        if rep is None or not (lem(rep) in lex.reporting or lex.verbs.get(lem(rep)) == "DEMAND"):
            return None
        if lex.verbs.get(lem(rep)) == "DEMAND":
            return None  # the demand verb is a trigger already
        return Candidate("DEMAND", tok.i, tok.i + 1, verb, lemma=lemma, demand_of=rep)

    # ----- syntax helpers -----------------------------------------------------------------
    def pp_args(self, tok: Any) -> list[tuple[str, Any]]:
        """(preposition, noun) pairs attached to ``tok`` (UD obl/nmod or ClearNLP prep/pobj)."""
        out: list[tuple[str, Any]] = []
        for c in tok.children:
            d = dep(c)
            if d == "prep" or (d == "agent" and c.pos_ == "ADP"):
                for g in c.children:
                    if dep(g) in ("pobj", "pcomp"):
                        out.append((low(c) if d == "prep" else "by", g))
            elif d in ("obl", "obl:arg", "obl:mod", "nmod", "obl:agent", "iobj", "nmod:poss"):
                cases = [low(x) for x in c.children if dep(x) in ("case", "fixed")]
                if d == "obl:agent":
                    prep = "par"
                elif cases:
                    prep = " ".join(cases)
                else:
                    prep = ""
                out.append((prep, c))
            elif d == "advmod" and c.pos_ == "ADV":
                for g in c.children:
                    if dep(g) in ("obl:arg", "obl", "nmod"):
                        cases = [low(x) for x in g.children if dep(x) == "case"]
                        out.append((" ".join([low(c), *cases]), g))
        return out

    def subject(self, verb: Any) -> tuple[Any | None, bool]:
        """The subject of ``verb`` and whether the verb is passive (then it is the patient)."""
        s = children(verb, SUBJ)
        if s:
            return s[0], False
        s = children(verb, PASS_SUBJ)
        if s:
            return s[0], True
        return None, False

    def controller(self, verb: Any) -> Any | None:
        """Subject of a subjectless verb: xcomp/advcl/participle take the governing subject."""
        if "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and \
                not children(verb, {"aux", "aux:tense", "aux:pass", "auxpass"}):
            return None
        if verb.tag_ == "VBN" and not children(verb, {"aux", "auxpass"}):
            return None
        cur = verb
        for _ in range(6):
            d = dep(cur)
            head = cur.head
            if head is cur:
                return None
            if d in ("xcomp", "advcl", "acl", "conj", "ccomp", "obl", "obl:arg", "nmod", "obj",
                     "dobj", "pobj", "prep", "pcomp", "acomp") or cur.pos_ in ("NOUN", "ADP"):
                s, passive = self.subject(head) if head.pos_ in ("VERB", "AUX", "ADJ") else (None, 0)
                if s is not None and not passive and s.i != verb.i:
                    if d in ("acl",) and cur.pos_ == "VERB" and "Pres" not in cur.morph.get("Tense") \
                            and cur.tag_ != "VBG":
                        return None
                    return s
                cur = head
                continue
            return None
        return None

    def nominal_controller(self, noun: Any) -> Any | None:
        """Actor of an event noun without its own: the subject of the verb it hangs from
        ("continued their hunger strike", "were converging for a rally")."""
        cur = noun
        for _ in range(2):
            if cur.head is cur or dep(cur) not in NOMINAL_LINKS - {"nmod", "appos", "compound",
                                                                   "conj"}:
                return None
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                if lem(cur) in self.lex.reporting:
                    return None
                subj, passive = self.subject(cur)
                if subj is not None and (not passive or lem(cur) in self.lex.stative):
                    return subj if subj.i != noun.i else None
                if subj is None and dep(cur) == "xcomp":
                    return self.controller(cur)
                return None
            if cur.pos_ != "ADP":
                return None
        return None

    def fallback_recipient(self, c: Candidate) -> Arg | None:
        """The nearest coded party in the event's own clause (breadth first from the trigger):
        "demanded that Hamas renounce ...", "to protest Sweden's decision", "calls by X"."""
        skip: set[int] = set(range(c.start, c.end))
        if c.actor is not None:
            span = self.sdoc.char_span(c.actor.start, c.actor.end, alignment_mode="expand")
            if span is not None:
                skip.update(range(span.start, span.end))
        roots = [t for t in (c.head, c.noun) if t is not None]
        seen = {t.i for t in roots}
        frontier = list(roots)
        for _depth in range(5):
            nxt: list[Any] = []
            for t in frontier:
                for ch in t.children:
                    d = dep(ch)
                    if ch.i in seen or d in ("punct", "parataxis", "cc", "appos") or \
                            (d in SUBJ and t is c.head):
                        continue
                    if lem(ch) in self.lex.reporting and ch.pos_ == "VERB":
                        continue
                    if d in ("advcl", "acl:relcl", "relcl") and any(
                            dep(m) == "mark" and low(m) not in ("unless", "sauf", "à moins")
                            for m in ch.children):
                        continue
                    if d == "prep" and low(ch) in ("according", "despite", "after", "before",
                                                   "since", "during", "like"):
                        continue
                    seen.add(ch.i)
                    nxt.append(ch)
            hits = [t for t in nxt if t.i not in skip and (
                (t.i in self.hit_at and self.hit_at[t.i][2].kind != "capital") or
                (t.i in self.hit_at and t.pos_ == "PROPN") or
                (t.ent_type_ in ("GPE", "NORP", "ORG") and t.pos_ == "PROPN"))]
            for t in sorted(hits, key=lambda x: x.i):
                arg = self.code(t, c.actor.country if c.actor else None)
                if arg is not None and arg.country is not None and not arg.event_type and (
                        c.actor is None or arg.start != c.actor.start):
                    return arg
            frontier = nxt
        return None

    def negated(self, tok: Any) -> bool:
        neg = self.lex.negation
        for c in tok.children:
            if dep(c) == "neg" or (low(c) in neg and dep(c) in ("advmod", "det", "neg", "cc")):
                return True
        return False

    def is_place(self, tok: Any) -> bool:
        if tok.ent_type_ in PLACE_LABELS:
            return True
        h = self.hit_at.get(tok.i)
        return h is not None and h[2].kind in ("country", "capital")

    def actor_like(self, tok: Any) -> bool:
        if tok.i in self.hit_at or tok.ent_type_ in ACTOR_LABELS:
            return True
        lemma, text = lem(tok), low(tok)
        if low(tok) in PRONOUNS and tok.pos_ == "PRON":
            return True
        if lemma in self.lex.anaphora_country:
            return True
        if self.lex.in_class(lemma, "personnel") or self.lex.in_class(lemma, "quantity"):
            return True
        return any(lemma in ws or text in ws for ws in self.lex.sectors.values())

    # ----- arguments ----------------------------------------------------------------------
    def phrase_tokens(self, head: Any) -> list[Any]:
        toks = [head]
        stack = list(head.children)
        while stack:
            t = stack.pop()
            d = dep(t)
            if d in CLAUSE_CUT and not (d in ("acl:relcl", "relcl") and t.pos_ == "PROPN"):
                continue
            toks.append(t)
            stack.extend(t.children)
        return sorted(toks, key=lambda t: t.i)

    def code(self, head: Any, exclude_country: str | None = None) -> Arg | None:
        """Code the noun phrase headed by ``head``: entity, country, sector, name."""
        lex = self.lex
        if head.pos_ == "PRON" and low(head) in PRONOUNS:
            return None
        if lem(head) in lex_classes(lex, "quantity"):
            inner = [n for p, n in self.pp_args(head) if p in lex.preps.get("source", set())]
            if inner and head.i not in self.hit_at:
                sub = self.code(inner[0], exclude_country)
                if sub is not None:
                    toks = self.phrase_tokens(head)
                    sub.start, sub.end = toks[0].idx, toks[-1].idx + len(toks[-1])
                    sub.text = self._name(toks)
                return sub
        toks = self.phrase_tokens(head)
        if head.i in self.hit_at:
            s0, e0, _c = self.hit_at[head.i]
            toks = [t for t in toks if s0 <= t.i < e0 or (t.i < s0 and dep(t) == "det")]
        start = toks[0].idx
        end = toks[-1].idx + len(toks[-1])
        arg = Arg(head=head, start=start, end=end, text=self._name(toks))
        if head.i not in self.hit_at and head.pos_ == "NOUN":
            for t in (head, *children(head, {"nmod", "prep", "pobj", "compound"})):
                if dep(t) == "prep":
                    t = next(iter(children(t, {"pobj"})), t)
                typ = lex.type_of_noun(lem(t))
                if typ and not self._word_sector(t):
                    arg.event_type = typ
                    return arg
        # entity of the document
        ent = None
        for s, e, entity in self.mentions:
            if s <= head.idx < e:
                ent = entity
                break
        arg.entity = ent
        # dictionary: the hit on the head first, then the nearest in the tree
        idx = {t.i for t in toks}
        hits = [h for h in self.hits if h[0] in idx]
        best = None
        if head.i in self.hit_at:
            best = self.hit_at[head.i]
        elif hits:
            def depth(h: tuple[int, int, ActorCode]) -> int:
                t = self.sdoc[h[0]]
                n = 0
                while t.i != head.i and t.head is not t and n < 20:
                    t = t.head
                    n += 1
                return n
            best = min(hits, key=depth)
        if best is not None:
            arg.code = best[2]
            arg.country = best[2].country
        elif lem(head) in lex.anaphora_country:
            code = self.last_country_before(head.i, exclude_country)
            if code is not None:
                arg.code = code
                arg.country = code.country
                arg.text = f"{arg.text} ({self.actors.country_name(code.country or '')})"
        if ent is not None and ent.country:
            arg.country = ent.country
        # sector: entity, head word, dictionary kind, any sector word of the phrase
        arg.sector = ent.sector if ent is not None and ent.sector else None
        if arg.sector is None:
            arg.sector = self._sector_of(head, toks)
        if arg.sector is None and arg.code is not None and arg.code.sector:
            arg.sector = arg.code.sector
        if arg.sector is None:
            for t in toks:
                s = self._word_sector(t)
                if s:
                    arg.sector = s
                    break
        text = " ".join(low(t) for t in toks)
        arg.state = bool(arg.code and arg.code.state) or any(
            w in text.replace(" '", "'").replace("' ", "'") for w in lex.state_words
            if "'" in w) or any(low(t) in lex.state_words and t.i != head.i
                                for t in toks if t.pos_ == "ADJ")
        if arg.country is None and arg.entity is None and arg.sector is None and not (
                head.pos_ == "PROPN" or head.ent_type_ in ACTOR_LABELS or
                lex.in_class(lem(head), "personnel")):
            return None
        return arg

    def _word_sector(self, tok: Any) -> str | None:
        for code, words in self.lex.sectors.items():
            if lem(tok) in words or low(tok) in words:
                return code
        return None

    def _sector_of(self, head: Any, toks: list[Any]) -> str | None:
        words = [low(t) for t in toks]
        lemmas = [lem(t) for t in toks]
        pos = [t.i for t in toks].index(head.i)
        for parts, code in self.lex.sector_phrases.items():
            n = len(parts)
            for i in range(max(0, pos - n + 1), min(pos + 1, len(words) - n + 1)):
                if tuple(words[i:i + n]) == parts or tuple(lemmas[i:i + n]) == parts:
                    return code
        return self._word_sector(head) if head.pos_ != "PROPN" or head.i not in self.hit_at \
            else None

    def _name(self, toks: list[Any]) -> str:
        while toks and (toks[0].pos_ in ("DET", "PUNCT", "ADP") or dep(toks[0]) == "case"):
            toks = toks[1:]
        while toks and toks[-1].pos_ == "PUNCT":
            toks = toks[:-1]
        if not toks:
            return ""
        return self.text[toks[0].idx: toks[-1].idx + len(toks[-1])]

    def resolve_pronoun(self, tok: Any) -> Any | None:
        """A subject pronoun in a reported clause refers to the reporting verb's subject."""
        cur = tok.head
        for _ in range(4):
            if lem(cur) in self.lex.reporting or lem(cur) in self.lex.intent_verbs:
                s, _p = self.subject(cur)
                if s is not None and s.i != tok.i and s.pos_ != "PRON":
                    return s
            if cur.head is cur:
                break
            cur = cur.head
        return None

    def arguments(self, c: Candidate) -> None:
        lex = self.lex
        source = lex.preps.get("source", set())
        head = c.head
        noun = c.noun
        actor_tok = None
        recip_tok = None
        own = False
        # nominal arguments of the event noun
        if noun is not None:
            for ch in noun.children:
                d = dep(ch)
                if d in ("poss", "nmod:poss") and ch.pos_ != "PRON":
                    actor_tok, own = ch, True
                elif d in ("compound", "amod") and (ch.i in self.hit_at or "-" in ch.text):
                    codes = self.actors.compound(ch.text) if "-" in ch.text else []
                    if len(codes) >= 2:
                        c.actor = Arg(ch, ch.idx, ch.idx + len(ch), codes[0].canonical,
                                      code=codes[0], country=codes[0].country)
                        c.recipient = Arg(ch, ch.idx, ch.idx + len(ch), codes[1].canonical,
                                          code=codes[1], country=codes[1].country)
                        own = True
                    elif ch.i in self.hit_at and actor_tok is None:
                        actor_tok, own = ch, True
                elif d == "amod" and low(ch) in self.actors.prefixes and ch.i + 2 < len(self.sdoc) \
                        and self.sdoc[ch.i + 1].text == "-" and (ch.i + 2) in self.hit_at:
                    first = self.actors.prefixes[low(ch)]
                    second = self.hit_at[ch.i + 2][2]
                    c.actor = Arg(ch, ch.idx, ch.idx + len(ch), first.canonical, code=first,
                                  country=first.country)
                    nxt = self.sdoc[ch.i + 2]
                    c.recipient = Arg(nxt, nxt.idx, nxt.idx + len(nxt), second.canonical,
                                      code=second, country=second.country)
                    own = True
            for prep, n in self.pp_args(noun):
                if c.start <= n.i < c.end:
                    continue
                if prep in lex.preps.get("between", set()):
                    actor_tok, own = n, True
                    conj = children(n, {"conj"}) or [x for x in children(noun, {"conj"})
                                                      if x.i > n.i]
                    if conj:
                        recip_tok = conj[0]
                elif prep in source and c.type in ("FIGHT", "ASSAULT", "COERCE") and \
                        head is not noun and lem(head) in lex.light and \
                        children(head, SUBJ) and recip_tok is None and self.actor_like(n):
                    # "X mounted an invasion of Y": Y undergoes what X's subject does
                    recip_tok = n
                elif actor_tok is None and self.actor_like(n) and (
                        (prep in source | {"by", "par"} and not self.is_place(n)) or
                        (prep in source and (c.inverse or c.type != "RETREAT"))):
                    actor_tok, own = n, True
                elif prep in lex.preps.get("recipient", set()) and self.actor_like(n) and \
                        recip_tok is None and not self.is_place(n):
                    recip_tok = n
        # verbal arguments
        if head.pos_ in ("VERB", "AUX", "ADJ") or head is not noun or children(head, SUBJ):
            subj, passive = self.subject(head)
            agent = [n for p, n in self.pp_args(head) if p in ("by", "par")]
            if agent and actor_tok is None:
                actor_tok, own = agent[0], True
                if not passive and dep(head) == "acl" and recip_tok is None:
                    recip_tok = head.head
            if passive and lem(head) in lex.stative and not agent and subj is not None and \
                    actor_tok is None:
                # "X is opposed to ...", "X was engaged in ...": a state of the subject
                actor_tok, own = subj, True
            elif passive:
                if recip_tok is None and subj is not None and subj.i != (noun.i if noun else -1):
                    recip_tok = subj
            elif c.inverse:
                if subj is not None:
                    recip_tok = subj
            elif subj is not None and actor_tok is None and (noun is None or subj.i != noun.i):
                actor_tok, own = subj, True
            if actor_tok is None and not c.inverse and (subj is None or passive):
                ctrl = self.controller(head)
                if ctrl is not None and (noun is None or ctrl.i != noun.i):
                    actor_tok = ctrl
            if recip_tok is None:
                for o in children(head, IOBJ):
                    recip_tok = o
                    break
            pps = self.pp_args(head)
            obj = self._object(head) if head.pos_ == "VERB" else None
            if obj is not None:
                pps = pps + self.pp_args(obj)
            if noun is not None and noun is not head:
                pps = pps + self.pp_args(noun)
            for prep, n in pps:
                if n is actor_tok or n is recip_tok:
                    continue
                if self.is_place(n) and (prep in lex.preps.get("location", set()) or
                                         (c.type == "RETREAT" and
                                          prep in lex.preps.get("source", set()))):
                    if c.location is None and prep in lex.preps.get("location", set()):
                        c.location = self.code(n)
                    elif c.type == "RETREAT" and recip_tok is None:
                        recip_tok = n
                elif recip_tok is None and (
                        (prep in lex.preps.get("recipient", set()) and self.actor_like(n)
                         and not prep.startswith("auprès")) or
                        (c.type == "RETREAT" and prep in source and
                         lem(n) in lex.anaphora_country)):
                    recip_tok = n
            if recip_tok is None and head.pos_ == "VERB" and c.noun is None and \
                    not c.reversed_personnel:
                for o in children(head, OBJ):
                    if lem(o) in lex.claims or lex.in_class(lem(o), "personnel"):
                        continue
                    owners = [x for x in o.children if dep(x) in ("poss", "nmod:poss", "amod",
                                                                   "compound", "nmod")
                              and x.pos_ != "PRON" and (x.i in self.hit_at or (
                                  dep(x) != "amod" and self.actor_like(x)))]
                    if c.type != "AID" and self.actor_like(o) and o.pos_ != "PRON":
                        recip_tok = o
                    elif owners and c.type != "AID":
                        recip_tok = owners[0]
                    break
        if actor_tok is None and c.actor is None and noun is not None and not c.inverse:
            actor_tok = self.nominal_controller(noun)
        if c.demand_of is not None:
            subj, _p = self.subject(c.demand_of)
            recip_tok = self.subject(head)[0]
            actor_tok, own = subj, True
        # pronouns
        if actor_tok is not None and actor_tok.pos_ == "PRON":
            actor_tok = self.resolve_pronoun(actor_tok)
        if recip_tok is not None and recip_tok.pos_ == "PRON":
            recip_tok = self.resolve_pronoun(recip_tok)
        if c.actor is None and actor_tok is not None:
            c.actor = self.code(actor_tok)
        c.own_actor = own and c.actor is not None
        if c.recipient is None and recip_tok is not None:
            c.recipient = self.code(recip_tok, c.actor.country if c.actor else None)
            if c.recipient is not None and c.actor is not None and \
                    c.recipient.start == c.actor.start:
                c.recipient = None
        if c.location is None and c.recipient is None and noun is not None:
            # "a coup ... in Venezuela": a place anywhere under the event noun
            for t in noun.subtree:
                if t.i != noun.i and self.is_place(t) and t.i not in range(c.start, c.end):
                    cases = {low(x) for x in t.children if dep(x) in ("case", "prep")}
                    if dep(t.head) == "prep":
                        cases.add(low(t.head))
                    if cases & lex.preps.get("location", set()):
                        c.location = self.code(t)
                        break
        if c.recipient is None and c.location is not None and c.location.code is not None and \
                c.location.code.kind in ("country", "capital"):
            loc = c.location
            c.recipient = Arg(loc.head, loc.start, loc.end, loc.text, loc.entity, loc.code,
                              loc.country, "GOV")
        # AID: origin of the goods ("Russian-made weapons") names the supplier
        if c.actor is None and c.type == "AID":
            scope = list(head.subtree) if head is not None else []
            for t in scope:
                h = self.hit_at.get(t.i)
                if h is not None and h[2].kind == "demonym" and \
                        (c.recipient is None or h[2].country != c.recipient.country):
                    c.actor = Arg(t, t.idx, t.idx + len(t), h[2].canonical, code=h[2],
                                  country=h[2].country, sector="GOV")
                    break

    # ----- modes, dates, tense ------------------------------------------------------------
    def mode_of(self, c: Candidate) -> str | None:
        modes = self.lex.modes.get(c.type)
        if not modes:
            return None
        scope: list[Any] = []
        for t in (c.head, c.noun, *(x.head for x in c.absorbed), *(x.noun for x in c.absorbed)):
            if t is None:
                continue
            scope.append(t)
            scope.extend(x for x in t.children if dep(x) not in ("nsubj", "nsubj:pass",
                                                                     "nsubjpass", "punct"))
            obj = self._object(t) if t.pos_ == "VERB" else None
            if obj is not None:
                scope.extend(obj.subtree)
        scope.extend(self.sdoc[c.start:c.end])
        words = {lem(t) for t in scope} | {low(t) for t in scope}
        for mode, keys in modes.items():
            if words & keys:
                return mode
        return None

    def is_background(self, c: Candidate) -> bool:
        lex = self.lex
        cur = c.head
        for _ in range(6):
            for a in cur.children:
                if dep(a) in ("aux", "aux:tense") and "Imp" in a.morph.get("Tense") and \
                        lem(a) in ("avoir", "être"):
                    return True
                if dep(a) == "aux" and lem(a) == "have" and "Past" in a.morph.get("Tense"):
                    return True
                if lem(a) in lex.background and dep(a) in ("advmod",):
                    return True
            if cur.head is cur:
                break
            cur = cur.head
        return False

    def condition(self, head: Any) -> str | None:
        """The conjunction of a conditional clause under ``head`` ("unless", "if"), if any."""
        for ch in head.children:
            if dep(ch) in ("advcl", "ccomp"):
                for m in ch.children:
                    if dep(m) == "mark" and low(m) in self.lex.unless | self.lex.if_words:
                        return low(m)
        return None

    def modal(self, c: Candidate) -> bool:
        """Marked as possible ("may halt", "pourrait suspendre")."""
        h = c.head
        if any(dep(a) == "aux" and lem(a) in self.lex.may for a in h.children):
            return True
        return bool(dep(h) == "xcomp" and lem(h.head) in self.lex.may)

    def future(self, c: Candidate) -> bool:
        """Marked as a promise or plan: future tense, will/would, aller + infinitive."""
        lex = self.lex
        h = c.head
        if "Fut" in h.morph.get("Tense"):
            return True
        for a in h.children:
            if dep(a) in ("aux", "aux:tense") and (lem(a) in lex.intent_aux or low(a) in lex.intent_aux):
                return True
        return bool(dep(h) == "xcomp" and lem(h.head) in lex.intent_aux)


def lex_classes(lex: Lexicon, name: str) -> set[str]:
    return lex.classes.get(name, set())


def descends(tok: Any, anc: Any, lex: Lexicon, limit: int = 8) -> bool:
    """``tok`` lies under ``anc`` through complement links, not crossing a reporting verb."""
    cur = tok
    for _ in range(limit):
        if cur.head is cur:
            return False
        if dep(cur) not in COMPLEMENT or (dep(cur) == "acl" and cur.pos_ == "VERB"):
            return False
        cur = cur.head
        if cur.i == anc.i:
            return True
        if lem(cur) in lex.reporting and cur.pos_ == "VERB":
            return False
    return False


def _describes_thing(c: Candidate, det: Detector) -> bool:
    """A verb trigger in a participial or relative clause on a noun that names no event
    ("property seized by ...", "a helicopter that was captured ..."): background."""
    h = c.head
    if c.noun is not None or dep(h) not in ("acl", "acl:relcl", "relcl"):
        return False
    if dep(h) == "acl" and not (h.tag_ == "VBN" or "Past" in h.morph.get("Tense")):
        return False  # present participles ("..., calling for") often carry the main act
    owner = h.head
    return owner.pos_ in ("NOUN", "PROPN") and not det.lex.type_of_noun(lem(owner)) and \
        owner.i not in det.phrase_type


def _nominal_argument(inner: Candidate, outer: Candidate) -> bool:
    """``inner`` is an event noun that is an argument of ``outer``'s trigger ("rejected the
    offer", "complained over the raids"): it is what the outer event is about, not a new event.
    """
    if inner.noun is None or inner.noun is outer.noun or inner.inverse:
        return False
    targets = {outer.head.i} | ({outer.noun.i} if outer.noun is not None else set())
    cur = inner.noun
    for _ in range(4):
        if dep(cur) not in NOMINAL_LINKS or cur.head is cur:
            return False
        cur = cur.head
        if cur.i in targets:
            return True
        if cur.pos_ in ("VERB", "AUX"):
            return False
    return False


def detect_sentence(det: Detector, sent: Any) -> list[Candidate]:
    """Candidates of one sentence after absorption, intent typing, negation and arguments."""
    lex = det.lex
    cands = det.candidates(sent)
    if not cands:
        return []
    used = {i for c in cands for i in c.consumed}
    cands = [c for c in cands if not any(i in used for i in range(c.start, c.end))]
    for c in cands:
        det.arguments(c)
    # absorption: an event under another event's complement is its content
    cands.sort(key=lambda c: c.head.i)
    for inner in cands:
        for outer in cands:
            if outer is inner or outer.drop or inner.drop:
                continue
            anchor = inner.noun if inner.noun is not None else inner.head
            same = inner.head.i == outer.head.i and (
                outer.demand_of is not None or (outer.noun is None and inner.noun is not None
                                                and _nominal_argument(inner, outer)))
            if not same:
                if inner.head.i == outer.head.i:
                    continue
                if not (descends(anchor, outer.head, lex) or
                        (outer.noun is not None and descends(anchor, outer.noun, lex))):
                    continue
            clausal = dep(anchor) in ("ccomp", "xcomp") and anchor.head.i == outer.head.i
            if clausal and inner.actor is not None and outer.recipient is None and (
                    outer.actor is None or inner.actor.start != outer.actor.start):
                outer.recipient = inner.actor
            argument = not clausal and any(_nominal_argument(inner, o) for o in cands
                                           if o is not inner)
            if argument and inner.actor is not None and outer.recipient is None and (
                    outer.actor is None or (inner.actor.start != outer.actor.start and
                                            inner.actor.country != outer.actor.country)):
                # "rejected a U.S. offer": whoever made the offer is the recipient
                outer.recipient = inner.actor
            if not clausal and not argument and inner.own_actor and outer.actor is not None and \
                    inner.actor is not None and inner.actor.country != outer.actor.country and \
                    inner.actor.start != outer.actor.start:
                # its own actor: a separate event; an outer event noun is its recipient
                if inner.recipient is None:
                    inner.recipient = outer.actor
                continue
            inner.drop = True
            outer.absorbed.append(inner)
    live = [c for c in cands if not c.drop]
    if len(live) > 1:
        for c in live:
            if c.noun is None and _describes_thing(c, det) and any(
                    o is not c and not _describes_thing(o, det) for o in live):
                c.drop = True
        live = [c for c in live if not c.drop]
    for c in live:
        for x in c.absorbed:
            if c.recipient is None and x.recipient is not None and (
                    c.actor is None or x.recipient.country != c.actor.country):
                c.recipient = x.recipient
            if c.location is None and x.location is not None:
                c.location = x.location
        # promises
        inner_types = [x.type for x in c.absorbed]
        if c.intent or (c.lemma in lex.intent_verbs and inner_types):
            if inner_types:
                c.type = "AGREE" if inner_types[0] in COOPERATIVE else "THREATEN"
            elif c.intent:
                c.drop = True
        elif det.future(c) and c.type not in ("THREATEN", "DEMAND", "REJECT", "AGREE",
                                                "DISAPPROVE"):
            c.type = "AGREE" if c.type in COOPERATIVE else "THREATEN"
        # negation
        neg = det.negated(c.head) or (c.noun is not None and det.negated(c.noun))
        if not neg:
            cur = c.head
            for _ in range(4):
                if cur.head is cur or dep(cur) not in ("xcomp", "ccomp", "obj", "dobj", "nmod",
                                                       "pobj", "prep", "nsubj:pass", "nsubjpass"):
                    break
                cur = cur.head
                if lem(cur) in lex.reporting:
                    break
                if det.negated(cur):
                    neg = True
                    if lem(cur) in lex.consider:
                        c.drop = True
                    break
        if neg and not c.drop:
            if det.future(c) and c.type in COOPERATIVE | {"AGREE"}:
                c.type = "REJECT"
            else:
                c.drop = True
        if c.drop:
            continue
        # hypothetical or conditional clauses are not events
        for a in c.head.children:
            if dep(a) == "mark" and low(a) in ("if", "si", "unless"):
                c.drop = True
        if c.drop:
            continue
        # "will withdraw ... unless", "may halt ... if": a conditional act is a threat
        cond = det.condition(c.head)
        if cond is not None and c.type not in ("THREATEN", "DEMAND") and (
                cond in lex.unless or ((det.future(c) or det.modal(c)) and
                                       c.type not in COOPERATIVE | {"AGREE"})):
            c.type = "THREATEN"
    live = [c for c in live if not c.drop]
    for c in live:
        retyped = lex.nonstate_types.get(c.lemma) or lex.nonstate_types.get(lem(c.head))
        if retyped and c.type in ("COERCE", "SANCTION") and c.actor is not None and \
                c.actor.sector in NON_STATE_SECTORS:
            c.type = retyped  # "workers blocked the bridge": a protest
        if c.recipient is None and c.actor is not None:
            c.recipient = det.fallback_recipient(c)
        if c.type in ("ASSAULT", "FIGHT") and (c.lemma in lex.violence_generic or
                                               lem(c.head) in lex.violence_generic):
            words = {lem(t) for t in sent}
            military = c.actor is not None and c.actor.sector in ("MIL", "GOV")
            c.type = "FIGHT" if military or words & lex.violence_heavy else "ASSAULT"
        c.mode = det.mode_of(c)
        c.background = det.is_background(c)
    # dates
    hits = text_dates(sent.text, sent.start_char, calendar(lex.lang), det.base)
    for h in hits:
        span = det.sdoc.char_span(h.start, h.end, alignment_mode="expand")
        if span is None:
            continue
        cur = span.root
        for _ in range(8):
            owner = next((c for c in live if cur.i in (c.head.i, *(range(c.start, c.end)))), None)
            if owner is None and cur.pos_ == "VERB":
                owner = next((c for c in live if c.head.head.i == cur.i and
                              dep(c.head) == "xcomp"), None)
            if owner is not None:
                if owner.date is None:
                    owner.date = h
                break
            if cur.head is cur or (cur.pos_ == "VERB" and cur.i != span.root.i):
                break
            cur = cur.head
    return live
