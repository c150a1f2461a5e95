"""Storage errors, raised in place of driver errors.

    StorageError
    ├── DuplicateKeyError    a unique index rejected a write
    └── StorageUnavailable   the database could not be reached

Only modules under `storage/` import `pymongo.errors`; they re-raise as these
with `from exc`, so resolvers never depend on the driver.
"""

from __future__ import annotations


class StorageError(Exception):
    """Base class of every error raised by the storage layer."""


class DuplicateKeyError(StorageError):
    def __init__(self, collection: str, key: dict[str, object] | None) -> None:
        super().__init__(f"duplicate key in {collection}: {key!r}")
        self.collection = collection
        self.key = key or {}


class StorageUnavailable(StorageError):
    pass
