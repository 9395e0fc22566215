"""Actor dictionary: names, demonyms and capitals to country codes, organisations to codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from claimgraph import lang as langdata
from claimgraph.lang.schemas import Actors

Kind = Literal["country", "demonym", "capital", "org"]


@dataclass(frozen=True)
class ActorCode:
    """What a dictionary name codes for."""

    key: str
    country: str | None
    sector: str | None
    kind: Kind
    state: bool = False
    canonical: str = ""


def _fr_forms(word: str) -> set[str]:
    """French adjective forms derived from a masculine singular demonym."""
    w = word.lower()
    forms = {w}
    if w.endswith("ien"):
        fem = w + "ne"
    elif w.endswith(("ais", "ois", "ain", "an", "in", "ol", "al", "ard", "and", "ent", "ien", "on")):
        fem = w + "e"
    elif w.endswith("ec"):
        fem = w + "que"
    elif w.endswith("e"):
        fem = w
    else:
        fem = w + "e"
    forms.add(fem)
    forms.add(fem + "s")
    forms.add(w if w.endswith(("s", "x")) else w + "s")
    if w.endswith("al"):
        forms.add(w[:-2] + "aux")
    return forms


def _en_forms(word: str) -> set[str]:
    w = word.lower()
    return {w, w + "s"} if not w.endswith(("sh", "ese", "ss", "ch")) else {w}


class ActorDictionary:
    """Lower-cased surface forms -> ActorCode, from actors.toml plus user files."""

    def __init__(self, data: Actors) -> None:
        self.forms: dict[str, ActorCode] = {}
        self.names: dict[str, str] = {}
        self.prefixes: dict[str, ActorCode] = {}
        for iso, spec in data.countries.items():
            names = spec.names
            canonical = next((n for n in names if n.isascii()), names[0] if names else iso)
            self.names[iso] = canonical
            for n in names:
                self._add(n, ActorCode(iso, iso, "GOV", "country", canonical=canonical))
            for d in spec.demonyms:
                forms = _en_forms(d) if d[:1].isupper() else _fr_forms(d)
                for f in forms:
                    self._add(f, ActorCode(iso, iso, None, "demonym", canonical=canonical))
            for pre in spec.prefixes:
                self.prefixes[pre.lower()] = ActorCode(iso, iso, None, "demonym", canonical=canonical)
            for c in spec.capitals:
                self._add(c, ActorCode(iso, iso, "GOV", "capital", canonical=canonical))
        for key, spec in data.orgs.items():
            names = spec.names
            code = ActorCode(key, spec.country, spec.sector, "org", spec.state,
                             names[0] if names else key)
            for n in names:
                self._add(n, code)
        self.max_words = max((len(k.split()) for k in self.forms), default=1)

    def _add(self, name: str, code: ActorCode) -> None:
        self.forms[name.lower().replace("’", "'")] = code

    def get(self, text: str) -> ActorCode | None:
        return self.forms.get(text.lower().replace("’", "'"))

    def compound(self, text: str) -> list[ActorCode]:
        """Codes of a hyphenated compound adjective ("russo-vénézuélienne" -> RUS, VEN)."""
        parts = text.lower().replace("’", "'").split("-")
        if len(parts) < 2:
            return []
        codes = [self.prefixes.get(p) or self.forms.get(p) for p in parts]
        return [c for c in codes if c is not None] if all(codes) else []

    def country_name(self, iso: str) -> str:
        return self.names.get(iso, iso)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    for section, entries in over.items():
        if isinstance(entries, dict) and isinstance(out.get(section, {}), dict):
            out.setdefault(section, {})
            out[section].update(entries)
        else:  # not a table: kept so that validation reports it
            out[section] = entries
    return out


@lru_cache(maxsize=8)
def load_actors(extra: tuple[str, ...] = ()) -> ActorDictionary:
    """The bundled actor dictionary merged with user files (later entries win).

    Each user file is validated with the data it extends (errors name that file).
    """
    data = langdata.load_actors()
    if extra:
        raw = langdata.load_raw(None, "actors")
        for item in extra:
            raw = _merge(raw, langdata.read_toml(item))
            data = langdata.validate(Actors, raw, item)
    return ActorDictionary(data)
