"""The engines that run compiled filters in the engine tests.

Each engine keeps one collection for the whole test module and is refilled
for every example (`load`), which keeps hypothesis runs fast:

- `mongomock`: the service's embedded store, driven through
  `mongomock_motor.AsyncMongoMockClient` on an event loop of its own;
- `montydb`: an independent in-memory implementation, with aware datetimes
  (`tz_aware=True`) so it can compare them with the aware instants of
  compiled filters;
- `mongodb`: a real server named by `MONGODB_URI`, in a database of its own
  that is dropped at the end.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from typing import Any, Protocol

import pymongo
from mongomock_motor import AsyncMongoMockClient
from montydb import MontyClient, set_storage

Document = dict[str, Any]


class Engine(Protocol):
    name: str

    def load(self, documents: Sequence[Document]) -> None:
        """Replace every stored document with `documents`."""

    def find_ids(self, query: dict[str, Any]) -> set[str]:
        """Return the `_id` of each document that `query` matches."""

    def apply_update(self, document_id: str, update: dict[str, Any]) -> Document:
        """Apply `update` to the document of `document_id` and return it as stored."""

    def close(self) -> None: ...


class MongomockEngine:
    name = "mongomock"

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._collection: Any = AsyncMongoMockClient()["segments_engines"]["customers"]

    def load(self, documents: Sequence[Document]) -> None:
        self._loop.run_until_complete(self._load(documents))

    async def _load(self, documents: Sequence[Document]) -> None:
        await self._collection.delete_many({})
        if documents:
            await self._collection.insert_many([dict(document) for document in documents])

    def find_ids(self, query: dict[str, Any]) -> set[str]:
        return self._loop.run_until_complete(self._find_ids(query))

    async def _find_ids(self, query: dict[str, Any]) -> set[str]:
        return {document["_id"] async for document in self._collection.find(query, {"_id": 1})}

    def apply_update(self, document_id: str, update: dict[str, Any]) -> Document:
        return self._loop.run_until_complete(self._apply_update(document_id, update))

    async def _apply_update(self, document_id: str, update: dict[str, Any]) -> Document:
        if update:
            await self._collection.update_one({"_id": document_id}, update)
        document: Document | None = await self._collection.find_one({"_id": document_id})
        assert document is not None, document_id
        return document

    def close(self) -> None:
        self._loop.close()


class MontyEngine:
    name = "montydb"

    def __init__(self) -> None:
        # montydb re-reads its storage settings for every client; storing
        # them first lets a second client start in the same process
        # (montydb 2.5.6 raises ConfigurationError otherwise).
        set_storage(":memory:", storage="memory")
        self._client = MontyClient(":memory:", tz_aware=True)
        self._collection = self._client[f"segments_engines_{uuid.uuid4().hex}"]["customers"]

    def load(self, documents: Sequence[Document]) -> None:
        self._collection.delete_many({})
        if documents:
            self._collection.insert_many([dict(document) for document in documents])

    def find_ids(self, query: dict[str, Any]) -> set[str]:
        return {document["_id"] for document in self._collection.find(query, {"_id": 1})}

    def apply_update(self, document_id: str, update: dict[str, Any]) -> Document:
        if update:
            self._collection.update_one({"_id": document_id}, update)
        document: Document | None = self._collection.find_one({"_id": document_id})
        assert document is not None, document_id
        return document

    def close(self) -> None:
        self._client.close()


class MongoServerEngine:
    name = "mongodb"

    def __init__(self, uri: str) -> None:
        self._client: pymongo.MongoClient[Document] = pymongo.MongoClient(
            uri, tz_aware=True, serverSelectionTimeoutMS=5000
        )
        self._database_name = f"segments_engines_{uuid.uuid4().hex[:12]}"
        self._collection = self._client[self._database_name]["customers"]

    def load(self, documents: Sequence[Document]) -> None:
        self._collection.delete_many({})
        if documents:
            self._collection.insert_many([dict(document) for document in documents])

    def find_ids(self, query: dict[str, Any]) -> set[str]:
        return {document["_id"] for document in self._collection.find(query, {"_id": 1})}

    def apply_update(self, document_id: str, update: dict[str, Any]) -> Document:
        if update:
            self._collection.update_one({"_id": document_id}, update)
        document: Document | None = self._collection.find_one({"_id": document_id})
        assert document is not None, document_id
        return document

    def close(self) -> None:
        self._client.drop_database(self._database_name)
        self._client.close()
