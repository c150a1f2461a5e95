"""Engines of the engine tests, one of each per test module."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.engines.engines import Engine, MongomockEngine, MongoServerEngine, MontyEngine


@pytest.fixture(scope="module")
def embedded_engines() -> Iterator[list[Engine]]:
    engines: list[Engine] = [MongomockEngine(), MontyEngine()]
    yield engines
    for engine in engines:
        engine.close()


@pytest.fixture(scope="module")
def server_engine() -> Iterator[Engine]:
    uri = os.environ.get("MONGODB_URI")
    if not uri:
        pytest.skip("needs a MongoDB server: set MONGODB_URI")
    engine = MongoServerEngine(uri)
    yield engine
    engine.close()
