"""Per-workspace serialisation of changes to the segment reference graph.

Saving a segment checks its references (no cycle, no deleted segment, no
removed custom field) and then writes. Two such changes running at once
could each pass their check and together store a cycle. Within one process
this lock makes check and write atomic per workspace.
"""

from __future__ import annotations

import asyncio
import weakref

from resolvers.context import RequestContext

# NOTE: the lock covers one process. Several API processes can still race,
# and then compile_rules treats a rule that no longer compiles as matching
# no customer. A lock document in MongoDB would close the gap.
_locks: weakref.WeakValueDictionary[tuple[int, str], asyncio.Lock] = weakref.WeakValueDictionary()


def rule_graph_lock(ctx: RequestContext) -> asyncio.Lock:
    """Return the lock that segment and custom field writes of this workspace share."""
    key = (id(ctx.database), ctx.workspace.id)
    lock = _locks.get(key)
    if lock is None:
        lock = asyncio.Lock()
        _locks[key] = lock
    # The context keeps the lock alive for the rest of the request.
    ctx.cache["rule_graph_lock"] = lock
    return lock
