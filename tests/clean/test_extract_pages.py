"""Clean stage on HTML pages: boilerplate, captions, page metadata, outlets, non-articles."""

from __future__ import annotations

import json

import pytest

from claimgraph.clean import CleanStage
from claimgraph.clean.lines import split_lines
from claimgraph.clean.outlets import OutletRegistry
from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.model import Document, Origin, content_id

BODY_EN = [
    "Harbour workers in the northern port walked out on Tuesday after talks over pay broke "
    "down late on Monday night, their union said in a statement.",
    "The port authority said ships would be diverted to other terminals until the dispute was "
    "settled, and that no date had been set for new talks.",
    "A spokeswoman for the employers said the offer on the table was the best the company "
    "could afford this year given the fall in traffic.",
]
BODY_FR = [
    "Les dockers du port ont cessé le travail mardi matin après l'échec des négociations "
    "salariales, a annoncé leur syndicat dans un communiqué publié en fin de journée.",
    "Selon la direction du port, les navires seront détournés vers d'autres terminaux tant que "
    "le conflit durera, et aucune date n'a été fixée pour de nouvelles discussions.",
]


def _html(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _doc(raw: str, url: str | None = None, content_type: str = "text/html") -> Document:
    return Document(id=content_id(raw), origin=Origin(kind="text"), raw=raw, url=url,
                    content_type=content_type)


@pytest.fixture(scope="module")
def stage() -> CleanStage:
    return CleanStage(Config.load(overrides={"outlets.extra": []}))


def test_boilerplate_lines_removed_with_their_pattern(stage: CleanStage) -> None:
    paras = [BODY_EN[0], "Reporting by Jane Roe in London; Editing by John Doe", BODY_EN[1],
             "Join our commenting forum", BODY_EN[2],
             "Our Standards: The Thomson Reuters Trust Principles."]
    html = _html("<title>Harbour workers walk out</title>",
                 "<article><h1>Harbour workers walk out</h1>"
                 + "".join(f"<p>{p}</p>" for p in paras) + "</article>")
    doc = stage.process(_doc(html))
    assert doc.text == "\n\n".join(BODY_EN)
    boiler = {r.text: r.detail for r in doc.removed if r.reason == "boilerplate"}
    assert set(boiler) == set(paras) - set(BODY_EN)
    assert all(d and d.startswith("en/noise.toml [boilerplate]") for d in boiler.values())


def test_french_boilerplate_and_standfirst_kept(stage: CleanStage) -> None:
    standfirst = ("Le syndicat réclame une hausse de salaire de 5 % et menace de prolonger le "
                  "mouvement jusqu'à la fin du mois.")
    html = _html("<title>Grève au port</title>",
                 f"<article><h1>Grève au port</h1><p class='article__desc'>{standfirst}</p>"
                 f"<p>{BODY_FR[0]}</p><p>Passer la publicité</p><p>{BODY_FR[1]}</p>"
                 "<p>Il vous reste 57.09% de cet article à lire. La suite est réservée aux "
                 "abonnés.</p></article>")
    doc = stage.process(_doc(html))
    assert doc.language == "fr"
    assert doc.text == "\n\n".join([standfirst, *BODY_FR])
    assert sorted(r.text[:20] for r in doc.removed if r.reason == "boilerplate") == [
        "Il vous reste 57.09%", "Passer la publicité"]


def test_standfirst_from_the_page_description_is_kept(stage: CleanStage) -> None:
    lead = ("Harbour workers want a five per cent rise and say the strike could last until the "
            "end of the month.")
    head = (f"<title>Harbour workers walk out</title><meta property='og:description' "
            f"content='{lead}'>")
    body = (f"<header><h1>Harbour workers walk out</h1><div class='standfirst'><p>{lead}</p>"
            "</div></header><article>" + "".join(f"<p>{p}</p>" for p in BODY_EN * 2)
            + "</article><footer><a href='/more'>More stories</a></footer>")
    doc = stage.process(_doc(_html(head, body)))
    assert doc.text.split("\n\n")[0] == lead
    assert doc.page is not None and doc.page.evidence["lead"].startswith("meta og:description")
    # a description that is not shown on the page adds nothing
    hidden = _html(head.replace(lead, lead.replace("Harbour", "Dock")), body.replace(
        f"<div class='standfirst'><p>{lead}</p></div>", ""))
    out = stage.process(_doc(hidden))
    assert out.text == "\n\n".join(BODY_EN * 2) and "lead" not in (out.page.evidence if out.page else {})


def test_figure_captions_and_credits_kept_apart(stage: CleanStage) -> None:
    html = _html("<title>Harbour strike</title>",
                 f"<article><p>{BODY_EN[0]}</p><figure><img src='a.jpg' alt='Dock workers'>"
                 "<figcaption>Dock workers gather at the gate of the northern terminal"
                 "</figcaption></figure><p>Photo: AP</p>"
                 f"<p>{BODY_EN[1]}</p><p>Strikers outside the port office (AFP photo)</p>"
                 f"<p>{BODY_EN[2]}</p></article>")
    doc = stage.process(_doc(html))
    assert doc.text == "\n\n".join(BODY_EN)
    captions = [c.text for c in doc.captions]
    assert "Photo: AP" in captions and "Strikers outside the port office (AFP photo)" in captions
    assert "Dock workers gather" not in doc.text


def test_link_lists_are_related_lines() -> None:
    # What trafilatura leaves of a page: a link list between paragraphs, and a lone link
    # (a heading of the body that is also a table-of-contents entry) that stays.
    links = ["Port traffic falls again", "Union elects a new leader", "Ferry fares to rise"]
    lines = [BODY_EN[0], *links, BODY_EN[1], "Talks resume", BODY_EN[2]]
    page_links = frozenset(t.lower() for t in [*links, "Talks resume"])
    res = split_lines(lines, "en", ("fr", "en"), title="Harbour strike", links=page_links)
    assert [line for _, line in res.body] == [*BODY_EN[:2], "Talks resume", BODY_EN[2]]
    assert [(r.line, r.reason) for r in res.removed] == [(2, "related"), (3, "related"),
                                                         (4, "related")]


def test_page_metadata_and_outlet_from_canonical(stage: CleanStage) -> None:
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Harbour strike", "datePublished": "2024-03-05T08:00Z",
         "dateModified": "2024-03-06T10:00Z", "author": [{"@type": "Person", "name": "Jane Roe"},
                                                        {"@type": "Person", "name": "John Doe"}],
         "publisher": {"@type": "NewsMediaOrganization", "name": "Deutsche Welle"}}]}
    head = ("<title>Harbour strike | DW</title><link rel='canonical' href='https://www.dw.com/en/a-1'>"
            "<meta property='og:site_name' content='DW'>"
            f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    doc = stage.process(_doc(_html(head, "".join(f"<p>{p}</p>" for p in BODY_EN))))
    page = doc.page
    assert page is not None and page.url == "https://www.dw.com/en/a-1"
    assert page.evidence["url"] == "link[rel=canonical]"
    assert page.authors == ["Jane Roe", "John Doe"] and page.publisher == "Deutsche Welle"
    assert page.evidence["published"] == "json-ld newsarticle.datePublished"
    assert doc.published is not None and doc.published.date.startswith("2024-03-05")
    assert doc.modified is not None and doc.modified.date.startswith("2024-03-06")
    assert doc.outlet is not None and doc.outlet.name == "DW"
    assert doc.outlet.evidence == "domain:dw.com" and doc.outlet.country_code == "DEU"


@pytest.mark.parametrize("site,name", [("BBC News", "BBC"), ("Le Monde.fr", "Le Monde"),
                                       ("euronews", "Euronews"), ("the Guardian", "The Guardian")])
def test_outlet_from_site_name(stage: CleanStage, site: str, name: str) -> None:
    head = f"<title>Harbour strike</title><meta property='og:site_name' content='{site}'>"
    doc = stage.process(_doc(_html(head, "".join(f"<p>{p}</p>" for p in BODY_EN))))
    assert doc.outlet is not None and doc.outlet.name == name
    assert doc.outlet.evidence is not None and doc.outlet.evidence.startswith(f"site:{site}")


def test_unknown_outlet_named_by_domain_and_site(stage: CleanStage) -> None:
    head = "<title>Harbour strike</title><meta property='og:site_name' content='Harbour Daily'>"
    doc = stage.process(_doc(_html(head, "".join(f"<p>{p}</p>" for p in BODY_EN)),
                             url="https://news.harbour-daily.example/strike"))
    assert doc.outlet is not None and doc.outlet.dataset is None
    assert (doc.outlet.name, doc.outlet.domain) == ("Harbour Daily", "news.harbour-daily.example")
    assert "not in the registry" in (doc.outlet.evidence or "")


def test_user_file_extends_a_bundled_outlet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mine.jsonl"
    extra.write_text('{"extends": "DW", "domains": ["dw-mirror.example"], "aliases": ["Die Welle"]}\n')
    reg = OutletRegistry.load([extra])
    assert reg.from_url("https://dw-mirror.example/x").name == "DW"  # type: ignore[union-attr]
    assert reg.from_name("Die Welle", "site").country_code == "DEU"  # type: ignore[union-attr]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"extends": "No Such Outlet", "domains": ["x.example"]}\n')
    with pytest.raises(ValueError, match="No Such Outlet"):
        OutletRegistry.load([bad])


@pytest.mark.parametrize("body,why", [
    ("<div ng-app='x'><p>Modification de page en cours</p><p>{{ article.titre }}</p>"
     "<p>{{ article.chapo }} — {{ article.auteur }}</p></div>", "template"),
    ("<p>Photo: AP</p>", "caption"),
    ("<form><p>Sign in to continue reading</p><p>Forgot your password?</p>"
     "<p>Create an account</p></form>", "login wall"),
])
def test_not_an_article(stage: CleanStage, body: str, why: str) -> None:
    with pytest.raises(RejectedInput) as exc:
        stage.process(_doc(_html("<title>Page</title>", body)))
    assert exc.value.reason == "not_an_article"
    assert why in exc.value.detail


def test_language_without_model_gets_its_own_noise_rules(stage: CleanStage) -> None:
    body = ["Die Hafenarbeiter im Norden haben am Dienstag die Arbeit niedergelegt, nachdem die "
            "Gespräche über die Löhne in der Nacht gescheitert waren, teilte die Gewerkschaft mit.",
            "Die Hafenbehörde erklärte, die Schiffe würden zu anderen Terminals umgeleitet, bis der "
            "Streit beigelegt sei, und ein Termin für neue Gespräche stehe noch nicht fest."]
    paras = [body[0], "Auch interessant:", body[1], "Foto: Max Muster / Agentur"]
    html = _html("<title>Streik im Hafen</title>", "<article><h1>Streik im Hafen</h1>"
                 + "".join(f"<p>{p}</p>" for p in paras) + "</article>")
    doc = stage.process(_doc(html))
    assert doc.language == "de" and doc.status == "not_analysed"
    assert doc.text == "\n\n".join(body)
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Auch interessant:"] == "related"
    assert [c.text for c in doc.captions] == ["Foto: Max Muster / Agentur"]
