"""Run compiled filters on the two embedded engines the service is tested on.

mongomock (through mongomock-motor, the service's embedded store) and
montydb (an independent implementation) each get the same documents. A
test asserts which `_id`s match on each, so a shape that the two read
differently fails on the spot. montydb returns aware datetimes
(`tz_aware=True`) so that it can compare them with the aware UTC instants
of compiled filters.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from mongomock_motor import AsyncMongoMockClient
from montydb import MontyClient, set_storage

Document = dict[str, Any]
Finder = Callable[[dict[str, Any]], Awaitable[set[str]]]


async def mongomock_finder(documents: Sequence[Document]) -> Finder:
    collection = AsyncMongoMockClient()["segments_test"]["customers"]
    await collection.insert_many([dict(document) for document in documents])

    async def find(query: dict[str, Any]) -> set[str]:
        return {document["_id"] async for document in collection.find(query)}

    return find


async def montydb_finder(documents: Sequence[Document]) -> Finder:
    # montydb keeps one memory store per process and re-reads its settings
    # on every client: `set_storage` stores the BSON mode already in use,
    # without which the second client raises ConfigurationError (montydb
    # 2.5.6 with pymongo's bson installed). A fresh database name per call
    # keeps tests apart in the shared store.
    set_storage(":memory:", storage="memory")
    client = MontyClient(":memory:", tz_aware=True)
    collection = client[f"segments_test_{uuid.uuid4().hex}"]["customers"]
    collection.insert_many([dict(document) for document in documents])

    async def find(query: dict[str, Any]) -> set[str]:
        return {document["_id"] for document in collection.find(query)}

    return find


ENGINES: dict[str, Callable[[Sequence[Document]], Awaitable[Finder]]] = {
    "mongomock": mongomock_finder,
    "montydb": montydb_finder,
}
