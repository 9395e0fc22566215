"""Full-text search over documents, attributions (claims) and entities.

SQLite: external-content FTS5 tables (``documents_fts``, ``attributions_fts``,
``entities_fts``) keyed by the rowid of their base table and kept in step by triggers,
tokenised with ``porter unicode61 remove_diacritics 2`` (accents folded: "Etats" finds
"États"). PostgreSQL: a ``search`` tsvector column on each of the three tables with a GIN
index, built with the text search configuration of the document's language
(``claimgraph_ts_config``: fr -> french, en -> english, others -> simple). The documents
column is generated; the attributions and entities columns are set by a trigger that reads
the language of their document.

These objects are maintained by the database itself and queried by
``claimgraph.store.queries.search``; the Core tables in ``store/schema.py`` do not list them, so
the store's inserts never touch them. A later migration that recreates one of the three
tables on SQLite (batch mode) must recreate its triggers and rebuild its FTS table.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: SQLite: table -> its indexed columns (bm25 weights are given per column at query time).
FTS = {
    "documents": ("title", "text"),
    "attributions": ("speaker_name", "role", "cue_text", "content_text"),
    "entities": ("name", "role"),
}
TOKENIZE = "porter unicode61 remove_diacritics 2"


def _sqlite_upgrade() -> None:
    for table, cols in FTS.items():
        fts = f"{table}_fts"
        names = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
            f"content_rowid='rowid', tokenize='{TOKENIZE}')"
        )
        delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
        insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new});"
        op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END")
        op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END")
        op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END")
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _sqlite_downgrade() -> None:
    for table in FTS:
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")


_PG_CONFIG = """
CREATE FUNCTION claimgraph_ts_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lang WHEN 'fr' THEN 'pg_catalog.french'::regconfig
                   WHEN 'en' THEN 'pg_catalog.english'::regconfig
                   ELSE 'pg_catalog.simple'::regconfig END
$$
"""

_PG_DOCUMENTS = """
ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(claimgraph_ts_config(language), coalesce(title, '')), 'A') ||
  setweight(to_tsvector(claimgraph_ts_config(language), coalesce(text, '')), 'B')
) STORED
"""

#: Trigger bodies: NEW.search from the row's text in its document's language.
_PG_ROW_SEARCH = {
    "attributions": (
        "setweight(to_tsvector(cfg, coalesce(NEW.speaker_name, '') || ' ' || coalesce(NEW.role, '')), 'A')"
        " || setweight(to_tsvector(cfg, coalesce(NEW.content_text, '')), 'B')"
        " || setweight(to_tsvector(cfg, coalesce(NEW.cue_text, '')), 'C')"
    ),
    "entities": (
        "setweight(to_tsvector(cfg, coalesce(NEW.name, '')), 'A')"
        " || setweight(to_tsvector(cfg, coalesce(NEW.role, '')), 'B')"
    ),
}


def _pg_upgrade() -> None:
    op.execute(_PG_CONFIG)
    op.execute(_PG_DOCUMENTS)
    op.execute("CREATE INDEX ix_documents_search ON documents USING gin (search)")
    for table, expr in _PG_ROW_SEARCH.items():
        op.execute(f"ALTER TABLE {table} ADD COLUMN search tsvector")
        op.execute(
            f"""
CREATE FUNCTION claimgraph_{table}_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE cfg regconfig;
BEGIN
  SELECT claimgraph_ts_config(d.language) INTO cfg FROM documents d WHERE d.id = NEW.doc_id;
  cfg := coalesce(cfg, 'pg_catalog.simple'::regconfig);
  NEW.search := {expr};
  RETURN NEW;
END
$$"""
        )
        op.execute(
            f"CREATE TRIGGER {table}_search BEFORE INSERT OR UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION claimgraph_{table}_search()"
        )
        op.execute(f"UPDATE {table} SET doc_id = doc_id")  # fill existing rows
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search)")


def _pg_downgrade() -> None:
    for table in _PG_ROW_SEARCH:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_search ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS claimgraph_{table}_search()")
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search")
    op.execute("ALTER TABLE documents DROP COLUMN IF EXISTS search")
    op.execute("DROP FUNCTION IF EXISTS claimgraph_ts_config(text)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_upgrade()
    else:
        _sqlite_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_downgrade()
    else:
        _sqlite_downgrade()
