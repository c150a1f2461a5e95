"""Filter shapes on which the engines disagree, pinned so a change is noticed.

MongoDB's answer is the reference (its manual, and the real server when
`MONGODB_URI` is set). Each quirk is logged in `docs/engine-disagreements.md`;
the compiler must not rely on any of these shapes. A quirk that an engine
fixes makes its strict xfail pass, which fails the run: then update the log.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.engines.engines import Engine, MongomockEngine, MontyEngine

DOCUMENTS: list[dict[str, Any]] = [
    {"_id": "missing"},
    {"_id": "null", "value": None},
    {"_id": "empty_list", "value": []},
    {"_id": "list_with_x", "value": ["x"]},
    {"_id": "true", "value": True},
    {"_id": "one", "value": 1},
]

# Shape, then the `_id`s that MongoDB matches.
QUIRKS: dict[str, tuple[dict[str, Any], set[str]]] = {
    "null_or_empty_list": ({"value": {"$in": [None, []]}}, {"missing", "null", "empty_list"}),
    "true_is_not_one": ({"value": True}, {"true"}),
    "one_is_not_true": ({"value": {"$in": [1]}}, {"one"}),
}

MONGOMOCK_WRONG = pytest.mark.xfail(
    reason="mongomock 4.3 differs from MongoDB, see docs/engine-disagreements.md", strict=True
)


def load(engine: Engine) -> Engine:
    engine.load(DOCUMENTS)
    return engine


@pytest.mark.parametrize(
    "quirk",
    [pytest.param(name, marks=MONGOMOCK_WRONG) for name in QUIRKS],
)
def test_mongomock_quirk(quirk: str) -> None:
    engine = load(MongomockEngine())
    query, expected = QUIRKS[quirk]

    try:
        assert engine.find_ids(query) == expected
    finally:
        engine.close()


@pytest.mark.parametrize("quirk", list(QUIRKS))
def test_montydb_agrees_with_mongodb(quirk: str) -> None:
    engine = load(MontyEngine())
    query, expected = QUIRKS[quirk]

    try:
        assert engine.find_ids(query) == expected
    finally:
        engine.close()


@pytest.mark.mongodb
@pytest.mark.parametrize("quirk", list(QUIRKS))
def test_mongodb_server_answers(server_engine: Engine, quirk: str) -> None:
    query, expected = QUIRKS[quirk]

    assert load(server_engine).find_ids(query) == expected
