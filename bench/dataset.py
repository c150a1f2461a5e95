"""Customer data for benchmarks: stored documents and import rows.

Seeding goes straight to the storage layer with documents that
`build_customer_document` made, because the import path matches each
batch against the stored customers and would spend most of a large run
on that, which `import_rows` measures on its own.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import zlib
from typing import Any
from zoneinfo import ZoneInfo

from bson import ObjectId

from models.customer_document import build_customer_document
from storage.database import Database
from storage.demo_data import generate_demo_customers
from storage.scoped import ScopedCollection

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
INSERT_BATCH = 5_000
DISTINCT_CUSTOMERS = 10_000


def customer_documents(count: int, now: dt.datetime, *, seed: int = 2024) -> list[dict[str, Any]]:
    """Return `count` stored customer documents, the same for the same `seed` and `now`.

    Beyond `DISTINCT_CUSTOMERS`, documents are copies of the first ones
    with their own `_id` and email. Generating each one would double the
    run time of `make bench`, and counts scan every document the same way
    whether or not its values repeat.
    """
    documents = []
    for values in generate_demo_customers(min(count, DISTINCT_CUSTOMERS), now, seed=seed):
        document, problems = build_customer_document(values, custom_fields={}, zone=ZONE)
        if problems:
            raise ValueError(f"generated customer {values!r} is invalid: {problems!r}")
        document["_id"] = ObjectId()
        document["updatedAt"] = now
        documents.append(document)

    distinct = len(documents)
    for index in range(distinct, count):
        document = copy.deepcopy(documents[index % distinct])
        document["_id"] = ObjectId()
        if "email" in document:
            document["email"] = f"copy{index}.{document['email']}"
            document["norm"]["email"] = f"copy{index}.{document['norm']['email']}"
        documents.append(document)
    return documents


async def insert_customers(
    database: Database, workspace_id: str, documents: list[dict[str, Any]]
) -> None:
    """Insert `documents` into the workspace in batches; each document is copied first."""
    customers = ScopedCollection(database.collection("customers"), workspace_id)
    for start in range(0, len(documents), INSERT_BATCH):
        batch = [dict(d) for d in documents[start : start + INSERT_BATCH]]
        await customers.insert_many(batch)


def import_rows(count: int, now: dt.datetime, *, tag: str) -> list[dict[str, Any]]:
    """Return `count` rows for the `importCustomers` mutation, as JSON values.

    Every row gets an email that carries `tag`, so rows match no stored
    customer by email and `tagged_email_pattern(tag)` finds them again.
    """
    rows = []
    for index, values in enumerate(
        generate_demo_customers(count, now, seed=zlib.crc32(tag.encode()))
    ):
        row = {key: _json_value(value) for key, value in values.items()}
        row["email"] = f"{tag}.{index}@example.com"
        rows.append(row)
    return rows


def tagged_email_pattern(tag: str) -> str:
    return f"^{re.escape(tag)}\\."


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
