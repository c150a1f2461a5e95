"""Hypothesis strategies for the engine tests: customers, rules and moments.

Values are drawn from small pools of realistic Vietnamese data and then
respelled (NFD, case, padding, doubled spaces), so that generated rules
match a fair share of generated customers and every spelling difference
that normalisation must absorb shows up. The operator table is written here
from the product's field types, not imported from the compiler.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from models.lunar import lunar_month_day, to_lunar
from models.text import fold_text
from mongo_filters.conditions import (
    Calendar,
    Condition,
    ConditionValue,
    DateRange,
    FieldType,
    NumberRange,
    Operator,
    Period,
    PeriodUnit,
    Rule,
)
from tests.engines.reference import STANDARD_FIELD_TYPES
from tests.fixtures.customers import CUSTOM_FIELDS

UTC = dt.UTC
Op = Operator
T = FieldType

OPERATORS_BY_TYPE: dict[FieldType, tuple[Operator, ...]] = {
    T.TEXT: (
        Op.IS, Op.IS_NOT, Op.CONTAINS, Op.NOT_CONTAINS, Op.STARTS_WITH, Op.ENDS_WITH,
        Op.IS_ANY_OF, Op.IS_NONE_OF, Op.IS_EMPTY, Op.IS_NOT_EMPTY,
    ),
    T.NUMBER: (
        Op.IS, Op.IS_NOT, Op.GREATER_THAN, Op.GREATER_THAN_OR_EQUAL, Op.LESS_THAN,
        Op.LESS_THAN_OR_EQUAL, Op.BETWEEN, Op.IS_EMPTY, Op.IS_NOT_EMPTY,
    ),
    T.DATE: (
        Op.ON, Op.BEFORE, Op.AFTER, Op.BETWEEN, Op.IN_LAST, Op.MORE_THAN_AGO, Op.IN_NEXT,
        Op.ANNIVERSARY_IS_TODAY, Op.ANNIVERSARY_IN_NEXT, Op.ANNIVERSARY_IN_MONTH,
        Op.IS_EMPTY, Op.IS_NOT_EMPTY,
    ),
    T.BOOLEAN: (Op.IS_TRUE, Op.IS_FALSE),
    T.SELECT: (Op.IS, Op.IS_NOT, Op.IS_ANY_OF, Op.IS_NONE_OF, Op.IS_EMPTY, Op.IS_NOT_EMPTY),
    T.TAGS: (Op.HAS_ANY_OF, Op.HAS_ALL_OF, Op.HAS_NONE_OF, Op.IS_EMPTY, Op.IS_NOT_EMPTY),
    T.SEGMENT: (Op.IN_SEGMENT, Op.NOT_IN_SEGMENT),
}  # fmt: skip
OPERATORS_BY_TYPE[T.DATETIME] = OPERATORS_BY_TYPE[T.DATE]
OPERATORS_BY_TYPE[T.MULTI_SELECT] = OPERATORS_BY_TYPE[T.TAGS]

ANNIVERSARIES = (Op.ANNIVERSARY_IS_TODAY, Op.ANNIVERSARY_IN_NEXT, Op.ANNIVERSARY_IN_MONTH)

ZONES = [ZoneInfo("Asia/Ho_Chi_Minh")] * 4 + [ZoneInfo("UTC"), ZoneInfo("America/New_York")]

NAMES = [
    "Nguyễn Thị Đào",
    "Trần Văn Đức",
    "Lê Thị Hồng",
    "Phạm Minh Đạt",
    "Đặng Thu Thảo",
    "Hoàng Anh",
    "Andrew Goodman",
    "nguyen thi dao",
]
NAME_PARTS = ["Nguyễn", "nguyen", "Thị", "thi dao", "Đức", "duc", "ĐẶNG", "Thảo", "an", "Dao", "n"]
CITIES = ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Huế", "Hải Phòng", "Cần Thơ"]
CITY_PARTS = ["Hà", "ha noi", "Nội", "Hồ Chí", "TP.", "da nang", "Huế", "hue", "ơ", "."]
ADDRESSES = ["12 Đường Láng, Đống Đa", "34 Lê Lợi, Quận 1", "5 Trần Phú (tầng 2)", "Ngõ 7/3 [A]"]
ADDRESS_PARTS = ["Đường", "duong lang", "Quận 1", "(tầng 2)", "[A]", "7/3", ", ", "Lê"]
SOURCES = ["Facebook Ads", "Zalo OA", "CSV import", "Website", "Cửa hàng", "a.b*c"]
SOURCE_PARTS = ["facebook", "ZALO", "import", "web", "cua hang", "a.b", "*", "b*c"]
EMAILS = [
    "dao.nguyen@example.com",
    "Duc.Tran@Mail.VN",
    "hong@example.com",
    "dat+vip@shop.vn",
    "thao@example.vn",
]
EMAIL_PARTS = ["@example.com", "dao", ".vn", "+vip", "DUC", "mail", "@", "e.c"]
PHONES = [
    "0912 345 678",
    "+84 912 345 678",
    "84912345678",
    "0912345679",
    "098 765 4321",
    "028 3823 4567",
    "846-790-4623x4715",
    "(422)787-2331x71127",
    "+1 650-253-0000",
    "001-680-204-8312",
    "12345",
    "abc",
]
PHONE_DIGITS = [
    "0912",
    "84912",
    "912",
    "345",
    "678",
    "4567",
    "0987",
    "0283",
    "846",
    "4715",
    "650",
    "0",
    "8",
]
TAGS = [
    "VIP",
    "vip",
    " Vip ",
    "Khách mới",
    "khách  mới",
    "KHÁCH MỚI",
    "Sỉ",
    "sỉ",
    "si",
    "Imported",
    "Đại lý",
    "dai ly",
]
GENDERS = ["MALE", "male", "Nam", "FEMALE", "female", "Nữ", "nu", "NỮ", "OTHER", "khác", "Khac"]
GENDER_OPTIONS = ["MALE", "FEMALE", "OTHER", "female", "Other"]
NOTES = ["Khách quen", "khach quen", "Sinh ngày 29/2", "Gọi sau 5h", "đã liên hệ"]
NOTE_PARTS = ["khách", "QUEN", "29/2", "goi", "đã", "5h"]


_Item = TypeVar("_Item")

# Drawing helpers. Strategies are built once and cached: building new
# strategy objects on every draw made generation the slowest part of a run.


@functools.cache
def _index(size: int) -> st.SearchStrategy[int]:
    return st.integers(0, size - 1)


@functools.cache
def _between(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


def pick(draw: st.DrawFn, options: Sequence[_Item]) -> _Item:
    """Draw one of `options`; earlier ones are simpler when hypothesis shrinks."""
    return options[draw(_index(len(options)))]


def number(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(_between(low, high))


def chance(draw: st.DrawFn, one_in: int) -> bool:
    """Draw True about once in `one_in` draws; shrinking goes to False."""
    return draw(_between(1, one_in)) == one_in


def respell(draw: st.DrawFn, text: str) -> str:
    """Return `text` spelled another way that normalisation must undo."""
    text = unicodedata.normalize(pick(draw, ["NFC", "NFD"]), text)
    case = pick(draw, ["same", "upper", "lower", "same"])
    if case == "upper":
        text = text.upper()
    elif case == "lower":
        text = text.lower()
    if chance(draw, 2):
        text = text.replace(" ", "  ")
    padding = pick(draw, ["", " ", "\t", ""])
    return padding + text + padding


def spelled(draw: st.DrawFn, pool: Sequence[str]) -> str:
    return respell(draw, pick(draw, pool))


def maybe_blank(draw: st.DrawFn, value: Callable[[], Any]) -> Any:
    """Return `value()` or, one time in five, a blank (None, "" or spaces)."""
    if chance(draw, 5):
        return pick(draw, [None, "", "   "])
    return value()


# Moments: `now` falls near interesting boundaries (local midnight, Tết,
# 29 February), and customer dates fall near `now`.

NOW_ANCHORS = [
    dt.datetime(2026, 2, 16, 16, 59, 59, tzinfo=UTC),  # 23:59:59 on Tết eve in Hanoi
    dt.datetime(2026, 2, 16, 17, 0, tzinfo=UTC),  # Tết 2026 starts in Hanoi
    dt.datetime(2025, 12, 31, 17, 0, tzinfo=UTC),  # New Year in Hanoi
    dt.datetime(2028, 2, 28, 10, 0, tzinfo=UTC),  # leap year
    dt.datetime(2027, 2, 28, 16, 59, 59, tzinfo=UTC),  # non-leap 28 February, late
    dt.datetime(2026, 3, 31, 3, 0, tzinfo=UTC),  # month end: one month back is 28 February
    dt.datetime(2026, 11, 1, 6, 30, tzinfo=UTC),  # New York leaves daylight saving
    dt.datetime(2030, 2, 2, 5, 0, tzinfo=UTC),  # Tết 2030 in Vietnam, not in China
]
FIRST_NOW = dt.datetime(2024, 1, 1, tzinfo=UTC)
NOW_SPAN_SECONDS = 8 * 365 * 86_400

SPECIAL_DAYS = [
    dt.date(2026, 2, 17),
    dt.date(2026, 2, 16),
    dt.date(1985, 1, 21),
    dt.date(2000, 2, 29),
    dt.date(1996, 2, 29),
    dt.date(2025, 7, 25),  # first day of the leap sixth lunar month of 2025
    dt.date(2026, 3, 18),  # lunar 1/30 of 2026, a 30-day month
    dt.date(1990, 12, 31),
    dt.date(1900, 1, 1),
    dt.date(2200, 12, 31),
]
DAY_OFFSETS = [-1, 0, 1, 7, 30, 31, 365, 366]
# Days from 1 January 1900 to 31 December 2200, the dates a value may take.
SUPPORTED_DAYS = (dt.date(2200, 12, 31) - dt.date(1900, 1, 1)).days
MILLISECONDS_A_DAY = 86_400_000


def draw_now(draw: st.DrawFn) -> dt.datetime:
    if chance(draw, 2):
        return pick(draw, NOW_ANCHORS)
    return FIRST_NOW + dt.timedelta(seconds=number(draw, 0, NOW_SPAN_SECONDS))


def draw_instant(draw: st.DrawFn, now: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Return an instant near `now`, often on a local midnight; sometimes naive local time."""
    kind = number(draw, 0, 2)
    if kind == 0:
        moment = now + dt.timedelta(days=number(draw, -800, 800))
    elif kind == 1:
        moment = now + dt.timedelta(days=pick(draw, DAY_OFFSETS))
    else:
        offset = number(draw, -3 * MILLISECONDS_A_DAY, 3 * MILLISECONDS_A_DAY)
        moment = now + dt.timedelta(milliseconds=offset)
    if chance(draw, 2):
        local = moment.astimezone(zone)
        midnight = dt.datetime(local.year, local.month, local.day, tzinfo=zone)
        moment = midnight.astimezone(UTC) + dt.timedelta(milliseconds=pick(draw, [0, -1, 1]))
    moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    if chance(draw, 6):
        return moment.astimezone(zone).replace(tzinfo=None)
    if chance(draw, 2):
        return moment.astimezone(zone)
    return moment


def draw_day(draw: st.DrawFn, now: dt.datetime, zone: ZoneInfo) -> dt.date:
    today = now.astimezone(zone).date()
    choice = number(draw, 0, 3)
    if choice == 0:
        return pick(draw, SPECIAL_DAYS)
    if choice == 1:
        year = today.year + number(draw, -80, 2)
        day = today.replace(year=year, day=min(today.day, 28) if today.month == 2 else today.day)
        return day + dt.timedelta(days=number(draw, -3, 3))
    if choice == 2:
        return dt.date(1900, 1, 1) + dt.timedelta(days=number(draw, 0, SUPPORTED_DAYS))
    return today + dt.timedelta(days=number(draw, -400, 400))


# Customers.


def present(draw: st.DrawFn) -> bool:
    """Draw whether a field is given: four times in five, since rules need values."""
    return not chance(draw, 5)


def draw_custom_values(draw: st.DrawFn, now: dt.datetime, zone: ZoneInfo) -> dict[str, Any]:
    makers: dict[str, Callable[[], Any]] = {
        "note": lambda: maybe_blank(draw, lambda: spelled(draw, NOTES)),
        "score": lambda: pick(draw, [None, number(draw, -5, 50), 0.5, 41.5, 1e15, -0.0]),
        "member_since": lambda: pick(draw, [None, draw_day(draw, now, zone).isoformat()]),
        "last_visit": lambda: pick(draw, [None, draw_instant(draw, now, zone).isoformat()]),
        "vip": lambda: pick(draw, [True, False, None]),
        "tier": lambda: maybe_blank(draw, lambda: spelled(draw, ["Vàng", "Bạc", "Đồng"])),
        "hobbies": lambda: [
            spelled(draw, ["Đọc sách", "Du lịch", "Bóng đá"]) for _ in range(number(draw, 0, 3))
        ],
    }
    return {key: make() for key, make in makers.items() if present(draw)}


def draw_customer(draw: st.DrawFn, now: dt.datetime, zone: ZoneInfo) -> dict[str, Any]:
    """Return the input values of one customer, as the GraphQL layer passes them."""
    makers: dict[str, Callable[[], Any]] = {
        "fullName": lambda: maybe_blank(draw, lambda: spelled(draw, NAMES)),
        "email": lambda: maybe_blank(draw, lambda: spelled(draw, EMAILS)),
        "emailVerified": lambda: pick(draw, [True, False, None]),
        "phone": lambda: maybe_blank(draw, lambda: pick(draw, PHONES)),
        "gender": lambda: maybe_blank(draw, lambda: spelled(draw, GENDERS)),
        "birthday": lambda: pick(draw, [draw_day(draw, now, zone), None]),
        "city": lambda: maybe_blank(draw, lambda: spelled(draw, CITIES)),
        "address": lambda: maybe_blank(draw, lambda: spelled(draw, ADDRESSES)),
        "source": lambda: maybe_blank(draw, lambda: spelled(draw, SOURCES)),
        "tags": lambda: [pick(draw, [*TAGS, "  "]) for _ in range(number(draw, 0, 4))],
        "orderCount": lambda: pick(draw, [number(draw, 0, 30), None]),
        "totalSpent": lambda: pick(draw, [0.0, 99.5, 150_000.0, 2_500_000.0, 1e12, None]),
        "customFields": lambda: draw_custom_values(draw, now, zone),
    }
    for key in DATETIME_KEYS:
        makers[key] = lambda: pick(draw, [draw_instant(draw, now, zone), None])
    return {key: make() for key, make in makers.items() if present(draw)}


DATETIME_KEYS = (
    "createdAt",
    "lastOrderAt",
    "emailComplainedAt",
    "zaloInteractedAt",
    "facebookInteractedAt",
)


# Conditions and rules.

FIELD_KEYS = sorted(STANDARD_FIELD_TYPES) + [f"custom.{key}" for key in sorted(CUSTOM_FIELDS)]


def field_type(key: str) -> FieldType:
    if key.startswith("custom."):
        return CUSTOM_FIELDS[key.removeprefix("custom.")].type
    return STANDARD_FIELD_TYPES[key]


def _text_pool(key: str) -> tuple[list[str], list[str]]:
    """Return the whole values and the fragments that conditions on `key` use."""
    pools = {
        "fullName": (NAMES, NAME_PARTS),
        "email": (EMAILS, EMAIL_PARTS),
        "city": (CITIES, CITY_PARTS),
        "address": (ADDRESSES, ADDRESS_PARTS),
        "source": (SOURCES, SOURCE_PARTS),
        "phone": (PHONES, PHONE_DIGITS),
        "custom.note": (NOTES, NOTE_PARTS),
    }
    return pools[key]


def _options(key: str) -> list[str]:
    if key == "gender":
        return GENDER_OPTIONS
    if key == "tags":
        return TAGS
    options = list(CUSTOM_FIELDS[key.removeprefix("custom.")].options)
    return options + [option.upper() for option in options] + [" " + options[0].lower()]


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(isinstance(item, str) and item.strip() for item in value)
    return True


def pivots(people: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Return, per condition field key, the values that the customers hold."""
    found: dict[str, list[Any]] = {key: [] for key in FIELD_KEYS}
    for person in people:
        for key, value in person.items():
            if key in found and _present(value):
                found[key].append(value)
        for key, value in (person.get("customFields") or {}).items():
            if _present(value):
                found[f"custom.{key}"].append(value)
    return found


def draw_fragment(draw: st.DrawFn, text: str) -> str:
    """Return a slice of `text` (prefix, suffix or middle) that does not fold to nothing."""
    text = text.strip()
    start = number(draw, 0, max(len(text) - 1, 0))
    end = number(draw, start + 1, max(len(text), start + 1))
    piece = text[start:end]
    # A slice of NFD text may hold only combining marks, which fold to
    # nothing, and validation rejects such a text.
    return piece if fold_text(piece) else text


def draw_text_value(
    draw: st.DrawFn, key: str, operator: Operator, held: list[Any]
) -> ConditionValue:
    kind = field_type(key)
    if kind in (T.SELECT, T.TAGS, T.MULTI_SELECT):
        choices = _options(key)
        if held and kind is not T.SELECT and chance(draw, 2):
            choices = [tag for tags in held for tag in tags if tag.strip()]
        texts = [pick(draw, choices) for _ in range(number(draw, 1, 3))]
        if operator in (Op.IS, Op.IS_NOT):
            return ConditionValue(text=texts[0])
        return ConditionValue(texts=tuple(texts))

    whole, parts = _text_pool(key)
    if held and chance(draw, 2):
        whole = [value for value in held if isinstance(value, str)]
    if operator in (Op.IS, Op.IS_NOT):
        return ConditionValue(text=spelled(draw, whole))
    if operator in (Op.IS_ANY_OF, Op.IS_NONE_OF):
        return ConditionValue(texts=tuple(spelled(draw, whole) for _ in range(number(draw, 1, 3))))
    if key == "phone":
        return ConditionValue(text=draw_phone_digits(draw, held))
    if chance(draw, 2):
        return ConditionValue(text=spelled(draw, parts))
    return ConditionValue(text=respell(draw, draw_fragment(draw, pick(draw, whole))))


def draw_phone_digits(draw: st.DrawFn, held: list[Any]) -> str:
    if not held or chance(draw, 2):
        return pick(draw, PHONE_DIGITS)
    digits = "".join(ch for ch in pick(draw, held) if ch.isdigit())
    if digits.startswith("84") and chance(draw, 2):
        digits = "0" + digits[2:]
    if not digits:
        return pick(draw, PHONE_DIGITS)
    return draw_fragment(draw, digits)


NUMBERS = [0.0, 0.5, 41.5, 99.5, 150_000.0, 2_500_000.0, 1e12, 1e15]


def draw_number(draw: st.DrawFn, held: list[Any]) -> float:
    kind = number(draw, 0, 2)
    if kind == 0 and held:
        return float(pick(draw, held))
    if kind == 1:
        return pick(draw, NUMBERS)
    return float(number(draw, -5, 50))


def draw_number_value(draw: st.DrawFn, operator: Operator, held: list[Any]) -> ConditionValue:
    if operator is Op.BETWEEN:
        low, high = sorted((draw_number(draw, held), draw_number(draw, held)))
        return ConditionValue(number_range=NumberRange(low, high))
    return ConditionValue(number=draw_number(draw, held))


def local_days(held: list[Any], zone: ZoneInfo) -> list[dt.date]:
    """Return the calendar days, in `zone`, of the DATE and DATETIME values held."""
    found = []
    for value in held:
        if isinstance(value, str):
            value = (
                dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
            )
        if isinstance(value, dt.datetime):
            aware = value if value.tzinfo else value.replace(tzinfo=zone)
            value = aware.astimezone(zone).date()
        found.append(value)
    return found


# Validation takes periods of 1 to 36,525 days, 5,218 weeks or 1,200 months.
PERIOD_LIMITS = {PeriodUnit.DAYS: 800, PeriodUnit.WEEKS: 120, PeriodUnit.MONTHS: 30}


def draw_period(draw: st.DrawFn, distances: list[int]) -> Period:
    unit = pick(draw, list(PeriodUnit))
    if distances and unit is PeriodUnit.DAYS and chance(draw, 2):
        amount = abs(pick(draw, distances)) + number(draw, -1, 1)
        return Period(min(max(amount, 1), 36_525), unit)
    if chance(draw, 2):
        return Period(number(draw, 1, 3), unit)
    return Period(number(draw, 1, PERIOD_LIMITS[unit]), unit)


def draw_date_value(
    draw: st.DrawFn,
    operator: Operator,
    calendar: Calendar,
    now: dt.datetime,
    zone: ZoneInfo,
    held: list[Any],
) -> ConditionValue:
    known = local_days(held, zone)
    today = now.astimezone(zone).date()

    def any_day() -> dt.date:
        return pick(draw, known) if known and chance(draw, 2) else draw_day(draw, now, zone)

    if operator in (Op.ON, Op.BEFORE, Op.AFTER):
        return ConditionValue(date=any_day())
    if operator is Op.BETWEEN:
        first, last = sorted((any_day(), any_day()))
        return ConditionValue(date_range=DateRange(first, last))
    if operator is Op.ANNIVERSARY_IN_NEXT:
        amount = number(draw, 1, pick(draw, [40, 366]))
        if known and chance(draw, 2):
            amount = _days_to_anniversary(pick(draw, known), today, calendar)
        return ConditionValue(period=Period(min(max(amount, 1), 366), PeriodUnit.DAYS))
    if operator is Op.ANNIVERSARY_IN_MONTH:
        month = number(draw, 1, 12)
        if known and chance(draw, 2):
            day = pick(draw, known)
            month = to_lunar(day).month if calendar is Calendar.LUNAR else day.month
        return ConditionValue(month=month)
    if operator is Op.ANNIVERSARY_IS_TODAY:
        return ConditionValue()
    return ConditionValue(period=draw_period(draw, [(day - today).days for day in known]))


def _days_to_anniversary(day: dt.date, today: dt.date, calendar: Calendar) -> int:
    """Return how many days from `today` the anniversary of `day` next falls (366 if later)."""
    wanted = lunar_month_day(day) if calendar is Calendar.LUNAR else (day.month, day.day)
    for offset in range(366):
        candidate = today + dt.timedelta(days=offset)
        if calendar is Calendar.LUNAR:
            found: Any = lunar_month_day(candidate)
        else:
            found = (candidate.month, candidate.day)
        if found == wanted:
            return offset
    return 366


def draw_condition(
    draw: st.DrawFn,
    now: dt.datetime,
    zone: ZoneInfo,
    segment_ids: list[str],
    held: dict[str, list[Any]],
) -> Condition:
    key = pick(draw, FIELD_KEYS)
    if segment_ids and chance(draw, 4):
        key = "segment"
    kind = T.SEGMENT if key == "segment" else field_type(key)
    operator = pick(draw, OPERATORS_BY_TYPE[kind])
    calendar = Calendar.GREGORIAN
    if kind in (T.DATE, T.DATETIME) and operator in ANNIVERSARIES and chance(draw, 2):
        calendar = Calendar.LUNAR

    values = held.get(key, [])
    if operator in (Op.IS_EMPTY, Op.IS_NOT_EMPTY, Op.IS_TRUE, Op.IS_FALSE):
        value = ConditionValue()
    elif kind is T.SEGMENT:
        value = ConditionValue(segment_id=pick(draw, segment_ids))
    elif kind is T.NUMBER:
        value = draw_number_value(draw, operator, values)
    elif kind in (T.DATE, T.DATETIME):
        value = draw_date_value(draw, operator, calendar, now, zone, values)
    else:
        value = draw_text_value(draw, key, operator, values)
    return Condition(key, operator, value, calendar)


def draw_rule(
    draw: st.DrawFn,
    now: dt.datetime,
    zone: ZoneInfo,
    held: dict[str, list[Any]],
    segment_ids: list[str] | None = None,
) -> Rule:
    """Return 1 to 4 groups of 1 to 4 conditions."""
    return [
        [
            draw_condition(draw, now, zone, segment_ids or [], held)
            for _ in range(number(draw, 1, 4))
        ]
        for _ in range(number(draw, 1, 4))
    ]


@st.composite
def worlds(draw: st.DrawFn) -> dict[str, Any]:
    """Return customers, a rule, the segments it may reference, `now` and the zone.

    Conditions take most of their values from the customers drawn, so that
    rules match some customers and miss others.
    """
    now = draw_now(draw)
    zone = pick(draw, ZONES)
    people = [draw_customer(draw, now, zone) for _ in range(number(draw, 3, 12))]
    held = pivots(people)
    # `s2` may reference `s1`, and the rule either: no cycles, depth 2 at most.
    segments: dict[str, Rule] = {}
    if chance(draw, 2):
        segments["s1"] = draw_rule(draw, now, zone, held)
        if chance(draw, 2):
            segments["s2"] = draw_rule(draw, now, zone, held, ["s1"])
    rule = draw_rule(draw, now, zone, held, sorted(segments))
    empties = {f"c{index}": draw_foreign_empties(draw) for index in range(len(people))}
    return {
        "now": now,
        "zone": zone,
        "segments": segments,
        "rule": rule,
        "customers": people,
        "foreign_empties": empties,
    }


FOREIGN_EMPTY_PATHS = [key for key in STANDARD_FIELD_TYPES] + [
    f"custom.{key}" for key in sorted(CUSTOM_FIELDS)
]


def draw_foreign_empties(draw: st.DrawFn) -> dict[str, Any]:
    """Return a few value paths with null, `""`, spaces or `[]`, as other tools store empties.

    The harness stores them only where the service left the path missing.
    """
    if not chance(draw, 3):
        return {}
    paths = [pick(draw, FOREIGN_EMPTY_PATHS) for _ in range(number(draw, 1, 3))]
    return {path: pick(draw, [None, "", "  ", []]) for path in paths}
