"""One text in, results out: the nlp parse, then one stage's analysis (for scripts and tests).

The pipeline stages never parse; these helpers do it with the nlp layer's model loader.
"""

from __future__ import annotations

from claimgraph.attribution.components import analyse
from claimgraph.config import Config
from claimgraph.model import Attribution, Entity
from claimgraph.nlp import nlp_for


def attribute(
    text: str,
    lang: str = "fr",
    published: str | None = None,
    outlet: str | None = None,
    config: Config | None = None,
) -> tuple[list[Entity], list[Attribution]]:
    """Entities and attributions of ``text`` (parsed with the configured model of ``lang``)."""
    config = config or Config.load()
    sdoc = nlp_for(config, lang)(text)
    with_narration = bool(config.get("attribution.narration", True))
    return analyse(sdoc, lang, published, outlet, narration=with_narration)
