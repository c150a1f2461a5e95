"""Lunar-calendar anniversaries through the HTTP API."""

from __future__ import annotations

import datetime as dt

from tests.api.documents import IMPORT_CUSTOMERS, PREVIEW, condition, group
from tests.conftest import Api, Clock

BIRTHDAYS = {
    "Tết 2026": "2026-02-17",  # lunar 1/1
    "Tết 1985": "1985-01-21",  # lunar 1/1 in Vietnam; 20 February in China
    "Tết eve 2026": "2026-02-16",  # lunar 12/29
    "Late month 12": "2026-02-14",  # lunar 12/27
    "Mid month 12": "2026-01-30",  # lunar 12/12
}


async def matching_names(api: Api, groups: list[dict[str, object]]) -> set[str]:
    preview = (await api(PREVIEW, {"groups": groups}))["previewSegment"]
    assert preview["userErrors"] == []
    return {c["fullName"] for c in preview["customers"]}


async def add_birthdays(api: Api) -> None:
    rows = [{"fullName": name, "birthday": day} for name, day in BIRTHDAYS.items()]
    await api(IMPORT_CUSTOMERS, {"rows": rows})


async def test_lunar_month_one_matches_tet_birthdays(api: Api) -> None:
    await add_birthdays(api)
    lunar = condition("birthday", "ANNIVERSARY_IN_MONTH", month=1)
    lunar["calendar"] = "LUNAR"
    assert await matching_names(api, [group(lunar)]) == {"Tết 2026", "Tết 1985"}


async def test_gregorian_month_is_the_default(api: Api) -> None:
    await add_birthdays(api)
    gregorian = condition("birthday", "ANNIVERSARY_IN_MONTH", month=1)
    assert await matching_names(api, [group(gregorian)]) == {"Tết 1985", "Mid month 12"}


async def test_lunar_window_crosses_lunar_new_year(api: Api, clock: Clock) -> None:
    await add_birthdays(api)
    # 3 February 2027, 10:00 in Hanoi, is lunar 12/27; Tết 2027 is 6 February.
    clock.now = dt.datetime(2027, 2, 3, 3, 0, tzinfo=dt.UTC)
    upcoming = condition("birthday", "ANNIVERSARY_IN_NEXT", period={"amount": 7, "unit": "DAYS"})
    upcoming["calendar"] = "LUNAR"
    names = await matching_names(api, [group(upcoming)])
    assert names == {"Tết 2026", "Tết 1985", "Tết eve 2026", "Late month 12"}
