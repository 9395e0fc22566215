"""Statements: the working state of a document and the pieces every construction uses.

The candidate statement (Cand) and source-chain hop (Link), the stance of a cue class, the
per-document context (Ctx: paragraph units, quotations, cues, trimming), the noun phrase of a
token (np_extent) and small token tests (subject, relative pronoun, participle, time word).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimgraph.attribution.cues import Cue, find_cues
from claimgraph.attribution.entities import Ent, EntityIndex
from claimgraph.attribution.lexicon import Lexicon
from claimgraph.attribution.quotes import find_quotes

SUBJ = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "csubj", "obj", "dobj"})
CUT_DEPS = frozenset({"relcl", "acl:relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "cc", "xcomp"})
SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
DASHES = frozenset({",", "—", "–", "--", "―", "-"})
MAX_SPEAKER = 14
PASSIVE_AUX = frozenset({"cop", "aux:pass", "auxpass"})
NOUN_OBJ_DEPS = frozenset({"pobj", "obl", "obl:mod", "obl:arg", "nmod"})
NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl", "acl:relcl", "xcomp", "advcl"})


@dataclass
class Link:
    """A source-chain hop under construction (char span or None)."""

    name: str
    kind: str
    span: tuple[int, int] | None = None
    entity: Ent | None = None
    carried: bool = False


# the speaker's stance toward the content for each cue class of the lexicon: relaying ("report")
# is asserting, contesting a claim or a figure ("dispute") is denying it
STANCE_OF_CLASS = {
    "assert": "assert",
    "report": "assert",
    "deny": "deny",
    "dispute": "deny",
    "estimate": "estimate",
    "question": "question",
    "support": "assert",
}


def stance_of(cue_class: str) -> str:
    """The speaker's stance (assert, deny, estimate, question) for a cue class."""
    return STANCE_OF_CLASS.get(cue_class, "assert")


@dataclass
class Cand:
    """A statement under construction."""

    content: tuple[int, int]  # token range
    kind: str
    stance: str  # the speaker's stance toward the content (assert, deny, estimate, question)
    unit: int
    para: int
    cue: Cue | None = None
    speaker: tuple[int, int] | None = None  # token range
    entity: Ent | None = None
    speaker_name: str | None = None
    role: str | None = None
    negated: bool = False
    stance_evidence: str | None = "cue"
    via: list[Link] = field(default_factory=list)
    inverted: bool = False  # content before the cue (", a déclaré X")
    relayed: bool = False  # turned into a via link of another statement
    quote: bool = False
    cue_class: str | None = None  # the lexicon class of the cue (assert, report, dispute...)
    relayed_words: bool = False  # "quoted X as saying Z": the words another statement relays


class Ctx:
    """Per-document working state."""

    def __init__(self, doc: Doc, lex: Lexicon, index: EntityIndex) -> None:
        self.doc = doc
        self.lex = lex
        self.index = index
        n = len(doc)
        self.unit_of = [0] * n
        self.para_of = [0] * n
        self.units: list[tuple[int, int]] = []
        self._found_quotes = find_quotes(doc.text)
        self._units()
        self.quotes: list[tuple[int, int]] = []  # token ranges
        self.quote_of = [-1] * n
        self._quotes()
        self.cues = find_cues(doc, lex, [q >= 0 for q in self.quote_of])
        self.cue_at = {c.head: c for c in self.cues}
        self.date_words = set(lex.weekdays) | set(lex.relative_days) | set(lex.months)
        self.antecedent: dict[int, tuple[int, int]] = {}  # relative pronoun -> its antecedent

    def _units(self) -> None:
        doc = self.doc
        para = 0
        # an opening quotation mark the parser left at the end of the sentence before ("... said.
        # ''They ...") goes with the sentence it opens
        # (and a closing mark left at the start of the next one goes back to its quotation)
        opens = {q.start for q in self._found_quotes}
        closes = {q.end for q in self._found_quotes}
        sents = [[s.start, s.end] for s in doc.sents]
        for k in range(len(sents) - 1):
            j = sents[k][1] - 1
            while j > sents[k][0] and doc[j].is_space:
                j -= 1
            if j > sents[k][0] and doc[j].idx in opens and doc[j].is_punct:
                sents[k][1] = j
                sents[k + 1][0] = j
                continue
            j = sents[k + 1][0]
            if j + 1 < sents[k + 1][1] and doc[j].is_punct and doc[j].idx + len(doc[j].text) in closes:
                sents[k][1] = j + 1
                sents[k + 1][0] = j + 1
        # a sentence the parser ended on a word, with no punctuation and no line break ("she
        # felt the 13th | Amendment was ..."), goes on into the next one
        merged: list[list[int]] = []
        for s0, s1 in sents:
            last = doc[s0 - 1] if s0 > 0 else None
            if (
                merged
                and last is not None
                and not (last.is_punct or last.is_space)
                and "\n" not in last.whitespace_
                and (last.text[-1:].isalnum() or last.text in (",", "-", "—"))
            ):
                merged[-1][1] = s1
            else:
                merged.append([s0, s1])
        for s0, s1 in merged:
            sent = doc[s0:s1]
            start = sent.start
            for t in sent:
                if "\n" in t.text or "\n" in t.whitespace_:
                    end = t.i if t.is_space else t.i + 1
                    if end > start:
                        self._add_unit(start, end, para)
                    para += 1
                    start = t.i + 1
            if sent.end > start:
                self._add_unit(start, sent.end, para)
        for k, (s, e) in enumerate(self.units):
            for i in range(s, e):
                self.unit_of[i] = k

    def _add_unit(self, start: int, end: int, para: int) -> None:
        doc = self.doc
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            self.units.append((start, end))
            for i in range(start, end):
                self.para_of[i] = para

    def _quotes(self) -> None:
        doc = self.doc
        spans: list[tuple[int, int]] = []
        for q in self._found_quotes:
            sp = doc.char_span(q.start, q.end, alignment_mode="expand")
            if sp is None or len(sp) == 0:
                continue
            spans.append((sp.start, sp.end))
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and self._joinable(merged[-1], (s, e)):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        self.quotes = merged
        for k, (s, e) in enumerate(merged):
            for i in range(s, e):
                self.quote_of[i] = k

    def _joinable(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Two quotations separated by a few words with no cue and no punctuation are one."""
        doc = self.doc
        gap = doc[a[1] : b[0]]
        if len(gap) > 5 or "\n" in gap.text:
            return False
        if any(t.is_punct or t.is_space for t in gap):
            return False
        lex = self.lex
        if any(t.lemma_.lower() in lex.cue_verbs and t.pos_ == "VERB" for t in gap):
            return False
        # the first quotation must not look finished on its own
        inner = doc[a[0] : a[1]].text.rstrip('"»”’ ')
        return not inner.endswith((".", "!", "?", ","))

    # --- helpers -------------------------------------------------------------------------
    def unit_bounds(self, i: int) -> tuple[int, int]:
        return self.units[self.unit_of[i]]

    def trim(self, s: int, e: int) -> tuple[int, int]:
        doc = self.doc
        # (a quotation mark that opens or closes a quotation stays, whatever its style: '' ``)
        while s < e and (doc[s].is_space or (
            doc[s].is_punct and doc[s].text not in '"«“‘(' and not self._quote_edge(s, 0)
        )):
            s += 1
        while e > s and (doc[e - 1].is_space or (
            doc[e - 1].is_punct and doc[e - 1].text not in '"»”’)' and not self._quote_edge(e - 1, 1)
        )):
            e -= 1
        return s, e

    def _quote_edge(self, i: int, side: int) -> bool:
        """Token i opens (side 0) or closes (side 1) a quotation."""
        q = self.quote_of[i]
        return q >= 0 and self.quotes[q][side] == i + side

    def quote_ending_at(self, i: int) -> int:
        """Index of a quotation that ends at token i (exclusive) or -1."""
        if i > 0 and self.quote_of[i - 1] >= 0 and self.quotes[self.quote_of[i - 1]][1] == i:
            return self.quote_of[i - 1]
        return -1


def np_extent(ctx: Ctx, tok: Token, lo: int, hi: int) -> tuple[int, int]:
    """The noun phrase of ``tok`` without its relative clauses, within ``[lo, hi)``."""
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    for c in tok.rights:
        if c.dep_ in CUT_DEPS and c.dep_ != "conj":
            right = min(right, c.left_edge.i)
    for c in tok.lefts:
        if c.dep_ in ("advcl", "parataxis", "ccomp", "acl", "mark", "cc"):
            left = max(left, c.right_edge.i + 1)
    left, right = max(left, lo), min(right, hi)
    if right - left > MAX_SPEAKER or left > tok.i or right <= tok.i:
        # too long: the phrase up to the first punctuation after the head
        doc = ctx.doc
        left = max(lo, min(tok.left_edge.i, tok.i))
        if tok.i - left > 4:
            left = tok.i
            while left > lo and doc[left - 1].dep_ in (
                "det",
                "compound",
                "amod",
                "flat",
                "nmod:poss",
                "poss",
            ):
                left -= 1
        right = tok.i + 1
        while (
            right < min(hi, tok.right_edge.i + 1, tok.i + MAX_SPEAKER)
            and not doc[right].is_punct
            and doc[right].pos_ not in ("VERB", "AUX", "SCONJ", "PRON")
        ):
            right += 1
    s, e = ctx.trim(left, right)
    return (s, e) if e > s else (tok.i, tok.i + 1)


def _subject(ctx: Ctx, head: Token) -> Token | None:
    # (a subject in another unit is a parse across a paragraph break: "5:45 p.m. | The doctor is ...")
    subjects = [
        c
        for c in head.children
        if c.dep_ in SUBJ and ctx.quote_of[c.i] < 0 and ctx.unit_of[c.i] == ctx.unit_of[head.i]
    ]
    if (
        len(subjects) > 1
        and subjects[-1].i < head.i
        and any(t.text == "," for t in ctx.doc[subjects[-2].i : subjects[-1].left_edge.i])
    ):
        # two subjects is a parse error ('Hawaii, as one of the advisers pointed out, does not
        # ...'): the one next to the verb
        subjects = subjects[-1:]
    subjects = [c for c in subjects if not _clitic_object(ctx, c, head)]
    for c in subjects:
        if c.lower_ == "-t" and c.i + 1 < len(ctx.doc) and ctx.doc[c.i + 1].lower_.startswith("-"):
            return ctx.doc[c.i + 1]  # "a-t-il": the pronoun after the euphonic t
        return c
    return None


def _clitic_object(ctx: Ctx, c: Token, head: Token) -> bool:
    """A pronoun the parser took for the subject that cannot be one: an object clitic ("comme
    l'a souligné X") or a person the finite verb does not agree with ("nous a expliqué X")."""
    if c.pos_ != "PRON" or c.i > head.i:
        return False
    if c.lower_ in ctx.lex.pronouns_obj:
        return True
    fin = head if "VerbForm=Fin" in str(head.morph) else next(
        (a for a in head.children if a.dep_.startswith("aux") and "VerbForm=Fin" in str(a.morph)), None)
    p, q = c.morph.get("Person"), fin.morph.get("Person") if fin is not None else []
    return bool(p and q and p != q)


def _participle(t: Token) -> bool:
    """A present participle ("disputing", "contestant")."""
    return t.tag_ == "VBG" or ("VerbForm=Part" in str(t.morph) and "Tense=Pres" in str(t.morph))


def _is_time(ctx: Ctx, t: Token) -> bool:
    return t.lower_ in ctx.date_words or t.ent_type_ in ("DATE", "TIME")


def _side_participle(ctx: Ctx, cue: Cue, tok: Token) -> bool:
    """A participle clause hanging on the cue ("said, referring to ...", "speaking of X")."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj"):
        return False
    return tok.head.i == cue.head or (tok.head.dep_ == "ccomp" and tok.head.head.i == cue.head)


def _relative_pronoun(t: Token) -> bool:
    """'who', 'which', 'where', 'that' opening a relative clause of a noun before it."""
    if "PronType=Rel" in str(t.morph) or t.tag_ in ("WDT", "WP$"):
        return True
    return t.dep_ != "mark" and t.head.dep_ in ("relcl", "acl:relcl") and t.head.i > t.i
