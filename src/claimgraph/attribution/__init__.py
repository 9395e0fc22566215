"""Attribution: entities and source-attributed statements (who said what, stance, chain).

- ``AttributionStage``: the pipeline stage; reads ``Document.nlp`` and fills
  ``Document.entities`` and ``Document.attributions``.
- ``analyse(sdoc, lang)``: both components on a parsed Doc (``claimgraph.quick.attribute``
  parses a text first).
- spaCy factories "claimgraph_entities" and "claimgraph_attributions" (see ``components``).
"""

from __future__ import annotations

from claimgraph.attribution.components import (
    AttributionsComponent,
    EntitiesComponent,
    analyse,
)
from claimgraph.model import Document
from claimgraph.stage import MissingLayer, Stage, register

__all__ = [
    "AttributionStage",
    "AttributionsComponent",
    "EntitiesComponent",
    "analyse",
]



def _publisher(doc: Document) -> str | None:
    if doc.outlet is None:
        return None
    return doc.outlet.name


@register("attribution")
class AttributionStage(Stage):
    """Fills ``entities`` and ``attributions`` from the spaCy Doc of the nlp stage."""

    requires = ("nlp",)

    def process(self, doc: Document) -> Document:
        lang = doc.language or self.config.default_language
        sdoc = doc.nlp
        if sdoc is None:
            raise MissingLayer(self.name, "the spaCy parse (doc.nlp)", "nlp")
        published = doc.published.date if doc.published else None
        with_narration = bool(self.config.get("attribution.narration", True))
        doc.entities, doc.attributions = analyse(
            sdoc, lang, published, _publisher(doc), narration=with_narration
        )
        return doc

