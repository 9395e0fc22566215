"""Text helpers shared by the link modules: normalisation, shingles, keys, dates, vectors."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

import numpy as np

from claimgraph.model import Attribution, Document, Entity

_WORD = re.compile(r"\w+", re.UNICODE)
_ARTICLES = {"le", "la", "les", "l", "the", "a", "an", "un", "une", "des", "du", "de", "d"}
_TITLES = {"m", "mme", "mr", "mrs", "ms", "dr", "president", "minister", "ambassador",
           "ambassadeur", "ministre", "general", "gen", "sir"}


def fold(text: str) -> str:
    """Lowercase without accents (``"États-Unis"`` -> ``"etats-unis"``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def shingles(text: str, k: int) -> set[bytes]:
    """Word k-shingles of ``text`` (folded), as bytes for hashing."""
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws).encode()} if ws else set()
    return {" ".join(ws[i : i + k]).encode() for i in range(len(ws) - k + 1)}


def name_key(name: str | None) -> str | None:
    """A key for a name: folded words without leading articles and titles."""
    if not name:
        return None
    ws = words(name)
    while ws and (ws[0] in _ARTICLES or ws[0] in _TITLES):
        ws = ws[1:]
    return " ".join(ws) or None


def entity_keys(entity: Entity) -> list[str]:
    """Keys under which an entity is indexed: its name, a person's surname, a place's country."""
    keys: list[str] = []
    key = name_key(entity.name)
    if key:
        keys.append(key)
        if entity.label == "PER" and " " in key:
            keys.append("per:" + key.rsplit(" ", 1)[1])
    if entity.label == "LOC" and entity.country:
        keys.append("cc:" + entity.country.upper())
    return keys


def doc_entities(doc: Document) -> list[tuple[str, str]]:
    """(key, display name) pairs for the entities of a document, without duplicates."""
    seen: dict[str, str] = {}
    for ent in doc.entities:
        for key in entity_keys(ent):
            seen.setdefault(key, ent.name)
    return list(seen.items())


_NAME = re.compile(r"(?<![\w])(?:[^\W\d_a-zß-ÿ][\w’'-]{2,}|\d[\d.,]*\d)")
_SENT = re.compile(r"(?<=[.!?:»\"”])\s+|\n+")


def name_keys(text: str) -> list[str]:
    """Language-independent keys of a text: its capitalised words that do not open a
    sentence and its numbers of two digits or more, folded, as ``n:`` keys. They let
    documents without entity recognition (a language without a model) share names and
    figures with the others."""
    out: dict[str, None] = {}
    for sent in _SENT.split(text):
        for m in _NAME.finditer(sent):
            if m.start() == 0 and not m.group()[0].isdigit():
                continue
            key = fold(m.group()).strip("’'-.,")
            if len(key) >= 2:
                out.setdefault("n:" + key)
    return list(out)


def statement_entities(doc: Document, att: Attribution) -> list[tuple[str, str]]:
    """(key, name) of the entities mentioned inside the statement's content, and its speaker."""
    start, end = att.content.start, att.content.end
    seen: dict[str, str] = {}
    for ent in doc.entities:
        inside = any(start <= m.start and m.end <= end for m in ent.mentions)
        if inside or (att.speaker_entity and ent.id == att.speaker_entity):
            for key in entity_keys(ent):
                seen.setdefault(key, ent.name)
    return list(seen.items())


def speaker_key(att: Attribution) -> str | None:
    """The speaker's canonical name as a key (the mention when no canonical name)."""
    return name_key(att.speaker_name) or name_key(att.speaker.text if att.speaker else None)


def speakers_compatible(a: str | None, b: str | None) -> bool:
    """Whether two speaker keys may name the same speaker (equal, a shared surname, or unknown)."""
    if not a or not b:
        return True
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    return bool(wa & wb) and (a.rsplit(" ", 1)[-1] == b.rsplit(" ", 1)[-1]
                               or wa <= wb or wb <= wa)


def text_hash(doc: Document) -> str:
    """What linking depends on: the text, the attributions and the entities."""
    h = hashlib.sha256(doc.text.encode())
    for att in doc.attributions:
        h.update(att.model_dump_json().encode())
    for ent in doc.entities:
        h.update(ent.model_dump_json().encode())
    if doc.published:
        h.update(doc.published.date.encode())
    return h.hexdigest()[:16]


def doc_date(doc: Document) -> tuple[date | None, int]:
    """The date a document is placed at and how well it is known: (day, 1) for a
    publication date, (the 15th, 2) for a month-only one, (None, 0) when undated (a
    document is never dated by when it was linked)."""
    if doc.published and doc.published.date:
        iso = doc.published.date
        try:
            return date.fromisoformat(iso[:10]), 1
        except ValueError:
            pass
        try:
            return date.fromisoformat(iso[:7] + "-15"), 2
        except ValueError:
            pass
    return None, 0


def pack(vec: np.ndarray, dtype: str = "<f4") -> bytes:
    return np.asarray(vec, dtype=dtype).tobytes()


def unpack(data: bytes, dtype: str = "<f4") -> np.ndarray:
    return np.frombuffer(data, dtype=dtype).astype(np.float32)


def unit(vec: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(vec))
    return vec / n if n > 0 else vec
