"""Property tests: the reference evaluator and every engine pick the same customers."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from tests.engines.engines import Engine
from tests.engines.harness import check_rule
from tests.engines.hypothesis_profiles import engine_settings
from tests.engines.strategies import worlds
from tests.fixtures.customers import CUSTOM_FIELDS


def _check_world(engines: list[Engine], world: dict[str, Any]) -> None:
    customers = {f"c{index}": values for index, values in enumerate(world["customers"])}
    check_rule(
        engines,
        customers,
        world["rule"],
        now=world["now"],
        zone=world["zone"],
        custom_fields=CUSTOM_FIELDS,
        segments=world["segments"],
        foreign_empties=world["foreign_empties"],
    )


@engine_settings()
@given(world=worlds())
def test_embedded_engines_match_reference(
    embedded_engines: list[Engine], world: dict[str, Any]
) -> None:
    _check_world(embedded_engines, world)


@pytest.mark.mongodb
@engine_settings()
@given(world=worlds())
def test_mongodb_server_matches_reference(server_engine: Engine, world: dict[str, Any]) -> None:
    _check_world([server_engine], world)
