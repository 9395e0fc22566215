"""spaCy models, loaded once per process and per language, and the nlp stage."""

from __future__ import annotations

import threading
from typing import Any

from claimgraph.config import Config
from claimgraph.model import Document
from claimgraph.stage import Result, Stage, guarded, register

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


@register("nlp")
class NlpStage(Stage):
    """Parses each document's clean text and title with its language's spaCy model (batched).

    The only stage that runs spaCy. The Docs are attached as ``doc.nlp`` and
    ``doc.nlp_title`` (private attributes, never serialised).
    """

    def __init__(self, config: Config, batch_size: int = 32) -> None:
        super().__init__(config)
        self.batch_size = batch_size

    def pipe(self, docs: list[Document]) -> list[Result]:
        out: list[Result] = list(docs)
        by_lang: dict[str, list[int]] = {}
        for i, doc in enumerate(docs):
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
        nlp = nlp_for(self.config, doc.language or self.config.default_language)
        doc.nlp = nlp(doc.text)
        doc.nlp_title = nlp(doc.title) if doc.title else None
        return doc
