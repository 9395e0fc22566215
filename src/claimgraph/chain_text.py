"""How a chain is written everywhere (pages, exports, every CLI command): speaker → relays → outlet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

#: The one arrow between the hops of a chain, speaker first, publisher last.
ARROW = " → "
UNKNOWN_OUTLET = "unknown outlet"


def chain_names(speaker: str | None, via: Sequence[dict[str, Any]], outlet: str | None) -> list[str]:
    """Speaker, the relays its ``via`` names (nearest first), then the publishing outlet.

    An unknown speaker or outlet is named as such, never "?"."""
    names = [speaker or "unnamed source"]
    for hop in via or []:
        name = (hop.get("name") or "").strip()
        if name and hop.get("kind") != "publisher" and name != names[-1]:
            names.append(name)
    publisher = next((h.get("name") for h in via or [] if h.get("kind") == "publisher"), None)
    last = outlet or publisher or UNKNOWN_OUTLET
    if last != names[-1]:
        names.append(last)
    return names


def chain_text(names: Iterable[str | None]) -> str:
    """``Zaemsky → Sputnik → Press TV``; a missing speaker reads "unnamed source", a missing
    relay or outlet "unknown outlet" (never "?")."""
    out = []
    for i, n in enumerate(names):
        missing = not n or n == "?"
        out.append(("unnamed source" if i == 0 else UNKNOWN_OUTLET) if missing else str(n))
    return ARROW.join(out)
