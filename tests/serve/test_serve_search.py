"""Full-text search (migration 0003) on SQLite FTS5 and PostgreSQL tsvector."""

from __future__ import annotations

from sqlalchemy import text

from claimgraph.model import Attribution, Document, Entity, Mention, Origin
from claimgraph.serve.search import fts5_query, search, segments
from claimgraph.store import Store

FR = ("Le ministère russe rejette les informations du Wall Street Journal sur le retrait des "
      "conseillers militaires au Venezuela. Les États-Unis maintiennent leur pression.")
EN = "The ministry said the advisers were leaving Venezuela, according to officials in Washington."


def _doc(doc_id: str, body: str, language: str, title: str) -> Document:
    doc = Document(id=doc_id, origin=Origin(kind="text"), language=language, title=title, text=body)
    start = body.index("rejette" if language == "fr" else "said")
    content = body.index("les informations" if language == "fr" else "the advisers")
    doc.attributions = [Attribution(
        id="A1", speaker_name="Ministère russe" if language == "fr" else "The ministry",
        cue=doc.span(start, start + 7), content=doc.span(content, len(body)),
        kind="indirect", stance="deny" if language == "fr" else "assert")]
    who = "Wall Street Journal" if language == "fr" else "Washington"
    at = body.index(who)
    doc.entities = [Entity(id="E1", name=who, label="ORG" if language == "fr" else "LOC",
                           role="quotidien américain" if language == "fr" else None,
                           mentions=[Mention(start=at, end=at + len(who), text=who)])]
    return doc


def test_fts5_query_quotes_everything() -> None:
    assert fts5_query("Zaemsky") == '("Zaemsky")'
    assert fts5_query('"Wall Street" Journal') == '("Wall Street" AND "Journal")'
    assert fts5_query("Maduro OR Guaido") == '("Maduro") OR ("Guaido")'
    assert fts5_query("Venezuela -Guaido") == '(("Venezuela")) NOT ("Guaido")'
    assert fts5_query("conseil*") == '("conseil"*)'
    assert fts5_query("États-Unis") == '("États Unis")'
    assert fts5_query('NEAR( ") * -') == '("NEAR")'
    assert fts5_query("-only") == ""
    assert fts5_query("  ") == ""


def test_segments() -> None:
    assert segments("a \x02b\x03 c") == [("a ", False), ("b", True), (" c", False)]
    assert segments(None) == []


def test_search_kinds_languages_and_updates(store: Store) -> None:
    store.save(_doc("f" * 16, FR, "fr", "Moscou dément"))
    store.save(_doc("e" * 16, EN, "en", "Advisers leave"))

    found = search(store, "Venezuela")
    assert {h.doc_id for h in found["documents"]} == {"f" * 16, "e" * 16}
    # French inflection and accent: "conseiller" finds "conseillers"; "Etats" finds "États"
    assert [h.doc_id for h in search(store, "conseillers")["documents"]] == ["f" * 16]
    if store.dialect == "sqlite":
        assert [h.doc_id for h in search(store, "Etats")["documents"]] == ["f" * 16]
    # English inflection: "leave" finds "leaving"
    assert [h.doc_id for h in search(store, "leave advisers")["documents"]] == ["e" * 16]

    claims = search(store, "retrait", kinds=("claims",))["claims"]
    assert [(h.doc_id, h.item_id, h.label, h.stance) for h in claims] == [
        ("f" * 16, "A1", "Ministère russe", "deny")]
    assert any(hit for _, hit in claims[0].snippet)
    ents = search(store, "quotidien", kinds=("entities",))["entities"]
    assert [(h.label, h.stance) for h in ents] == [("Wall Street Journal", "ORG")]

    # the index follows updates and deletions of the stored rows
    changed = _doc("f" * 16, FR.replace("Venezuela", "Nicaragua"), "fr", "Moscou dément")
    store.save(changed)
    assert [h.doc_id for h in search(store, "Venezuela")["documents"]] == ["e" * 16]
    assert [h.doc_id for h in search(store, "Nicaragua")["documents"]] == ["f" * 16]
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM documents WHERE id = :id"), {"id": "f" * 16})
    assert search(store, "Nicaragua") == {"documents": [], "claims": [], "entities": []}
    assert search(store, "retrait", kinds=("claims",))["claims"] == []

    assert search(store, "Zaemsky -Zaemsky")["documents"] == []
    assert search(store, "   ") == {"documents": [], "claims": [], "entities": []}
    page = search(store, "Venezuela OR ministry", kinds=("documents",), limit=1, offset=0)
    assert len(page["documents"]) == 1
