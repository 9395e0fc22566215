"""Attribution: entities and source-attributed statements (who said what, stance, chain).

- ``AttributionStage``: the pipeline stage; reads ``Document.nlp`` and fills
  ``Document.entities`` and ``Document.attributions``.
- ``attribute(text, lang="fr", published=None, outlet=None)``: convenience for one text.
- spaCy factories "claimgraph_entities" and "claimgraph_attributions" (see ``components``).
"""

from __future__ import annotations

from claimgraph.attribution.components import (
    AttributionsComponent,
    EntitiesComponent,
    analyse,
)
from claimgraph.config import Config
from claimgraph.model import Attribution, Document, Entity
from claimgraph.pipeline import Stage

__all__ = [
    "AttributionStage",
    "AttributionsComponent",
    "EntitiesComponent",
    "analyse",
    "attribute",
]




def _publisher(doc: Document) -> str | None:
    if doc.outlet is None:
        return None
    return doc.outlet.name


class AttributionStage(Stage):
    """Fills ``entities`` and ``attributions`` from the spaCy Doc of the nlp stage."""

    name = "attribution"

    def process(self, doc: Document) -> Document:
        lang = doc.language or self.config.default_language
        sdoc = doc.nlp
        if sdoc is None:
            from claimgraph.nlp import nlp_for

            sdoc = nlp_for(self.config, lang)(doc.text)
            doc.nlp = sdoc
        published = doc.published.date if doc.published else None
        with_narration = bool(self.config.get("attribution.narration", True))
        doc.entities, doc.attributions = analyse(
            sdoc, lang, published, _publisher(doc), narration=with_narration
        )
        return doc


def attribute(
    text: str,
    lang: str = "fr",
    published: str | None = None,
    outlet: str | None = None,
    config: Config | None = None,
) -> tuple[list[Entity], list[Attribution]]:
    """Entities and attributions of ``text`` (parsed with the configured model of ``lang``)."""
    from claimgraph.nlp import nlp_for

    config = config or Config.load()
    sdoc = nlp_for(config, lang)(text)
    with_narration = bool(config.get("attribution.narration", True))
    return analyse(sdoc, lang, published, outlet, narration=with_narration)
