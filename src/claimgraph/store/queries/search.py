"""Full-text search queries over documents, attributions (claims) and entities.

Uses the indexes of migration 0003: FTS5 tables on SQLite, tsvector columns on PostgreSQL
(queried with the French, English and simple configurations at once, so a query finds
French and English articles alike). Queries use web-search syntax on both backends:
words, "quoted phrases", OR, and -excluded words. Snippets mark matches with ``START``
and ``STOP`` (control characters).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, text

if TYPE_CHECKING:
    from claimgraph.store.core import Store

#: What the snippets put around a match.
START, STOP = "\x02", "\x03"
#: Kinds of hits and the tables they come from (attributions are "claims").
KINDS = ("documents", "claims", "entities")
_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def fts5_query(query: str) -> str:
    """A safe FTS5 expression for a web-search style query ('' when nothing to search).

    Every word is quoted, so FTS5 operators in the input are plain words; a trailing
    ``*`` keeps prefix search; OR between terms and a leading ``-`` work as on the web.
    """
    groups: list[list[str]] = [[]]
    negative: list[str] = []
    for m in _TOKEN.finditer(query):
        neg, phrase, bare = m.group(1), m.group(2), m.group(3)
        if bare is not None:
            if bare == "OR":
                if groups[-1]:
                    groups.append([])
                continue
            neg = "-" if bare.startswith("-") and len(bare) > 1 else ""
            phrase = bare[1:] if neg else bare
        words = _WORD.findall(phrase or "")
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if bare is not None and phrase and phrase.endswith("*"):
            term += "*"
        (negative if neg else groups[-1]).append(term)
    ors = [" AND ".join(g) for g in groups if g]
    if not ors:
        return ""
    expr = " OR ".join(f"({g})" for g in ors)
    if negative:
        expr = f"({expr}) NOT ({' OR '.join(negative)})"
    return expr


# ----------------------------------------------------------------------- SQLite

_SQLITE = {
    "documents": """
SELECT d.id AS doc_id, d.title, d.outlet_name AS outlet, d.language, d.published,
       NULL AS item_id, NULL AS label, NULL AS stance,
       snippet(documents_fts, 1, char(2), char(3), '…', 24) AS snip,
       bm25(documents_fts, 5.0, 1.0) AS score
FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
WHERE documents_fts MATCH :q ORDER BY score LIMIT :limit OFFSET :offset""",
    "claims": """
SELECT d.id AS doc_id, d.title, d.outlet_name AS outlet, d.language, d.published,
       a.id AS item_id, a.speaker_name AS label, a.stance,
       snippet(attributions_fts, 3, char(2), char(3), '…', 32) AS snip,
       bm25(attributions_fts, 4.0, 2.0, 1.0, 1.0) AS score
FROM attributions_fts JOIN attributions a ON a.rowid = attributions_fts.rowid
JOIN documents d ON d.id = a.doc_id
WHERE attributions_fts MATCH :q ORDER BY score LIMIT :limit OFFSET :offset""",
    "entities": """
SELECT d.id AS doc_id, d.title, d.outlet_name AS outlet, d.language, d.published,
       e.id AS item_id, e.name AS label, e.label AS stance,
       highlight(entities_fts, 0, char(2), char(3)) ||
         CASE WHEN e.role IS NULL THEN '' ELSE ' — ' || e.role END AS snip,
       bm25(entities_fts, 3.0, 1.0) AS score
FROM entities_fts JOIN entities e ON e.rowid = entities_fts.rowid
JOIN documents d ON d.id = e.doc_id
WHERE entities_fts MATCH :q ORDER BY score LIMIT :limit OFFSET :offset""",
}

# ----------------------------------------------------------------------- PostgreSQL

_PG_QUERY = (
    "websearch_to_tsquery('pg_catalog.french', :q) || websearch_to_tsquery('pg_catalog.english', :q)"
    " || websearch_to_tsquery('pg_catalog.simple', :q)"
)
_PG_HEADLINE = (
    "'StartSel=\x02, StopSel=\x03, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"'"
)
_PG = {
    "documents": f"""
WITH q AS (SELECT {_PG_QUERY} AS query),
top AS (
  SELECT d.id, d.title, d.outlet_name, d.language, d.published, d.text,
         ts_rank_cd(d.search, q.query) AS score, q.query
  FROM documents d, q WHERE d.search @@ q.query
  ORDER BY score DESC, d.id LIMIT :limit OFFSET :offset)
SELECT id AS doc_id, title, outlet_name AS outlet, language, published,
       NULL AS item_id, NULL AS label, NULL AS stance,
       ts_headline(claimgraph_ts_config(language), text, query, {_PG_HEADLINE}) AS snip, score
FROM top ORDER BY score DESC, doc_id""",
    "claims": f"""
WITH q AS (SELECT {_PG_QUERY} AS query)
SELECT d.id AS doc_id, d.title, d.outlet_name AS outlet, d.language, d.published,
       a.id AS item_id, a.speaker_name AS label, a.stance,
       ts_headline(claimgraph_ts_config(d.language), a.content_text, q.query,
                   'StartSel=\x02, StopSel=\x03, HighlightAll=true') AS snip,
       ts_rank_cd(a.search, q.query) AS score
FROM attributions a JOIN documents d ON d.id = a.doc_id, q
WHERE a.search @@ q.query
ORDER BY score DESC, a.doc_id, a.id LIMIT :limit OFFSET :offset""",
    "entities": f"""
WITH q AS (SELECT {_PG_QUERY} AS query)
SELECT d.id AS doc_id, d.title, d.outlet_name AS outlet, d.language, d.published,
       e.id AS item_id, e.name AS label, e.label AS stance,
       ts_headline(claimgraph_ts_config(d.language),
                   e.name || coalesce(' — ' || e.role, ''), q.query,
                   'StartSel=\x02, StopSel=\x03, HighlightAll=true') AS snip,
       ts_rank_cd(e.search, q.query) AS score
FROM entities e JOIN documents d ON d.id = e.doc_id, q
WHERE e.search @@ q.query
ORDER BY score DESC, e.doc_id, e.id LIMIT :limit OFFSET :offset""",
}


def full_text(store: Store, query: str, kinds: Sequence[str] = KINDS, limit: int = 20,
              offset: int = 0) -> dict[str, list[Row[Any]]]:
    """The best ``limit`` rows of each kind for a web-search style ``query`` (no rows for an
    empty query): doc_id, title, outlet, language, published, item_id, label, stance,
    snip (the marked snippet) and score (lower is better on SQLite, higher on PostgreSQL)."""
    out: dict[str, list[Row[Any]]] = {k: [] for k in kinds}
    query = query.strip()
    if not query:
        return out
    if store.dialect == "postgresql":
        sql, q = _PG, query
    else:
        sql, q = _SQLITE, fts5_query(query)
        if not q:
            return out
    with store.connection() as conn:
        for kind in kinds:
            out[kind] = list(conn.execute(text(sql[kind]),
                                          {"q": q, "limit": limit, "offset": offset}).all())
    return out
