"""Outlet registry: identify the publishing outlet from a domain, a site name or a footer.

The bundled registry (``data/outlets.jsonl``) is built by ``claimgraph outlets build`` from
the datasets cited in NOTICE; users add their own outlets in JSONL files (config
``outlets.extra``), which take precedence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimgraph.model import Outlet

TYPOLOGY_LABELS = {
    # State Media Monitor typology, as used in the State Media Matrix (see NOTICE).
    "SC": "state-controlled media",
    "CaPu": "captured public media",
    "CaPr": "captured private media",
    "ISFM": "independent state-funded and state-managed media",
    "ISF": "independent state-funded media",
    "ISM": "independent state-managed media",
    "IP": "independent public media",
}


CURATED = "claimgraph outlet names and domains (data/outlets_more.jsonl; no country or owner)"


def normalize_name(text: str) -> str:
    """Lowercase, strip accents and punctuation: "Le Monde diplo." -> "le monde diplo"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def domain_of(url: str) -> str | None:
    """The host of ``url`` without a leading www., or None."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


#: trailing words of a site name that are its domain suffix ("Le Monde.fr" -> "le monde fr")
_SUFFIXES = ("com", "fr", "net", "org", "de", "co uk", "uk", "info", "ch", "be", "ca", "es", "it")


def _variants(key: str) -> list[str]:
    out = [key]
    for suffix in _SUFFIXES:
        if key.endswith(" " + suffix):
            out.append(key[: -len(suffix) - 1])
            break
    out += [k[4:] for k in out if k.startswith("the ")]
    return out


@dataclass
class OutletRegistry:
    """Outlets indexed by domain and by normalized name/alias."""

    records: list[dict[str, Any]] = field(default_factory=list)
    by_domain: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_name: dict[str, dict[str, Any]] = field(default_factory=dict)
    editions: dict[str, str] = field(default_factory=dict)
    extends: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @classmethod
    def load(cls, extra: list[str | Path] | None = None) -> OutletRegistry:
        """User files (``extra``), then the bundled registry and its supplement.

        A record ``{"extends": NAME, "domains": [...], "aliases": [...]}`` adds domains and
        aliases to the outlet named NAME (a user file can so extend a bundled outlet).
        """
        reg = cls()
        for path in extra or []:
            reg._add_file(Path(path).read_text(encoding="utf-8"), origin=str(path))
        for name in ("outlets.jsonl", "outlets_more.jsonl"):
            bundled = resources.files("claimgraph").joinpath(f"data/{name}")
            if bundled.is_file():
                reg._add_file(bundled.read_text(encoding="utf-8"), origin=f"bundled {name}")
        for origin, rec in reg.extends:
            target = reg.by_name.get(normalize_name(rec["extends"]))
            if target is None:
                raise ValueError(f"{origin}: 'extends' names no known outlet: {rec['extends']!r}")
            target.setdefault("domains", []).extend(rec.get("domains", []))
            target.setdefault("aliases", []).extend(rec.get("aliases", []))
            reg._index(target)
        editions = resources.files("claimgraph").joinpath("data/editions.json")
        if editions.is_file():
            reg.editions = json.loads(editions.read_text(encoding="utf-8"))
        return reg

    def _add_file(self, text: str, origin: str) -> None:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{origin}:{n}: invalid outlet record: {exc}") from exc
            if "extends" in rec:
                self.extends.append((f"{origin}:{n}", rec))
                continue
            if "name" not in rec:
                raise ValueError(f"{origin}:{n}: outlet record without a name")
            if origin == "bundled outlets_more.jsonl":
                rec.setdefault("dataset", CURATED)
            self.add(rec)

    def add(self, rec: dict[str, Any]) -> None:
        """Add an outlet; earlier additions win on conflicts (user files load first)."""
        rec.setdefault("id", normalize_name(rec["name"]).replace(" ", "-"))
        self.records.append(rec)
        self._index(rec)

    def _index(self, rec: dict[str, Any]) -> None:
        for dom in rec.get("domains", []):
            self.by_domain.setdefault(dom.lower().removeprefix("www."), rec)
        for name in [rec["name"], *rec.get("aliases", [])]:
            self.by_name.setdefault(normalize_name(name), rec)

    def from_url(self, url: str) -> Outlet | None:
        dom = domain_of(url)
        while dom:
            if dom in self.by_domain:
                return self._outlet(self.by_domain[dom], f"domain:{dom}")
            dom = dom.split(".", 1)[1] if "." in dom else None
        return None

    def from_name(self, name: str, evidence: str) -> Outlet | None:
        """Look up a site name or footer text; a leading edition word ("French") is kept apart.

        A site name written as a domain ("Le Monde.fr", "dw.com") is also tried as a domain and
        without its suffix, and one with a leading article in English ("the Guardian") without it.
        """
        key = normalize_name(name)
        for cand in _variants(key) if " " in name.strip() else [key]:
            if cand in self.by_name:
                return self._outlet(self.by_name[cand], evidence + (
                    f" as {cand!r}" if cand != key else ""))
        if "." in name and " " not in name.strip():
            found = self.from_url(name.strip())
            if found:
                return found.model_copy(update={"evidence": f"{evidence} as domain"})
        words = key.split()
        for i, word in enumerate(words):
            if word in self.editions:
                rest = " ".join(words[:i] + words[i + 1 :])
                if rest in self.by_name:
                    return self._outlet(self.by_name[rest], evidence, self.editions[word])
        return None

    @staticmethod
    def _outlet(rec: dict[str, Any], evidence: str, edition: str | None = None) -> Outlet:
        typ = rec.get("typology")
        return Outlet(
            id=rec["id"] + (f"-{normalize_name(edition).split()[0]}" if edition else ""),
            name=rec["name"],
            edition=edition or rec.get("edition"),
            country=rec.get("country"),
            country_code=rec.get("country_code"),
            typology=typ,
            typology_label=rec.get("typology_label") or TYPOLOGY_LABELS.get(typ or ""),
            dataset=rec.get("dataset"),
            owner=rec.get("owner"),
            evidence=evidence,
        )
