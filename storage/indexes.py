"""Indexes created at start-up; the plan and its reasons are in docs/indexes.md."""

from __future__ import annotations

import logging

from storage.database import Database

logger = logging.getLogger(__name__)

# Indexes of collections other than `customers`; customer indexes follow the
# compiler's index plan (mongo_filters.index_plan) so the two cannot drift.
SERVICE_INDEXES: dict[str, list[tuple[str, list[tuple[str, int]], bool]]] = {
    "segments": [
        ("workspace_name_key", [("workspaceId", 1), ("nameKey", 1)], True),
        ("workspace_default_key", [("workspaceId", 1), ("defaultKey", 1)], False),
        ("workspace_references", [("workspaceId", 1), ("references", 1)], False),
        ("workspace_custom_fields", [("workspaceId", 1), ("customFieldKeys", 1)], False),
        ("workspace_updated", [("workspaceId", 1), ("updatedAt", 1), ("_id", 1)], False),
    ],
    "customFields": [("workspace_key", [("workspaceId", 1), ("key", 1)], True)],
}


def customer_indexes() -> list[tuple[str, list[tuple[str, int]], bool]]:
    try:
        from mongo_filters.index_plan import CUSTOMER_INDEXES
    except ImportError:  # NOTE: the index plan module lands with the compiler
        plan: list[tuple[str, list[tuple[str, int]]]] = [
            ("workspace_id", [("workspaceId", 1), ("_id", 1)]),
            ("workspace_email", [("workspaceId", 1), ("email", 1)]),
            ("workspace_phone", [("workspaceId", 1), ("phone", 1)]),
        ]
    else:
        plan = [(name, list(keys)) for name, keys in CUSTOMER_INDEXES]
    return [(name, keys, False) for name, keys in plan]


async def create_indexes(database: Database, extra: dict[str, list[tuple[str, list[tuple[str, int]], bool]]] | None = None) -> None:
    plan = {"customers": customer_indexes(), **SERVICE_INDEXES, **(extra or {})}
    for collection_name, indexes in plan.items():
        collection = database.collection(collection_name)
        for name, keys, unique in indexes:
            await collection.create_index(keys, name=name, unique=unique)
    logger.info("created %d indexes on %d collections", sum(map(len, plan.values())), len(plan))
