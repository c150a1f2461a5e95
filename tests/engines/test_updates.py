"""Property test of `build_customer_update`: an update stored by an engine
gives the document that building the merged input from scratch gives.

The merge follows the update contract: each standard field given replaces
the stored one (None, blank and `[]` remove it), and `customFields` is
merged key by key.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from models.customer_document import build_customer_document, build_customer_update
from tests.engines.engines import Engine
from tests.engines.hypothesis_profiles import engine_settings
from tests.engines.strategies import ZONES, draw_customer, draw_now, pick
from tests.fixtures.customers import CUSTOM_FIELDS

UTC = dt.UTC
TEXT_KEYS = ("fullName", "email", "phone", "gender", "city", "address", "source")
EMPTY_VALUES: dict[str, list[Any]] = {
    **{key: [None, "", "  "] for key in TEXT_KEYS},
    "tags": [None, [], ["  "]],
}


@st.composite
def changes(draw: st.DrawFn) -> dict[str, Any]:
    now = draw_now(draw)
    zone = pick(draw, ZONES)
    stored = draw_customer(draw, now, zone)
    update = draw_customer(draw, now, zone)
    # Removals are part of the contract: blank some of the fields given,
    # each with an empty value that its GraphQL type can carry.
    for key in list(update):
        if key != "customFields" and draw(st.integers(0, 3)) == 3:
            update[key] = pick(draw, EMPTY_VALUES.get(key, [None]))
    for key in list(update.get("customFields", {})):
        if draw(st.integers(0, 3)) == 3:
            update["customFields"][key] = None
    return {"zone": zone, "stored": stored, "update": update}


def merged(stored: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    result = dict(stored)
    for key, value in update.items():
        if key == "customFields":
            result[key] = {**(stored.get(key) or {}), **(value or {})}
        else:
            result[key] = value
    return result


def comparable(document: Any) -> Any:
    """Drop empty sub-documents (`$unset` leaves them) and read datetimes as UTC."""
    if isinstance(document, dict):
        pairs = {key: comparable(value) for key, value in document.items() if key != "_id"}
        return {key: value for key, value in pairs.items() if value != {}}
    if isinstance(document, list):
        return [comparable(item) for item in document]
    if isinstance(document, dt.datetime):
        return document.replace(tzinfo=UTC) if document.tzinfo is None else document.astimezone(UTC)
    return document


def check_update(
    engine: Engine, stored: dict[str, Any], update: dict[str, Any], zone: ZoneInfo
) -> None:
    before, problems = build_customer_document(stored, custom_fields=CUSTOM_FIELDS, zone=zone)
    assert problems == []
    change = build_customer_update(update, custom_fields=CUSTOM_FIELDS, zone=zone)
    assert change.problems == []
    expected, problems = build_customer_document(
        merged(stored, update), custom_fields=CUSTOM_FIELDS, zone=zone
    )
    assert problems == []

    engine.load([{"_id": "c", **before}])
    after = engine.apply_update("c", change.as_update())

    assert comparable(after) == comparable(expected)


@engine_settings()
@given(case=changes())
def test_update_matches_rebuilt_document(
    embedded_engines: list[Engine], case: dict[str, Any]
) -> None:
    for engine in embedded_engines:
        check_update(engine, case["stored"], case["update"], case["zone"])
