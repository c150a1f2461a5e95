from __future__ import annotations

from tests.conftest import Api


async def test_default_segments_listed(api: Api) -> None:
    data = await api(
        "{ segments(first: 20) { totalCount edges { node { name defaultKey customerCount } } } }"
    )
    assert data["segments"]["totalCount"] == 6
