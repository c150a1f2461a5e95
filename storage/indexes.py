"""Indexes created at start-up; the plan and its reasons are in docs/indexes.md."""

from __future__ import annotations

import logging

from mongo_filters.index_plan import CUSTOMER_INDEXES
from storage.database import Database

logger = logging.getLogger(__name__)

# Indexes of collections other than `customers`; customer indexes follow the
# compiler's index plan (mongo_filters.index_plan) so the two cannot drift.
# (name, keys, unique)
IndexSpec = tuple[str, list[tuple[str, int]], bool]

SERVICE_INDEXES: dict[str, list[IndexSpec]] = {
    "segments": [
        ("workspace_name_key", [("workspaceId", 1), ("nameKey", 1)], True),
        ("workspace_default_key", [("workspaceId", 1), ("defaultKey", 1)], False),
        ("workspace_references", [("workspaceId", 1), ("references", 1)], False),
        ("workspace_custom_fields", [("workspaceId", 1), ("customFieldKeys", 1)], False),
        ("workspace_updated", [("workspaceId", 1), ("updatedAt", 1), ("_id", 1)], False),
    ],
    "customFields": [("workspace_key", [("workspaceId", 1), ("key", 1)], True)],
    "campaigns": [
        ("workspace_id", [("workspaceId", 1), ("_id", 1)], False),
        ("workspace_segment", [("workspaceId", 1), ("segmentId", 1), ("_id", 1)], False),
    ],
    "campaignRecipients": [
        ("workspace_campaign_seq", [("workspaceId", 1), ("campaignId", 1), ("seq", 1)], True),
    ],
}

# The embedded engine (mongomock 4.3) checks a unique index by scanning the
# whole collection on every insert, so writing n recipients costs O(n^2):
# 5,000 inserts in batches of 1,000 took about 80 s on a 2-core AMD EPYC VM.
# One run writes a campaign's seq numbers in order, so they are unique
# without the index, and on the embedded engine these collections get the
# same index without the unique flag.
EMBEDDED_NON_UNIQUE = frozenset({"campaignRecipients"})


def customer_indexes() -> list[IndexSpec]:
    return [(name, list(keys), False) for name, keys in CUSTOMER_INDEXES]


async def create_indexes(database: Database) -> None:
    plan = {"customers": customer_indexes(), **SERVICE_INDEXES}
    for collection_name, indexes in plan.items():
        collection = database.collection(collection_name)
        enforce_unique = not (database.embedded and collection_name in EMBEDDED_NON_UNIQUE)
        for name, keys, unique in indexes:
            await collection.create_index(keys, name=name, unique=unique and enforce_unique)
    logger.info("created %d indexes on %d collections", sum(map(len, plan.values())), len(plan))
