"""Link tables (SQLAlchemy Core), matching migration 0002_link.

Vectors are stored as raw little-endian bytes: float32 sums for story and claim
centroids (normalised when read), float16 for document and statement embeddings,
uint32 for MinHash signatures.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
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

Json = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()


def _doc_fk(primary_key: bool = False) -> Column:
    return Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=primary_key, nullable=False)


# One row per linked document: where it sits (duplicate group, story) and its vectors.
link_docs = Table(
    "link_docs",
    metadata,
    _doc_fk(primary_key=True),
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
    _doc_fk(primary_key=True),
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
    _doc_fk(primary_key=True),
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

TABLES = (
    link_disputes, link_claim_members, link_claims, link_story_entities, link_story_days,
    link_stories, link_dup_groups, link_lsh, link_docs,
)
