"""Concurrent changes to the segment reference graph.

The embedded engine never switches tasks inside a database call, which
hides races that a network driver exposes. These tests make every storage
call yield to the event loop first, as a real driver does.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any

import pytest

from storage.database import Collection
from tests.api.documents import CREATE_SEGMENT, SEGMENT_NAMES, UPDATE_SEGMENT, condition, group
from tests.conftest import Api

YIELDING = (
    "find",
    "find_one",
    "count",
    "insert_one",
    "update_one",
    "find_one_and_update",
    "delete_many",
)


@pytest.fixture(autouse=True)
def yielding_storage(monkeypatch: pytest.MonkeyPatch) -> None:
    def yielding(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            await asyncio.sleep(0.001)
            return await method(*args, **kwargs)

        return wrapper

    for name in YIELDING:
        monkeypatch.setattr(Collection, name, yielding(getattr(Collection, name)))


async def create(api: Api, name: str) -> str:
    groups = [group(condition("orderCount", "GREATER_THAN", number=1))]
    data = await api(CREATE_SEGMENT, {"name": name, "groups": groups})
    segment_id: str = data["createSegment"]["segment"]["id"]
    return segment_id


def uses(segment_id: str) -> dict[str, Any]:
    return {"conditionGroups": [group(condition("segment", "IN_SEGMENT", segmentId=segment_id))]}


async def test_crossed_references_never_both_saved(api: Api) -> None:
    first = await create(api, "First")
    second = await create(api, "Second")
    results = await asyncio.gather(
        api(UPDATE_SEGMENT, {"id": first, "input": uses(second)}),
        api(UPDATE_SEGMENT, {"id": second, "input": uses(first)}),
    )
    codes = [[e["code"] for e in r["updateSegment"]["userErrors"]] for r in results]
    assert sorted(codes) == [[], ["REFERENCE_CYCLE"]]


async def test_listing_survives_a_dangling_reference(api: Api) -> None:
    target = await create(api, "Target")
    user = await create(api, "User")
    await api(UPDATE_SEGMENT, {"id": user, "input": uses(target)})

    # Remove the target behind the API's back, as a concurrent writer on
    # another process could.
    app_database = api.client._transport.app.state.database  # type: ignore[attr-defined]
    await app_database.collection("segments").delete_many({"name": "Target"})

    data = await api("{ segments(first: 50) { edges { node { name customerCount } } } }")
    counts = {e["node"]["name"]: e["node"]["customerCount"] for e in data["segments"]["edges"]}
    assert counts["User"] == 0
    names = [e["node"]["name"] for e in (await api(SEGMENT_NAMES))["segments"]["edges"]]
    assert "Target" not in names
