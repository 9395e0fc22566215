"""Entities: spaCy NER spans, corrected with data files, linked to one canonical entity each.

Corrections: known news agencies and outlets (``sources.toml``) and organisations
(``places.toml``) are ORG whatever the model says; a single token mixing capitals and digits
("S-300VM") is a product, not a place or a person; capitalised common nouns listed in
``roles.toml`` [not_names] and spans that start with a role noun ("Ambassadeur de Russie") are
not names. Mentions are clustered by normalised name, surname (PER) and title ("M. Zaemsky");
appositions and preceding role nouns give roles; definite role descriptions ("l'ambassadeur
russe") join the entity that holds that role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimgraph.attribution.lexicon import Lexicon

LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
}
NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM", "PART"})
STOP_ROLE = frozenset({",", ";", ":", "(", ")", "—", "–", '"', "«", "»", "“", "”"})


@dataclass
class Ent:
    """An entity under construction."""

    idx: int
    label: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    name: str = ""
    key: tuple[str, ...] = ()
    role: str | None = None
    role_span: tuple[int, int] | None = None  # char range
    role_head: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    source: bool = False  # a known news agency or outlet

    @property
    def id(self) -> str:
        return f"E{self.idx + 1}"


@dataclass
class EntityIndex:
    """The entities of one document and a token -> entity map."""

    ents: list[Ent]
    tok2ent: list[int]  # -1 when the token is in no mention

    def in_span(self, start: int, end: int, prefer: tuple[str, ...] = ("PER", "ORG")) -> Ent | None:
        """The best entity with a mention inside tokens ``[start, end)``."""
        found: list[Ent] = []
        for i in range(start, end):
            e = self.tok2ent[i]
            if e >= 0 and self.ents[e] not in found:
                found.append(self.ents[e])
        for label in prefer:
            for ent in found:
                if ent.label == label:
                    return ent
        return None

    def add_mention(self, ent: Ent, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in ent.mentions):
            return
        if any(self.tok2ent[i] >= 0 for i in range(start, end)):
            return
        ent.mentions.append((start, end))
        ent.mentions.sort()
        for i in range(start, end):
            self.tok2ent[i] = ent.idx


_MATCHERS: dict[tuple[int, str], PhraseMatcher] = {}


def _source_matcher(doc: Doc, lex: Lexicon) -> PhraseMatcher:
    key = (id(doc.vocab), lex.lang)
    if key not in _MATCHERS:
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        names = set(lex.sources) | set(lex.organisations)
        # match the names as written in the data files (case-sensitive)
        patterns = [Doc(doc.vocab, words=_split(_surface(low, lex))) for low in names]
        matcher.add("SRC", patterns)
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


_SURFACES: dict[str, dict[str, str]] = {}


def _surface(low: str, lex: Lexicon) -> str:
    table = _SURFACES.get(lex.lang)
    if table is None:
        table = {}
        from claimgraph import lang as langdata
        from claimgraph.attribution.lexicon import available_languages

        for lang in available_languages():
            for item in langdata.load(lang, "sources").source:
                for s in [item.name, *item.aliases]:
                    table.setdefault(s.lower(), s)
            for s in langdata.load(lang, "places").organisations:
                table.setdefault(s.lower(), s)
        _SURFACES[lex.lang] = table
    return table.get(low, low)


def _split(text: str) -> list[str]:
    """Rough tokenisation of a name for the phrase matcher (apostrophes split like spaCy)."""
    words: list[str] = []
    for part in text.split():
        if "'" in part[:-1] and part.index("'") < 3:
            head, tail = part.split("'", 1)
            words.extend([head + "'", tail])
        else:
            words.append(part)
    return words


def _strip(tokens: list[Any], lex: Lexicon) -> list[Any]:
    """Drop leading determiners/titles and a trailing possessive from a mention's tokens."""
    out = list(tokens)
    while out and (
        out[0].lower_ in lex.description_dets
        or out[0].lower_ in lex.titles
        or out[0].lower_ in ("the", "le", "la", "les", "l'", "l’")
    ):
        out = out[1:]
    while out and out[-1].lower_ in ("'s", "’s", "'", "’"):
        out = out[:-1]
    return out


def _is_product(span: Span) -> bool:
    text = span.text
    return (
        len(span) == 1
        and any(c.isdigit() for c in text)
        and any(c.isupper() for c in text)
        and not text.isdigit()
    )


def _role_at(doc: Doc, i: int, lex: Lexicon) -> tuple[int, str] | None:
    """A role noun starting at token i: (number of tokens, sector)."""
    for n in (3, 2, 1):
        if i + n > len(doc):
            continue
        words = " ".join(t.lower_ for t in doc[i : i + n]).replace("' ", "'").replace("’ ", "’")
        sector = lex.person_roles.get(words)
        if sector is None and n == 1:
            sector = lex.person_roles.get(doc[i].lemma_.lower())
        if sector is not None:
            return n, sector
    return None


def _role_extent(doc: Doc, i: int, limit: int) -> int:
    """End (exclusive) of the noun phrase of a role starting at i, before ``limit``."""
    j = i + 1
    while j < min(limit, i + 10):
        t = doc[j]
        if t.text in STOP_ROLE or t.pos_ not in NP_POS or t.ent_type_ in ("PER", "PERSON"):
            break
        j += 1
    while j > i + 1 and doc[j - 1].pos_ in ("ADP", "DET", "CCONJ", "PART"):
        j -= 1
    return j


def _country_in(tokens: Any, lex: Lexicon) -> str | None:
    text = " ".join(t.text for t in tokens)
    for t in tokens:
        code = lex.demonyms.get(t.lower_) or lex.countries.get(t.lower_)
        if code:
            return code
    low = text.lower()
    for name, code in lex.countries.items():
        if " " in name and name in low:
            return code
    return None


def build_entities(doc: Doc, lex: Lexicon) -> EntityIndex:
    """Entities of a parsed document, with mentions, roles and country/sector/kind."""
    n = len(doc)
    spans: list[tuple[int, int, str, Any]] = []  # start, end, label, source info
    taken = [False] * n
    for _, s, e in sorted(_source_matcher(doc, lex)(doc), key=lambda m: (m[1], -m[2])):
        if any(taken[s:e]):
            continue
        low = doc[s:e].text.lower()
        info = lex.sources.get(low)
        if info is None and e - s == 1 and doc[s].is_sent_start and not doc[s].is_title:
            continue
        spans.append((s, e, "ORG", info or lex.organisations.get(low)))
        for i in range(s, e):
            taken[i] = True
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None or any(taken[ent.start : ent.end]):
            continue
        s, e = ent.start, ent.end
        if _is_product(ent):
            label = "MISC"
        if doc[s].text in lex.not_names and e - s == 1:
            continue
        if doc[s].text in lex.not_names or _role_at(doc, s, lex):
            # "Ambassadeur de Russie": a role, not a name; keep the place inside it
            for t in doc[s:e]:
                if t.lower_ in lex.countries and not taken[t.i]:
                    spans.append((t.i, t.i + 1, "LOC", None))
                    taken[t.i] = True
            continue
        while s < e and (doc[s].lower_ in ("the", "le", "la", "l'", "l’") or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].lower_ in ("'s", "’s") or doc[e - 1].is_punct):
            e -= 1
        if s >= e:
            continue
        if s > 0 and doc[s - 1].text.lower() in lex.titles and label in ("PER", "MISC", "LOC"):
            s -= 1
            label = "PER"
        spans.append((s, e, label, None))
        for i in range(s, e):
            taken[i] = True
    spans.sort()

    ents: list[Ent] = []
    tok2ent = [-1] * n
    by_key: dict[tuple[str, ...], Ent] = {}
    index = EntityIndex(ents, tok2ent)

    def new(label: str, key: tuple[str, ...]) -> Ent:
        ent = Ent(idx=len(ents), label=label, key=key)
        ents.append(ent)
        by_key[key] = ent
        return ent

    singles: list[tuple[int, int, str, Any, tuple[str, ...]]] = []
    for s, e, label, info in spans:
        toks = _strip(list(doc[s:e]), lex)
        key = tuple(t.lower_ for t in toks)
        if not key:
            continue
        if len(key) == 1 and label in ("PER", "LOC", "MISC") and info is None:
            singles.append((s, e, label, info, key))
            continue
        ent = by_key.get(key) or new(label, key)
        if info is not None:
            _apply_info(ent, info)
        index.add_mention(ent, s, e)
    for s, e, label, _info, key in singles:
        ent = by_key.get(key)
        if ent is None:
            # surname of an earlier or later multi-word PER name ("Zaemsky", "Guaido")
            cands = [x for x in ents if x.label == "PER" and len(x.key) > 1 and x.key[-1] == key[0]]
            if not cands:
                cands = [x for x in ents if x.label == "PER" and len(x.key) > 1 and key[0] in x.key]
            if not cands and label == "PER":
                # "M. Kovel" after "Dmitar Kovel" that the tagger took for a place or a thing:
                # the full name of the person
                cands = [x for x in ents if x.label in ("LOC", "MISC") and len(x.key) > 1
                         and x.key[-1] == key[0] and x.country is None]
                for x in cands[:1]:
                    x.label = "PER"
            if cands and label in ("PER", "LOC", "MISC") and doc[s:e].text[:1].isupper():
                ent = cands[0]
        if ent is None:
            ent = new(label, key)
        index.add_mention(ent, s, e)

    for ent in ents:
        best = max(ent.mentions, key=lambda m: (len(_strip(list(doc[m[0] : m[1]]), lex)), -m[0]))
        toks = _strip(list(doc[best[0] : best[1]]), lex)
        ent.name = doc[toks[0].i : toks[-1].i + 1].text if toks else doc[best[0] : best[1]].text
        labels = {LABELS.get(doc[m[0]].ent_type_, "") for m in ent.mentions}
        if ent.label != "ORG" and "PER" in labels and len(ent.key) > 1:
            ent.label = "PER"
        if ent.label == "LOC":
            ent.country = lex.countries.get(ent.name.lower())
        org = lex.organisations.get(ent.name.lower())
        if org and not ent.source:
            ent.label = "ORG" if ent.label != "PER" else ent.label
            ent.country = ent.country or org.get("country")
            ent.sector = ent.sector or org.get("sector")
            ent.kind = ent.kind or org.get("kind")
    _roles(doc, lex, index)
    _descriptions(doc, lex, index)
    # number entities in order of first mention
    ents.sort(key=lambda x: x.mentions[0][0])
    old_to_new = {x.idx: k for k, x in enumerate(ents)}
    for k, x in enumerate(ents):
        x.idx = k
    index.tok2ent = [old_to_new[i] if i >= 0 else -1 for i in tok2ent]
    return index


def _apply_info(ent: Ent, info: Any) -> None:
    if hasattr(info, "kind") and hasattr(info, "name"):
        ent.source = True
        ent.label = "ORG"
        ent.country = info.country
        ent.sector = info.sector
        ent.kind = info.kind
        ent.key = tuple(info.name.lower().split())
    elif isinstance(info, dict):
        ent.label = "ORG"
        ent.country = info.get("country")
        ent.sector = info.get("sector")
        ent.kind = info.get("kind")


def _roles(doc: Doc, lex: Lexicon, index: EntityIndex) -> None:
    """Roles from appositions ("X, porte-parole de Y") and role nouns before names."""
    for ent in index.ents:
        for s, e in ent.mentions:
            found = None
            if ent.label == "PER":
                found = _role_after(doc, e, lex) or _role_before(doc, s, lex)
            elif ent.label == "ORG":
                _org_apposition(doc, e, lex, ent)
            if found and ent.role is None:
                rs, re_, sector = found
                ent.role = doc[rs:re_].text
                ent.role_span = (doc[rs].idx, doc[re_ - 1].idx + len(doc[re_ - 1]))
                ent.role_head = doc[rs].lower_
                ent.sector = ent.sector or sector
                ent.country = ent.country or _country_in(doc[rs:re_], lex)


def _role_after(doc: Doc, e: int, lex: Lexicon) -> tuple[int, int, str] | None:
    if e + 1 >= len(doc) or doc[e].text != ",":
        return None
    i = e + 1
    if doc[i].lower_ in lex.description_dets or doc[i].lower_ in ("a", "an", "un", "une", "the"):
        i += 1
    # "X, the former spokesman for Y", "X, ancien porte-parole de Y"
    j = i
    while j < min(len(doc), i + 3):
        hit = _role_at(doc, j, lex)
        if hit:
            return j, _role_extent(doc, j, len(doc)), hit[1]
        if doc[j].pos_ not in ("ADJ", "PROPN", "NOUN"):
            break
        j += 1
    return None


def _role_before(doc: Doc, s: int, lex: Lexicon) -> tuple[int, int, str] | None:
    i = s - 1
    if i < 0:
        return None
    if doc[i].text.lower() in lex.titles:
        i -= 1
    if i >= 0 and doc[i].text == ",":
        end = i
        j = i - 1
        start = None
        while j >= 0 and j >= end - 10 and doc[j].text not in STOP_ROLE and doc[j].pos_ in NP_POS:
            if _role_at(doc, j, lex):
                start = j
            j -= 1
        if start is not None:
            return start, end, _role_at(doc, start, lex)[1]  # type: ignore[index]
        return None
    # "le président Nicolas Maduro", "Stein spokeswoman Melezia Figueroa"
    for j in range(i, max(-1, i - 4), -1):
        if doc[j].text in STOP_ROLE or doc[j].pos_ not in NP_POS:
            break
        hit = _role_at(doc, j, lex)
        if hit and j + hit[0] <= s:
            start = j
            while (
                start - 1 >= 0
                and doc[start - 1].pos_ in ("ADJ", "PROPN")
                and (doc[start - 1].ent_type_ == "" or start - 1 >= j - 2)
            ):
                if doc[start - 1].text in STOP_ROLE:
                    break
                start -= 1
                break
            end = s if doc[s - 1].text.lower() not in lex.titles else s - 1
            return start, end, hit[1]
    return None


def _org_apposition(doc: Doc, e: int, lex: Lexicon, ent: Ent) -> None:
    """'Rostec, société d'État russe ...' -> kind, sector and country of an organisation."""
    if e + 1 >= len(doc) or doc[e].text != ",":
        return
    i = e + 1
    if doc[i].lower_ in ("a", "an", "the", "un", "une", "la", "le", "l'", "l’"):
        i += 1
    j = i
    while j < min(len(doc), i + 8) and doc[j].text not in STOP_ROLE and doc[j].pos_ != "VERB":
        j += 1
    window = doc[i:j]
    text = window.text.lower().replace("’", "'")
    for key in sorted(lex.org_kinds, key=len, reverse=True):
        if text.startswith(key.replace("’", "'")):
            info = lex.org_kinds[key]
            if ent.kind is None:
                ent.kind = info.get("kind")
            if ent.sector is None:
                ent.sector = info.get("sector")
            if ent.country is None:
                ent.country = _country_in(window, lex)
            if ent.role is None:
                ent.role = window.text
            return


def _descriptions(doc: Doc, lex: Lexicon, index: EntityIndex) -> None:
    """Definite role descriptions ("l'ambassadeur russe") join the entity with that role."""
    holders: dict[str, list[Ent]] = {}
    for ent in index.ents:
        if ent.role_head:
            holders.setdefault(ent.role_head, []).append(ent)
    if not holders:
        return
    for t in doc:
        if index.tok2ent[t.i] >= 0 or t.lower_ not in holders or t.i == 0:
            continue
        det = doc[t.i - 1]
        if det.lower_ not in lex.description_dets:
            continue
        end = _role_extent(doc, t.i, len(doc))
        # a name right after the description is its own mention ("le président Maduro")
        if end < len(doc) and index.tok2ent[end] >= 0 and doc[end].pos_ == "PROPN":
            continue
        country = _country_in(doc[t.i : end], lex)
        cands = [x for x in holders[t.lower_] if country is None or x.country in (None, country)]
        if cands:
            # the inner place ("de Russie") stays a place; the description is the person
            cands[0].mentions.append((t.i - 1, end))
            cands[0].mentions.sort()
            for i in range(t.i - 1, end):
                if index.tok2ent[i] < 0:
                    index.tok2ent[i] = cands[0].idx
