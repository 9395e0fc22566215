"""spaCy models, loaded once per process and per language, and the nlp stage.

A text longer than ``nlp.chunk_chars`` is parsed in chunks cut at paragraph breaks (a
paragraph longer than that at a sentence end or a space) and the chunk Docs joined into one
Doc of the whole text, so offsets stay global and spaCy's length limit (E088) never applies;
a text longer than ``limits.max_chars`` is rejected as ``too_long``.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.model import Document
from claimgraph.stage import Result, Stage, guarded, register

_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?…»\"]\s+")

_MODELS: dict[str, Any] = {}
_LOCK = threading.Lock()


def load_model(name: str) -> Any:
    """Load (once per process) the spaCy pipeline ``name``: a package name or a path."""
    with _LOCK:
        if name not in _MODELS:
            import spacy

            try:
                _MODELS[name] = spacy.load(name)
            except OSError as exc:
                raise RuntimeError(
                    f"spaCy model {name!r} is not installed; install it with pip or "
                    f"'python -m spacy download {name}', or set models.<lang> in the config"
                ) from exc
        return _MODELS[name]


def nlp_for(config: Config, lang: str) -> Any:
    return load_model(config.model_name(lang))


def chunk_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """``[start, end)`` bounds covering ``text``, each at most ``size`` characters, cut after a
    paragraph break, else after a sentence end, else after a space, else anywhere."""
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > size:
        window = text[start : start + size]
        cut = 0
        for pattern in (_PARAGRAPH, _SENTENCE_END):
            ends = [m.end() for m in pattern.finditer(window)]
            if ends and ends[-1] > size // 4:
                cut = ends[-1]
                break
        if not cut:
            space = window.rfind(" ")
            cut = space + 1 if space > size // 4 else size
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, n))
    return bounds


def parse_long(nlp: Any, text: str, size: int, batch_size: int = 4) -> Any:
    """One Doc of ``text`` parsed in chunks of at most ``size`` characters (global offsets)."""
    from spacy.tokens import Doc

    chunks = [text[a:b] for a, b in chunk_bounds(text, size)]
    if len(chunks) == 1:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(chunks, batch_size=batch_size)), ensure_whitespace=False)
    assert doc.text == text
    return doc


@register("nlp")
class NlpStage(Stage):
    """Parses each document's clean text and title with its language's spaCy model (batched).

    The only stage that runs spaCy. The Docs are attached as ``doc.nlp`` and
    ``doc.nlp_title`` (private attributes, never serialised).
    """

    def __init__(self, config: Config, batch_size: int = 32) -> None:
        super().__init__(config)
        self.batch_size = batch_size
        self.chunk_chars = int(config.get("nlp.chunk_chars", 100_000))
        self.max_chars = int(config.get("limits.max_chars", 2_000_000))

    def _too_long(self, doc: Document) -> RejectedInput | None:
        if len(doc.text) <= self.max_chars:
            return None
        return RejectedInput(
            "too_long", f"the article text is {len(doc.text)} characters after cleaning, over "
            f"the limit of {self.max_chars} (raise limits.max_chars to accept it)")

    def pipe(self, docs: list[Document]) -> list[Result]:
        out: list[Result] = list(docs)
        by_lang: dict[str, list[int]] = {}
        for i, doc in enumerate(docs):
            if len(doc.text) > self.max_chars:
                out[i] = guarded(self.name, self._one, doc)  # rejected as too_long
                continue
            if len(doc.text) > self.chunk_chars or len(doc.title or "") > self.chunk_chars:
                out[i] = guarded(self.name, self._one, doc)  # long: alone, in chunks
                continue
            by_lang.setdefault(doc.language or self.config.default_language, []).append(i)
        for lang, idx in by_lang.items():
            try:
                nlp = nlp_for(self.config, lang)
                parsed = nlp.pipe((docs[i].text for i in idx), batch_size=self.batch_size)
                for i, sdoc in zip(idx, parsed, strict=True):
                    docs[i].nlp = sdoc
                titled = [i for i in idx if docs[i].title]
                titles = nlp.pipe((docs[i].title or "" for i in titled), batch_size=self.batch_size)
                for i, tdoc in zip(titled, titles, strict=True):
                    docs[i].nlp_title = tdoc
            except Exception:  # noqa: BLE001 - fall back to one by one to isolate the culprit
                for i in idx:
                    out[i] = guarded(self.name, self._one, docs[i])
        return out

    def _one(self, doc: Document) -> Document:
        too_long = self._too_long(doc)
        if too_long is not None:
            raise too_long
        nlp = nlp_for(self.config, doc.language or self.config.default_language)
        doc.nlp = parse_long(nlp, doc.text, self.chunk_chars)
        doc.nlp_title = parse_long(nlp, doc.title, self.chunk_chars) if doc.title else None
        return doc
