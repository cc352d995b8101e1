"""Entities are looked up by key, not loaded whole: ``entity_keys`` holds the
keys of each current entity (``model.entity_keys``), and ``entities.seq`` the
order they were met in. Stored entities are keyed here and ordered by name,
the order a run loaded them in before this revision.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

from newsweave.model import Entity, entity_keys

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger()))
    table = op.create_table(
        "entity_keys",
        sa.Column("kind", sa.String(8), primary_key=True),
        sa.Column("key", sa.Text(), primary_key=True),
        sa.Column(
            "entity_id",
            sa.String(64),
            sa.ForeignKey("entities.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_entity_keys_entity_id", "entity_keys", ["entity_id"])
    connection = op.get_bind()
    aliases: dict[str, list[str]] = {}
    for entity_id, alias in connection.execute(sa.text("SELECT entity_id, alias FROM aliases")):
        aliases.setdefault(entity_id, []).append(alias)
    current = sa.text(
        "SELECT id, name, label FROM entities"
        " WHERE id NOT IN (SELECT old FROM entity_redirects) ORDER BY name, id"
    )
    rows, keys = [], []
    for seq, (entity_id, name, label) in enumerate(connection.execute(current).all()):
        rows.append({"id": entity_id, "seq": seq})
        entity = Entity(entity_id, name, label, tuple(aliases.get(entity_id, ())))
        keys.extend({"kind": k, "key": v, "entity_id": entity_id} for k, v in entity_keys(entity))
    if rows:
        connection.execute(sa.text("UPDATE entities SET seq = :seq WHERE id = :id"), rows)
    if keys:
        op.bulk_insert(table, keys)


def downgrade() -> None:
    op.drop_table("entity_keys")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("seq")
