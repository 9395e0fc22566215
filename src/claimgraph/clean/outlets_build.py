"""Build the bundled outlet registry from the cited datasets (see NOTICE).

Only facts are taken: an outlet's name, domain, country, typology and owners.
Run: ``claimgraph outlets build --source ../shared/datasets/outlets``.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from claimgraph.clean.outlets import TYPOLOGY_LABELS, domain_of, normalize_name

SMM = "State Media Matrix (ASD at GMF, MIT licence)"
MDIPLO = "Médias français : qui possède quoi ? (Le Monde diplomatique, ODC-By 1.0)"

# Country names of the State Media Matrix that pycountry does not resolve by itself.
_COUNTRY_FIXES = {
    "The Gambia": "GMB", "Russia": "RUS", "Vatican City": "VAT", "Palestine territories": "PSE",
    "DR Congo": "COD", "UAE": "ARE", "Brunei": "BRN", "Turkey": "TUR", "Europen Union": "EUR",
}
_SWISS = {"Suisse": ("Switzerland", "CHE"), "Monaco": ("Monaco", "MCO")}


def _alpha3(country: str) -> str | None:
    if country in _COUNTRY_FIXES:
        return _COUNTRY_FIXES[country]
    try:
        import pycountry

        return pycountry.countries.lookup(country).alpha_3
    except (ImportError, LookupError):
        return None


def _state_media(path: Path) -> list[dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("Main assets") or "").strip()
            if not name:
                continue
            edition = None
            m = re.match(r"^(.*?)\s*\(([^)]*edition[^)]*)\)\s*$", name, flags=re.I)
            if m:
                name, edition = m.group(1), m.group(2)
            dom = domain_of(row.get("URL") or "") if row.get("URL") else None
            key = (normalize_name(name), edition or "")
            if key in out:
                if dom and dom not in out[key]["domains"]:
                    out[key]["domains"].append(dom)
                continue
            typ = (row.get("Typology") or "").strip().rstrip("?") or None
            rec: dict[str, Any] = {
                "name": name,
                "domains": [dom] if dom else [],
                "country": row.get("Country") or None,
                "country_code": _alpha3(row.get("Country") or ""),
                "typology": typ,
                "typology_label": TYPOLOGY_LABELS.get(typ or ""),
                "owner": (row.get("Media company") or "").strip() or None,
                "dataset": SMM,
            }
            if edition:
                rec["edition"] = edition
                rec["id"] = normalize_name(f"{name} {edition}").replace(" ", "-")
            out[key] = rec
    return list(out.values())


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(fh, delimiter="\t")]


def _french_media(folder: Path) -> list[dict[str, Any]]:
    owners: dict[str, list[str]] = {}
    for fname in ("organisation-media.tsv", "personne-media.tsv"):
        if (folder / fname).is_file():
            for r in _read_tsv(folder / fname):
                share = f" ({r['valeur']})" if r.get("valeur") else ""
                owners.setdefault(r["cible"], []).append(r["origine"] + share)
    out = []
    for r in _read_tsv(folder / "medias.tsv"):
        country, code = _SWISS.get(r.get("Echelle", ""), ("France", "FRA"))
        out.append({
            "name": r["Nom"],
            "domains": [],
            "country": country,
            "country_code": code,
            "medium": r.get("Type") or None,
            "owner": "; ".join(owners.get(r["Nom"], [])) or None,
            "dataset": MDIPLO,
        })
    return out


def build_registry(source: Path) -> list[dict[str, Any]]:
    """Outlet records from the State Media Matrix and the Le Monde diplomatique tables."""
    records: list[dict[str, Any]] = []
    if (source / "State_Media_Matrix.csv").is_file():
        records += _state_media(source / "State_Media_Matrix.csv")
    if (source / "medias.tsv").is_file():
        records += _french_media(source)
    if not records:
        raise FileNotFoundError(f"no outlet dataset found in {source}")
    return records


def write_registry(records: list[dict[str, Any]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for rec in records:
            clean = {k: v for k, v in rec.items() if v not in (None, [], "")}
            fh.write(json.dumps(clean, ensure_ascii=False, sort_keys=True) + "\n")
