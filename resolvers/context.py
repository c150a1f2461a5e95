"""The per-request context that every resolver receives as `info.context`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from models.problems import Language
from storage.database import Database
from storage.scoped import ScopedCollection
from storage.workspaces import WorkspaceRecord

Scope = Literal["read", "write"]


@dataclass(frozen=True)
class Limits:
    max_page_size: int = 100
    max_import_rows: int = 1000
    max_groups: int = 20
    max_conditions_per_group: int = 20
    max_batch_ids: int = 100
    max_inlined_conditions: int = 2000
    count_cache_seconds: float = 60.0


@dataclass
class RequestContext:
    """Per-request state for resolvers: the caller's workspace, its data, the clock.

    `cache` lives for one request, so loaders can share what they read
    (custom field definitions, referenced segments) across resolvers.
    """

    database: Database
    workspace: WorkspaceRecord
    scope: Scope
    clock: Callable[[], dt.datetime]
    language: Language
    request_id: str
    limits: Limits
    request: Any = None
    response: Any = None
    cache: dict[str, Any] = field(default_factory=dict)

    def collection(self, name: str) -> ScopedCollection:
        return ScopedCollection(self.database.collection(name), self.workspace.id)

    def now(self) -> dt.datetime:
        return self.clock()
