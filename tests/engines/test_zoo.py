"""Rules over the shared sample customers: the expected members, on every engine.

Each test states the customers it expects by name. `check_rule` asserts
that the reference evaluator and the embedded engines return exactly
those, and so does a real server when `MONGODB_URI` is set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from mongo_filters.conditions import (
    Calendar,
    Condition,
    ConditionValue,
    Operator,
    Period,
    PeriodUnit,
    Rule,
)
from tests.engines.engines import Engine
from tests.engines.harness import check_rule
from tests.fixtures.customers import CUSTOM_FIELDS, SAIGON, UTC, ZOO, ZOO_NOW

Op = Operator
EVERYONE = set(ZOO)


@pytest.fixture(
    scope="module", params=["embedded", pytest.param("server", marks=pytest.mark.mongodb)]
)
def engines(request: pytest.FixtureRequest) -> Iterator[list[Engine]]:
    if request.param == "embedded":
        yield request.getfixturevalue("embedded_engines")
    else:
        yield [request.getfixturevalue("server_engine")]


def members(
    engines: list[Engine],
    rule: Rule,
    now: dt.datetime = ZOO_NOW,
    segments: dict[str, Rule] | None = None,
) -> set[str]:
    return check_rule(
        engines,
        ZOO,
        rule,
        now=now,
        zone=SAIGON,
        custom_fields=CUSTOM_FIELDS,
        segments=segments,
    )


def one(
    field: str, operator: Operator, calendar: Calendar = Calendar.GREGORIAN, **value: Any
) -> Rule:
    return [[Condition(field, operator, ConditionValue(**value), calendar)]]


def days(amount: int) -> Period:
    return Period(amount, PeriodUnit.DAYS)


# Lunar anniversaries.


def test_lunar_month_one_finds_tet_birthdays(engines: list[Engine]) -> None:
    found = members(engines, one("birthday", Op.ANNIVERSARY_IN_MONTH, Calendar.LUNAR, month=1))

    assert "tet_2026" in found  # 17 February 2026 is lunar 1/1
    assert "tet_1985" in found  # 21 January 1985 is lunar 1/1 (China: 20 February)
    assert "eve_2026" not in found  # 16 February 2026 is lunar 12/29
    # 10 February 1990 is lunar 1/15 and 29 February 2000 lunar 1/25.
    assert found == {"tet_2026", "tet_1985", "dao", "leap_day"}


def test_lunar_month_twelve_finds_new_year_eve(engines: list[Engine]) -> None:
    found = members(engines, one("birthday", Op.ANNIVERSARY_IN_MONTH, Calendar.LUNAR, month=12))

    assert found == {"eve_2026", "lunar_12_30"}


def test_lunar_window_crosses_the_lunar_new_year(engines: list[Engine]) -> None:
    # 1 February 2027, 09:00 in Hanoi, is lunar 12/25 of 2026; the next 7
    # days run to lunar 1/3 of 2027, and that twelfth month has 29 days.
    now = dt.datetime(2027, 2, 1, 2, 0, tzinfo=UTC)
    rule = one("birthday", Op.ANNIVERSARY_IN_NEXT, Calendar.LUNAR, period=days(7))

    assert members(engines, rule, now) == {"tet_2026", "tet_1985", "eve_2026", "lunar_12_30"}


def test_lunar_anniversary_is_today_on_tet(engines: list[Engine]) -> None:
    tet_2027 = dt.datetime(2027, 2, 6, 2, 0, tzinfo=UTC)
    rule = one("birthday", Op.ANNIVERSARY_IS_TODAY, Calendar.LUNAR)

    assert members(engines, rule, tet_2027) == {"tet_2026", "tet_1985"}


def test_lunar_datetime_uses_workspace_day(engines: list[Engine]) -> None:
    # eve_2026 last visited at 23:59:59.999 on 16 February 2026 in Hanoi
    # (lunar 12/29); tet_1985 at 00:00 on 6 February 2027 (lunar 1/1).
    rule = one("custom.last_visit", Op.ANNIVERSARY_IN_MONTH, Calendar.LUNAR, month=12)

    assert members(engines, rule) == {"eve_2026"}


# Gregorian anniversaries and days.


def test_birthday_today(engines: list[Engine]) -> None:
    assert members(engines, one("birthday", Op.ANNIVERSARY_IS_TODAY)) == {"dao"}


def test_leap_day_birthday_counts_on_28_february(engines: list[Engine]) -> None:
    common_year = dt.datetime(2027, 2, 28, 2, 0, tzinfo=UTC)
    leap_year = dt.datetime(2028, 2, 28, 2, 0, tzinfo=UTC)
    rule = one("birthday", Op.ANNIVERSARY_IS_TODAY)

    assert members(engines, rule, common_year) == {"leap_day"}
    assert members(engines, rule, leap_year) == set()


def test_birthdays_in_february(engines: list[Engine]) -> None:
    found = members(engines, one("birthday", Op.ANNIVERSARY_IN_MONTH, month=2))

    assert found == {"dao", "tet_2026", "eve_2026", "leap_day", "lunar_12_30"}


def test_on_a_day_uses_hanoi_midnights(engines: list[Engine]) -> None:
    found = members(engines, one("createdAt", Op.ON, date=dt.date(2027, 2, 10)))

    assert found == {"dao_nfd", "midnight_after"}


def test_before_a_day_excludes_its_first_millisecond(engines: list[Engine]) -> None:
    found = members(engines, one("createdAt", Op.BEFORE, date=dt.date(2027, 2, 10)))

    assert found == {"dao", "midnight_before", "foreign_phone"}


def test_in_last_seven_days_includes_both_ends(engines: list[Engine]) -> None:
    found = members(engines, one("lastOrderAt", Op.IN_LAST, period=days(7)))

    assert found == {"dao", "midnight_before"}


def test_more_than_ago_never_matches_empty(engines: list[Engine]) -> None:
    found = members(engines, one("facebookInteractedAt", Op.MORE_THAN_AGO, period=days(30)))

    assert found == {"midnight_after"}


# Text, phones and selects.


def test_name_matches_without_case_or_diacritics(engines: list[Engine]) -> None:
    assert members(engines, one("fullName", Op.CONTAINS, text="NGUYEN thi  dao")) == {
        "dao",
        "dao_nfd",
    }


def test_city_matches_nfd_spelling(engines: list[Engine]) -> None:
    assert members(engines, one("city", Op.IS, text="ha noi")) == {"dao", "dao_nfd"}


def test_pattern_characters_are_plain_text(engines: list[Engine]) -> None:
    assert members(engines, one("address", Op.CONTAINS, text="(")) == set()
    assert members(engines, one("source", Op.STARTS_WITH, text="csv ")) == {
        "foreign_phone",
        "us_phone",
    }


def test_phone_in_any_form_is_one_number(engines: list[Engine]) -> None:
    assert members(engines, one("phone", Op.IS, text="0912345678")) == {"dao", "dao_nfd"}


def test_phone_contains_national_or_international_digits(engines: list[Engine]) -> None:
    expected = {"dao", "dao_nfd", "tet_2026"}

    assert members(engines, one("phone", Op.CONTAINS, text="0912")) == expected
    assert members(engines, one("phone", Op.CONTAINS, text="84912")) == expected


def test_invalid_phone_is_found_by_its_digits(engines: list[Engine]) -> None:
    assert members(engines, one("phone", Op.ENDS_WITH, text="x4715")) == {"foreign_phone"}


def test_gender_is_not_matches_empty(engines: list[Engine]) -> None:
    found = members(engines, one("gender", Op.IS_NOT, text="FEMALE"))

    assert found == EVERYONE - {"dao", "dao_nfd", "eve_2026"}


def test_email_is_empty(engines: list[Engine]) -> None:
    found = members(engines, one("email", Op.IS_EMPTY))

    assert found == EVERYONE - {"dao", "dao_nfd", "tet_1985", "foreign_phone"}


# Tags and custom fields.


def test_tags_ignore_case_but_not_diacritics(engines: list[Engine]) -> None:
    assert members(engines, one("tags", Op.HAS_ANY_OF, texts=("vip",))) == {"dao", "dao_nfd"}
    assert members(engines, one("tags", Op.HAS_ANY_OF, texts=("si",))) == {"eve_2026"}
    assert members(engines, one("tags", Op.HAS_ALL_OF, texts=("VIP", "khách mới"))) == {
        "dao",
        "dao_nfd",
    }


def test_custom_number_compares_numerically(engines: list[Engine]) -> None:
    found = members(engines, one("custom.score", Op.GREATER_THAN, number=41))

    assert found == {"dao", "midnight_after"}


def test_custom_boolean_is_false_matches_empty(engines: list[Engine]) -> None:
    found = members(engines, one("custom.vip", Op.IS_FALSE))

    assert found == EVERYONE - {"dao", "midnight_after"}


def test_custom_select_and_multi_select(engines: list[Engine]) -> None:
    assert members(engines, one("custom.tier", Op.IS, text="vàng")) == {"dao", "dao_nfd"}
    hobbies = one("custom.hobbies", Op.HAS_ALL_OF, texts=("Du lịch", "Đọc sách"))
    assert members(engines, hobbies) == {"dao_nfd"}


def test_custom_date_anniversary_in_month(engines: list[Engine]) -> None:
    found = members(engines, one("custom.member_since", Op.ANNIVERSARY_IN_MONTH, month=2))

    assert found == {"tet_2026", "leap_day"}


# Groups and segments.


def test_groups_are_or_and_conditions_are_and(engines: list[Engine]) -> None:
    rule: Rule = [
        [
            Condition("city", Op.IS, ConditionValue(text="Hà Nội")),
            Condition("gender", Op.IS, ConditionValue(text="FEMALE")),
        ],
        [Condition("custom.tier", Op.IS, ConditionValue(text="Đồng"))],
    ]

    assert members(engines, rule) == {"dao", "dao_nfd", "us_phone"}


def test_in_and_not_in_segment(engines: list[Engine]) -> None:
    segments = {"vip": one("tags", Op.HAS_ANY_OF, texts=("VIP",))}
    inside: Rule = [
        [
            Condition("segment", Op.IN_SEGMENT, ConditionValue(segment_id="vip")),
            Condition("emailVerified", Op.IS_TRUE),
        ]
    ]
    outside = one("segment", Op.NOT_IN_SEGMENT, segment_id="vip")

    assert members(engines, inside, segments=segments) == {"dao"}
    assert members(engines, outside, segments=segments) == EVERYONE - {"dao", "dao_nfd"}
