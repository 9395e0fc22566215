"""Clean stage: the seed's Cleaning table (EXPECTED.md) and the noise rules."""

from __future__ import annotations

import pytest
from tests.seed import seed_path

from claimgraph.clean import CleanStage
from claimgraph.clean.lines import normalize_line
from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.model import Document, Origin, content_id

# The Cleaning table of EXPECTED.md: line -> reason.
SEED_REMOVED = {
    1: "navigation",
    5: "caption_other_language",
    6: "caption",
    16: "related",
    22: "related",
    32: "empty",
    34: "share",
    35: "source_footer",
}
SEED_BODY_LINES = [8, 10, 12, 14, 18, 20, 24, 26, 28, 30]


def _doc(raw: str, content_type: str = "text/plain", **meta: str) -> Document:
    return Document(id=content_id(raw), origin=Origin(kind="text"), raw=raw,
                    content_type=content_type, meta=dict(meta))


@pytest.fixture(scope="module")
def stage() -> CleanStage:
    return CleanStage(Config.load(overrides={"outlets.extra": []}))


@pytest.fixture(scope="module")
def seed(stage: CleanStage) -> tuple[Document, list[str]]:
    raw = seed_path().read_text(encoding="utf-8")
    return stage.process(_doc(raw)), raw.split("\n")


def test_seed_removed_lines_and_reasons(seed: tuple[Document, list[str]]) -> None:
    doc, lines = seed
    assert {r.line: r.reason for r in doc.removed} == SEED_REMOVED
    for r in doc.removed:  # each removed line keeps its text
        assert r.text.strip() == lines[r.line - 1].strip() or r.reason == "empty"


def test_seed_body_title_captions(seed: tuple[Document, list[str]]) -> None:
    doc, lines = seed
    assert doc.title == lines[2].strip()
    assert doc.text == "\n\n".join(normalize_line(lines[n - 1]) for n in SEED_BODY_LINES)
    assert "\u00a0" not in doc.text and "  " not in doc.text  # one plain space between words
    assert [(c.line, c.text) for c in doc.captions] == [(6, normalize_line(lines[5]))]
    for name in ("Ilhan Omar", "Pelosi", "H.R. 1", "March 08"):
        assert name not in doc.text


def test_seed_document_facts(seed: tuple[Document, list[str]]) -> None:
    doc, _ = seed
    assert doc.language == "fr"
    assert doc.outlet is not None
    assert (doc.outlet.name, doc.outlet.edition, doc.outlet.country_code) == (
        "Press TV", "French edition", "IRN")
    assert doc.outlet.typology == "SC" and doc.outlet.dataset
    assert doc.published is not None
    assert doc.published.date == "2019-06-04" and doc.published.source == "text"
    ev = doc.published.evidence
    assert ev is not None and doc.text[ev.start:ev.end] == ev.text == "hier, lundi 3 juin"


def test_english_noise_and_other_language_line(stage: CleanStage) -> None:
    raw = "\n".join([
        "Menu",
        "Harbour workers walk out over pay",
        "",
        "Dock workers in the port city stopped work on Tuesday, their union said in a statement.",
        "Read more: Port traffic falls for a third month",
        "",
        "Les négociations avec la direction doivent reprendre la semaine prochaine selon eux.",
        "The union said the strike would last until a new offer was made by the employers.",
        "Share this article",
        "Source: Harbour Daily",
    ])
    doc = stage.process(_doc(raw))
    reasons = {r.line: r.reason for r in doc.removed}
    assert reasons == {1: "navigation", 5: "related", 7: "other_language", 9: "share",
                       10: "source_footer"}
    assert doc.language == "en" and doc.title == "Harbour workers walk out over pay"
    assert doc.outlet is not None and doc.outlet.name == "Harbour Daily"  # unknown: kept as named


def test_html_with_metadata(stage: CleanStage) -> None:
    html = """<html><head><title>Une grève paralyse le port</title>
    <meta property="og:site_name" content="Le Monde"><meta name="author" content="Jeanne Dupont">
    <meta property="article:published_time" content="2024-03-05T08:00:00+01:00"></head>
    <body><nav><a href="/">Accueil</a></nav><article><h1>Une grève paralyse le port</h1>
    <p>Les dockers du port ont cessé le travail mardi matin, a annoncé leur syndicat dans un
    communiqué publié en fin de journée.</p>
    <p>Lire aussi : Le trafic portuaire recule pour le troisième mois</p>
    <p>Selon la direction, les négociations reprendront la semaine prochaine avec les
    représentants des salariés.</p></article>
    <script>alert("x")</script></body></html>"""
    doc = stage.process(_doc(html, "text/html"))
    assert doc.title == "Une grève paralyse le port"
    assert doc.published is not None and doc.published.date.startswith("2024-03-05")
    assert doc.published.source == "metadata"
    assert doc.outlet is not None and doc.outlet.name == "Le Monde"
    assert "Lire aussi" not in doc.text and "alert" not in doc.text
    assert any(r.reason == "related" for r in doc.removed)
    assert doc.text.startswith("Les dockers du port")


@pytest.mark.parametrize("raw,ctype", [
    ("<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>",
     "text/html"),
    ("Partager\n\nLire aussi : rien\n", "text/plain"),
])
def test_nothing_left_is_rejected(stage: CleanStage, raw: str, ctype: str) -> None:
    with pytest.raises(RejectedInput) as exc:
        stage.process(_doc(raw, ctype))
    assert exc.value.reason == "empty"


def test_user_outlet_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mine.jsonl"
    extra.write_text('{"name": "Harbour Daily", "country_code": "GBR", "domains": ["harbour.example"]}\n')
    stage = CleanStage(Config.load(overrides={"outlets.extra": [str(extra)]}))
    doc = _doc("Dock strike\n\nDock workers in the port city stopped work on Tuesday, the union said.")
    doc.url = "https://www.harbour.example/news/1"
    out = stage.process(doc)
    assert out.outlet is not None and out.outlet.country_code == "GBR"
    assert out.outlet.evidence == "domain:harbour.example"


def test_html_fragment(stage: CleanStage) -> None:
    html = ("<p>Les dockers du port ont cessé le travail mardi matin, a annoncé leur syndicat "
            "dans un communiqué publié le soir même.</p>")
    doc = stage.process(_doc(html, "text/html"))
    assert doc.text.startswith("Les dockers du port ont cessé le travail")
