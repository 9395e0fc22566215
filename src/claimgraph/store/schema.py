"""Table definitions (SQLAlchemy Core) matching the head Alembic migration."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

#: JSON on SQLite, JSONB on PostgreSQL.
Json = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()


def _doc_fk() -> Column:
    return Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def _stamp(name: str) -> Column:
    return Column(name, DateTime(timezone=True), nullable=False)


documents = Table(
    "documents",
    metadata,
    Column("id", Text, primary_key=True),
    Column("url", Text),
    Column("origin", Json, nullable=False),
    Column("outlet_id", Text),
    Column("outlet_name", Text),
    Column("language", Text),
    Column("title", Text),
    Column("published", Text),
    Column("text", Text, nullable=False),
    Column("data", Json, nullable=False),
    _stamp("created_at"),
    _stamp("updated_at"),
    Index("ix_documents_outlet_id", "outlet_id"),
    Index("ix_documents_language", "language"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_url", "url"),
)

removed_lines = Table(
    "removed_lines",
    metadata,
    _doc_fk(),
    Column("seq", Integer, primary_key=True),
    Column("line", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("detail", Text),
    Index("ix_removed_lines_reason", "reason"),
)

captions = Table(
    "captions",
    metadata,
    _doc_fk(),
    Column("seq", Integer, primary_key=True),
    Column("line", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("language", Text),
)

entities = Table(
    "entities",
    metadata,
    _doc_fk(),
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("role", Text),
    Column("country", Text),
    Column("sector", Text),
    Column("kind", Text),
    Column("mentions", Json, nullable=False),
    Index("ix_entities_name", "name"),
    Index("ix_entities_label", "label"),
)

attributions = Table(
    "attributions",
    metadata,
    _doc_fk(),
    Column("id", Text, primary_key=True),
    Column("speaker_name", Text),
    Column("speaker_entity", Text),
    Column("role", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("cue_text", Text),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("content_text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("stance", Text, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("via", Json, nullable=False),
    Column("target", Text),
    Column("data", Json, nullable=False),
    Index("ix_attributions_stance", "stance"),
    Index("ix_attributions_speaker_name", "speaker_name"),
)

events = Table(
    "events",
    metadata,
    _doc_fk(),
    Column("id", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("actor_name", Text),
    Column("actor_country", Text),
    Column("actor_sector", Text),
    Column("recipient_name", Text),
    Column("recipient_country", Text),
    Column("recipient_sector", Text),
    Column("date", Text),
    Column("location", Text),
    Column("status", Text, nullable=False),
    Column("asserted_by", Json, nullable=False),
    Column("denied_by", Json, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("data", Json, nullable=False),
    Index("ix_events_type", "type"),
    Index("ix_events_status", "status"),
)

rejected = Table(
    "rejected",
    metadata,
    Column("id", Text, primary_key=True),
    Column("origin", Json, nullable=False),
    Column("source", Text),
    Column("reason", Text, nullable=False),
    Column("detail", Text, nullable=False),
    _stamp("created_at"),
    _stamp("updated_at"),
    Index("ix_rejected_reason", "reason"),
)

#: Tables holding per-document rows, replaced on every save.
CHILD_TABLES = (removed_lines, captions, entities, attributions, events)
