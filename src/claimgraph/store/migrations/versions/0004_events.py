"""Events: how the act is told (``modality``) and how sure the stage is (``confidence``).

Two nullable columns added to ``events``; rows stored before keep NULL (their ``data`` JSON
holds the whole event). SQLite adds columns in place, so the full-text triggers of 0003 are
untouched.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("modality", sa.Text(), nullable=True))
    op.add_column("events", sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("confidence")
        batch.drop_column("modality")
