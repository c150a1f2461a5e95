"""The database handle: PyMongo's async client, or the embedded engine.

`MONGODB_URI` selects PyMongo's `AsyncMongoClient`; without it the service
runs on mongomock-motor, an in-memory engine that keeps nothing after exit.
The two differ in small ways (PyMongo's `aggregate` is a coroutine that
returns a cursor, Motor's returns the cursor directly), and `Collection`
hides those differences from the rest of the service.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pymongo import ReturnDocument
from pymongo import errors as driver_errors

from storage.errors import DuplicateKeyError, StorageError, StorageUnavailable

logger = logging.getLogger(__name__)

Document = dict[str, Any]


class Collection:
    """One MongoDB collection, driver-neutral, with driver errors translated."""

    def __init__(self, raw: Any, name: str, counter: OperationCounter) -> None:
        self._raw = raw
        self.name = name
        self._counter = counter

    async def find(
        self,
        filter: Mapping[str, Any],
        *,
        sort: Sequence[tuple[str, int]] | None = None,
        skip: int = 0,
        limit: int = 0,
        projection: Mapping[str, Any] | None = None,
    ) -> list[Document]:
        self._counter.record(self.name, "find")
        with _translated(self.name):
            cursor = self._raw.find(dict(filter), projection)
            if sort:
                cursor = cursor.sort(list(sort))
            if skip:
                cursor = cursor.skip(skip)
            if limit:
                cursor = cursor.limit(limit)
            return list(await cursor.to_list(length=None))

    async def find_one(self, filter: Mapping[str, Any]) -> Document | None:
        self._counter.record(self.name, "find_one")
        with _translated(self.name):
            result: Document | None = await self._raw.find_one(dict(filter))
            return result

    async def count(self, filter: Mapping[str, Any]) -> int:
        self._counter.record(self.name, "count")
        with _translated(self.name):
            return int(await self._raw.count_documents(dict(filter)))

    async def insert_one(self, document: Document) -> Any:
        self._counter.record(self.name, "insert_one")
        with _translated(self.name):
            result = await self._raw.insert_one(document)
            return result.inserted_id

    async def insert_many(self, documents: Sequence[Document]) -> list[Any]:
        if not documents:
            return []
        self._counter.record(self.name, "insert_many")
        with _translated(self.name):
            result = await self._raw.insert_many(list(documents), ordered=True)
            return list(result.inserted_ids)

    async def update_one(
        self, filter: Mapping[str, Any], update: Mapping[str, Any], *, upsert: bool = False
    ) -> int:
        self._counter.record(self.name, "update_one")
        with _translated(self.name):
            result = await self._raw.update_one(dict(filter), dict(update), upsert=upsert)
            return int(result.modified_count) + (1 if result.upserted_id is not None else 0)

    async def update_many(self, filter: Mapping[str, Any], update: Mapping[str, Any]) -> int:
        self._counter.record(self.name, "update_many")
        with _translated(self.name):
            result = await self._raw.update_many(dict(filter), dict(update))
            return int(result.modified_count)

    async def find_one_and_update(
        self, filter: Mapping[str, Any], update: Mapping[str, Any], *, upsert: bool = False
    ) -> Document | None:
        """Apply `update` to one document and return it as it is afterwards."""
        self._counter.record(self.name, "find_one_and_update")
        with _translated(self.name):
            result: Document | None = await self._raw.find_one_and_update(
                dict(filter), dict(update), upsert=upsert, return_document=ReturnDocument.AFTER
            )
            return result

    async def delete_many(self, filter: Mapping[str, Any]) -> int:
        self._counter.record(self.name, "delete_many")
        with _translated(self.name):
            result = await self._raw.delete_many(dict(filter))
            return int(result.deleted_count)

    async def aggregate(self, pipeline: Sequence[Mapping[str, Any]]) -> list[Document]:
        self._counter.record(self.name, "aggregate")
        with _translated(self.name):
            cursor = self._raw.aggregate([dict(stage) for stage in pipeline])
            if inspect.isawaitable(cursor):
                cursor = await cursor
            return list(await cursor.to_list(length=None))

    async def create_index(
        self, keys: Sequence[tuple[str, int]], *, name: str, unique: bool = False
    ) -> None:
        with _translated(self.name):
            await self._raw.create_index(list(keys), name=name, unique=unique)


class OperationCounter:
    """Counts storage calls, so tests and benchmarks can catch N+1 queries."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.enabled = False

    def record(self, collection: str, operation: str) -> None:
        if self.enabled:
            self.calls.append((collection, operation))

    def reset(self) -> None:
        self.calls.clear()


class Database:
    """A database handle that owns its client; `close()` releases it."""

    def __init__(self, client: Any, name: str, *, embedded: bool) -> None:
        self._client = client
        self._db = client[name]
        self.embedded = embedded
        self.counter = OperationCounter()

    def collection(self, name: str) -> Collection:
        return Collection(self._db[name], name, self.counter)

    async def ping(self) -> None:
        if self.embedded:
            return
        with _translated("admin"):
            await self._db.command("ping")

    async def close(self) -> None:
        closing = self._client.close()
        if inspect.isawaitable(closing):
            await closing


def open_database(uri: str | None, name: str) -> Database:
    """Connect to MongoDB at `uri`, or open the embedded engine when it is None."""
    if uri is None:
        from mongomock_motor import AsyncMongoMockClient

        logger.info(
            "using the embedded in-memory store: it keeps nothing after exit; "
            "set MONGODB_URI to use MongoDB"
        )
        return Database(AsyncMongoMockClient(), name, embedded=True)

    from pymongo import AsyncMongoClient

    client: Any = AsyncMongoClient(uri, tz_aware=True, serverSelectionTimeoutMS=5000)
    logger.info("using MongoDB database %r", name)
    return Database(client, name, embedded=False)


@contextlib.contextmanager
def _translated(collection: str) -> Iterator[None]:
    """Re-raise driver errors raised inside the block as storage errors."""
    try:
        yield
    except driver_errors.DuplicateKeyError as exc:
        details = exc.details or {}
        raise DuplicateKeyError(collection, details.get("keyValue")) from exc
    except (driver_errors.ConnectionFailure, driver_errors.ServerSelectionTimeoutError) as exc:
        raise StorageUnavailable(f"MongoDB is unreachable: {exc}") from exc
    except driver_errors.PyMongoError as exc:
        raise StorageError(f"{collection}: {exc}") from exc
