"""Workspace-scoped collections: the only way resolvers reach customer data.

Every filter this wrapper sends starts with the workspace id, and every
document it inserts carries it, so a resolver cannot read or change another
workspace's data by forgetting a condition or passing a foreign id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from storage.database import Collection, Document

WORKSPACE_FIELD = "workspaceId"


class ScopedCollection:
    def __init__(self, collection: Collection, workspace_id: str) -> None:
        self._collection = collection
        self.workspace_id = workspace_id

    @property
    def name(self) -> str:
        return self._collection.name

    def scope(self, filter: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Return `filter` with the workspace id as its first key.

        A filter that names another workspace is a programming error, so it
        raises instead of silently widening or narrowing the query.
        """
        scoped: dict[str, Any] = {WORKSPACE_FIELD: self.workspace_id}
        for key, value in (filter or {}).items():
            if key == WORKSPACE_FIELD and value != self.workspace_id:
                raise ValueError(f"filter names workspace {value!r} inside {self.workspace_id!r}")
            scoped[key] = value
        return scoped

    async def find(
        self,
        filter: Mapping[str, Any] | None = None,
        *,
        sort: Sequence[tuple[str, int]] | None = None,
        skip: int = 0,
        limit: int = 0,
        projection: Mapping[str, Any] | None = None,
    ) -> list[Document]:
        return await self._collection.find(
            self.scope(filter), sort=sort, skip=skip, limit=limit, projection=projection
        )

    async def find_one(self, filter: Mapping[str, Any]) -> Document | None:
        return await self._collection.find_one(self.scope(filter))

    async def count(self, filter: Mapping[str, Any] | None = None) -> int:
        return await self._collection.count(self.scope(filter))

    async def insert_one(self, document: Document) -> Any:
        return await self._collection.insert_one(self._stamp(document))

    async def insert_many(self, documents: Sequence[Document]) -> list[Any]:
        return await self._collection.insert_many([self._stamp(d) for d in documents])

    async def update_one(
        self, filter: Mapping[str, Any], update: Mapping[str, Any], *, upsert: bool = False
    ) -> int:
        return await self._collection.update_one(
            self.scope(filter), self._guard_update(update), upsert=upsert
        )

    async def update_many(self, filter: Mapping[str, Any], update: Mapping[str, Any]) -> int:
        return await self._collection.update_many(self.scope(filter), self._guard_update(update))

    async def find_one_and_update(
        self, filter: Mapping[str, Any], update: Mapping[str, Any], *, upsert: bool = False
    ) -> Document | None:
        return await self._collection.find_one_and_update(
            self.scope(filter), self._guard_update(update), upsert=upsert
        )

    async def delete_many(self, filter: Mapping[str, Any]) -> int:
        return await self._collection.delete_many(self.scope(filter))

    async def aggregate(self, pipeline: Sequence[Mapping[str, Any]]) -> list[Document]:
        """Run `pipeline` after a `$match` on the workspace, which always comes first."""
        first: list[Mapping[str, Any]] = [{"$match": self.scope()}]
        return await self._collection.aggregate([*first, *pipeline])

    def _stamp(self, document: Document) -> Document:
        owner = document.get(WORKSPACE_FIELD, self.workspace_id)
        if owner != self.workspace_id:
            raise ValueError(f"document of workspace {owner!r} inserted into {self.workspace_id!r}")
        return {WORKSPACE_FIELD: self.workspace_id, **document}

    def _guard_update(self, update: Mapping[str, Any]) -> dict[str, Any]:
        for operator in ("$set", "$unset", "$rename"):
            if WORKSPACE_FIELD in update.get(operator, {}):
                raise ValueError("an update may not change a document's workspace")
        return dict(update)
