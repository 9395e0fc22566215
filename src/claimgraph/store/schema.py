"""Table definitions (SQLAlchemy Core) matching the head Alembic migration.

Every table of the database is here: documents, their child rows and rejected inputs
(migration 0001), the link layer's tables (0002, 0008), reviews, jobs and feeds (0007). The
full-text objects of 0003 are maintained by the database and not listed; 0004 adds the events'
modality and confidence, 0006 the documents' content and configuration hashes.

Link vectors are stored as raw little-endian bytes: float32 sums for story and claim
centroids (normalised when read), float16 for document and statement embeddings,
uint32 for MinHash signatures.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
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
    Column("config_hash", Text),  # 0006: the pipeline configuration of the stored analysis
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
    Column("modality", Text),  # migration 0004
    Column("confidence", Float),  # migration 0004
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
    Column("content_id", Text),  # 0006: Rejected.id (the row id also covers the origin)
    Index("ix_rejected_reason", "reason"),
    Index("ix_rejected_content_id", "content_id"),
)

#: Tables holding per-document rows, replaced on every save.
CHILD_TABLES = (removed_lines, captions, entities, attributions, events)


# ---------------------------------------------------------------- link layer (0002)

# One row per linked document: where it sits (duplicate group, story) and its vectors.
link_docs = Table(
    "link_docs",
    metadata,
    _doc_fk(),
    Column("seq", Integer, nullable=False),  # order in which documents were first linked
    Column("day", Integer, nullable=False),  # proleptic ordinal of the date used for windows
    Column("date", Text, nullable=False),  # ISO date used (published, else first seen)
    Column("dated", Integer, nullable=False),  # 1 when ``date`` is the publication date
    Column("language", Text),
    Column("outlet_id", Text),
    Column("outlet_name", Text),
    Column("title", Text),
    Column("text_hash", Text, nullable=False),
    Column("dup_group", Text),
    Column("story_id", Text),
    Column("minhash", LargeBinary, nullable=False),
    Column("embedding", LargeBinary, nullable=False),
    Column("entities", Json, nullable=False),  # [[key, name], ...]
    Column("linked_at", DateTime(timezone=True), nullable=False),
    Column("passages", LargeBinary),  # float16 vectors of the passages (migration 0008)
    Index("ix_link_docs_story_id", "story_id"),
    Index("ix_link_docs_dup_group", "dup_group"),
    Index("ix_link_docs_day", "day"),
    Index("ix_link_docs_seq", "seq"),
)

# LSH buckets of the MinHash signatures: (band, key) -> documents.
link_lsh = Table(
    "link_lsh",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("key", Text, primary_key=True),
    _doc_fk(),
    Index("ix_link_lsh_doc_id", "doc_id"),
)

# Near-duplicate groups: republications of one text; ``original`` is the earliest.
link_dup_groups = Table(
    "link_dup_groups",
    metadata,
    Column("id", Text, primary_key=True),
    Column("original", Text, nullable=False),
    Column("size", Integer, nullable=False),
)

link_stories = Table(
    "link_stories",
    metadata,
    Column("id", Text, primary_key=True),
    Column("title", Text),
    Column("first_day", Integer, nullable=False),
    Column("last_day", Integer, nullable=False),
    Column("size", Integer, nullable=False),
    Column("centroid", LargeBinary, nullable=False),  # float32 sum of member embeddings
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Date index of the story vectors: a story is listed under each day one of its documents has.
link_story_days = Table(
    "link_story_days",
    metadata,
    Column("story_id", Text, primary_key=True),
    Column("day", Integer, primary_key=True),
    Column("n", Integer, nullable=False),
    Index("ix_link_story_days_day", "day"),
)

# Inverted index: entity key -> stories, with how many documents of the story name it.
link_story_entities = Table(
    "link_story_entities",
    metadata,
    Column("story_id", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("n", Integer, nullable=False),
    Index("ix_link_story_entities_key", "key"),
)

link_claims = Table(
    "link_claims",
    metadata,
    Column("id", Text, primary_key=True),
    Column("story_id", Text),
    Column("polarity", Text, nullable=False),  # assert, deny or question
    Column("speaker_key", Text),
    Column("size", Integer, nullable=False),
    Column("first_day", Integer, nullable=False),
    Column("last_day", Integer, nullable=False),
    Column("centroid", LargeBinary, nullable=False),
    Index("ix_link_claims_story_id", "story_id"),
    Index("ix_link_claims_speaker_key", "speaker_key"),
)

# One row per attribution of a linked document, with the claim it belongs to.
link_claim_members = Table(
    "link_claim_members",
    metadata,
    _doc_fk(),
    Column("attr_id", Text, primary_key=True),
    Column("claim_id", Text, nullable=False),
    Column("seq", Integer, nullable=False),  # the document's link order
    Column("day", Integer, nullable=False),
    Column("date", Text, nullable=False),
    Column("outlet_id", Text),
    Column("outlet_name", Text),
    Column("language", Text),
    Column("speaker_name", Text),
    Column("speaker_key", Text),
    Column("stance", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("cue", Text),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("via", Json, nullable=False),
    Column("target", Text),
    Column("entities", Json, nullable=False),  # [[key, name], ...] named in the statement
    Column("score", Float, nullable=False),
    Column("embedding", LargeBinary, nullable=False),
    Index("ix_link_claim_members_claim_id", "claim_id"),
    Index("ix_link_claim_members_speaker_key", "speaker_key"),
    Index("ix_link_claim_members_outlet_id", "outlet_id"),
)

# A claim (assert side) and a claim that denies or disputes it.
link_disputes = Table(
    "link_disputes",
    metadata,
    Column("claim_id", Text, primary_key=True),
    Column("against_id", Text, primary_key=True),
    Column("basis", Text, nullable=False),  # "target" (stated in a document) or "similarity"
    Column("score", Float, nullable=False),
    Index("ix_link_disputes_against_id", "against_id"),
)

# Sampled word-shingle hashes (1 in ``SHINGLE_SAMPLE``): containment of one text in another.
link_shingles = Table(
    "link_shingles",
    metadata,
    Column("key", BigInteger, primary_key=True),
    _doc_fk(),
    Index("ix_link_shingles_doc_id", "doc_id"),
)

# A document and another it translates (or a parallel version of), with the score.
link_translations = Table(
    "link_translations",
    metadata,
    _doc_fk(),
    Column("other_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("score", Float, nullable=False),
    Index("ix_link_translations_other_id", "other_id"),
)

#: The link layer's tables (migrations 0002 and 0008), dependents first.
LINK_TABLES = (
    link_translations, link_shingles, link_disputes, link_claim_members, link_claims,
    link_story_entities, link_story_days,
    link_stories, link_dup_groups, link_lsh, link_docs,
)


# ---------------------------------------------------------------- workbench (0007)

Index("ix_documents_updated_at", documents.c.updated_at)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),  # attribution, event or dispute
    Column("doc_id", Text),
    Column("item_id", Text, nullable=False),
    Column("verdict", Text, nullable=False),  # right or wrong
    Column("correction", Json),
    Column("note", Text),
    Column("reviewer", Text),
    Column("item", Json, nullable=False),  # the item as it was judged
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_reviews_item", "kind", "doc_id", "item_id"),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", Text, primary_key=True),
    Column("status", Text, nullable=False),  # queued, running, done, failed
    Column("payload", Json, nullable=False),
    Column("result", Json),
    Column("error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_jobs_status", "status", "created_at"),
)

feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("seen", Json, nullable=False),
    Column("checked_at", DateTime(timezone=True)),
    Column("new_documents", Json, nullable=False),
)

# ---------------------------------------------------------------- change log (0009)

# Filled by triggers (see migration 0009) on documents, link_claim_members and
# link_disputes: the documents, claims and outlets a write touched, in write order.
change_log = Table(
    "change_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text),
    Column("claim_id", Text),
    Column("outlet_id", Text),
)
