"""A reference evaluator of segment rules, in plain Python.

It decides membership from the customer's input values (what
`build_customer_document` is given, not the stored document) by the
product's semantics. A segment matches when any group matches, and a group
when all of its conditions do. Empty is missing, null, blank or `[]`.
Negative operators (IS_NOT, NOT_CONTAINS, IS_NONE_OF, HAS_NONE_OF,
NOT_IN_SEGMENT, IS_FALSE) match empty values and positive ones never do.
Text is compared without case, diacritics or surrounding whitespace, and
phones as normalised numbers (CONTAINS by digits, in the international or
national form). Day-level operators use calendar days of the workspace
zone, relative periods count from `now`, and anniversaries compare month
and day, Gregorian or lunar.

It shares only the normalisation helpers of `models` (text folding, phone
parsing, the lunar calendar, calendar months) with the service, and none of
the compiler, so a wrong filter shape cannot hide behind a shared mistake.

Readings of the product where it leaves a detail open, chosen as a user
would expect them:
- Relative periods include both ends (`now - n` and `now`); on a DATE field
  they count whole days from today in the workspace zone.
- ANNIVERSARY_IN_NEXT n days covers today and the n days after it.
- A lunar anniversary on day 30 falls on day 29 of a 29-day lunar month,
  as 29 February falls on 28 February; a leap month counts as the month of
  the same number.
- Instants are compared to the millisecond, the precision MongoDB stores.
"""

from __future__ import annotations

import calendar as gregorian
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from models.dates import add_months
from models.lunar import lunar_month_length, to_lunar
from models.phones import normalize_phone, only_digits
from models.text import fold_tag, fold_text
from mongo_filters.conditions import (
    Calendar,
    Condition,
    CustomFieldDefinition,
    FieldType,
    Operator,
    Period,
    PeriodUnit,
    Rule,
)

UTC = dt.UTC
Op = Operator

STANDARD_FIELD_TYPES: dict[str, FieldType] = {
    "fullName": FieldType.TEXT,
    "email": FieldType.TEXT,
    "emailVerified": FieldType.BOOLEAN,
    "emailComplainedAt": FieldType.DATETIME,
    "phone": FieldType.TEXT,
    "gender": FieldType.SELECT,
    "birthday": FieldType.DATE,
    "city": FieldType.TEXT,
    "address": FieldType.TEXT,
    "source": FieldType.TEXT,
    "tags": FieldType.TAGS,
    "createdAt": FieldType.DATETIME,
    "lastOrderAt": FieldType.DATETIME,
    "orderCount": FieldType.NUMBER,
    "totalSpent": FieldType.NUMBER,
    "zaloInteractedAt": FieldType.DATETIME,
    "facebookInteractedAt": FieldType.DATETIME,
}

# Gender spellings accepted on input, by their folded form.
GENDER_SPELLINGS = {
    "male": "MALE",
    "m": "MALE",
    "nam": "MALE",
    "female": "FEMALE",
    "f": "FEMALE",
    "nu": "FEMALE",
    "other": "OTHER",
    "khac": "OTHER",
}

NEGATIVE_OPERATORS = frozenset(
    {Op.IS_NOT, Op.NOT_CONTAINS, Op.IS_NONE_OF, Op.HAS_NONE_OF, Op.NOT_IN_SEGMENT, Op.IS_FALSE}
)


@dataclass(frozen=True)
class Situation:
    """Everything besides the customer that membership depends on."""

    now: dt.datetime
    zone: ZoneInfo
    custom_fields: Mapping[str, CustomFieldDefinition] = field(default_factory=dict)
    segments: Mapping[str, Rule] = field(default_factory=dict)

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(self.zone).date()


def members(
    customers: Mapping[str, Mapping[str, Any]], rule: Rule, situation: Situation
) -> set[str]:
    """Return the ids of the customers that `rule` matches."""
    return {key for key, values in customers.items() if matches(values, rule, situation)}


def matches(customer: Mapping[str, Any], rule: Rule, situation: Situation) -> bool:
    """Tell whether `rule` matches the customer given by its input values."""
    return any(
        all(_condition_holds(customer, condition, situation) for condition in group)
        for group in rule
    )


def _condition_holds(
    customer: Mapping[str, Any], condition: Condition, situation: Situation
) -> bool:
    operator = condition.operator
    if condition.field == "segment":
        segment_id = condition.value.segment_id
        assert segment_id is not None
        inside = matches(customer, situation.segments[segment_id], situation)
        return inside if operator is Op.IN_SEGMENT else not inside

    field_type, value = _read(customer, condition.field, situation)
    if value is None:
        return operator is Op.IS_EMPTY or operator in NEGATIVE_OPERATORS
    if operator is Op.IS_EMPTY:
        return False
    if operator is Op.IS_NOT_EMPTY:
        return True

    if condition.field == "phone":
        return _phone_holds(value, condition)
    return _CHECKS_BY_TYPE[field_type](value, condition, situation)


# Reading input values: each returns the field type and the typed value, or
# None when the value is empty.


def _read(customer: Mapping[str, Any], key: str, situation: Situation) -> tuple[FieldType, Any]:
    if key.startswith("custom."):
        custom_key = key.removeprefix("custom.")
        definition = situation.custom_fields[custom_key]
        raw = (customer.get("customFields") or {}).get(custom_key)
        return definition.type, _typed(definition.type, raw, situation.zone)
    field_type = STANDARD_FIELD_TYPES[key]
    raw = customer.get(key)
    if key == "gender" and isinstance(raw, str) and raw.strip():
        raw = GENDER_SPELLINGS.get(fold_text(raw), raw.strip().upper())
    return field_type, _typed(field_type, raw, situation.zone)


def _typed(field_type: FieldType, raw: Any, zone: ZoneInfo) -> Any:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if field_type in (FieldType.TAGS, FieldType.MULTI_SELECT):
        keys = {fold_tag(item) for item in raw if item.strip()}
        return keys or None
    if field_type is FieldType.DATE:
        return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(raw)
    if field_type is FieldType.DATETIME:
        moment = raw if isinstance(raw, dt.datetime) else dt.datetime.fromisoformat(raw)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=zone)
        moment = moment.astimezone(UTC)
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    return raw


# Checks per field type, for a value that is not empty.


def _text_holds(value: str, condition: Condition, situation: Situation) -> bool:
    folded = fold_text(value)
    operator = condition.operator
    if operator in (Op.IS_ANY_OF, Op.IS_NONE_OF):
        assert condition.value.texts is not None
        found = folded in {fold_text(text) for text in condition.value.texts}
        return found if operator is Op.IS_ANY_OF else not found

    assert condition.value.text is not None
    wanted = fold_text(condition.value.text)
    tests: dict[Operator, Callable[[], bool]] = {
        Op.IS: lambda: folded == wanted,
        Op.IS_NOT: lambda: folded != wanted,
        Op.CONTAINS: lambda: wanted in folded,
        Op.NOT_CONTAINS: lambda: wanted not in folded,
        Op.STARTS_WITH: lambda: folded.startswith(wanted),
        Op.ENDS_WITH: lambda: folded.endswith(wanted),
    }
    return tests[operator]()


def _phone_holds(value: str, condition: Condition) -> bool:
    stored = normalize_phone(value)
    operator = condition.operator
    if operator in (Op.IS, Op.IS_NOT):
        assert condition.value.text is not None
        same = normalize_phone(condition.value.text).value == stored.value
        return same if operator is Op.IS else not same
    if operator in (Op.IS_ANY_OF, Op.IS_NONE_OF):
        assert condition.value.texts is not None
        numbers = {normalize_phone(text).value for text in condition.value.texts}
        found = stored.value in numbers
        return found if operator is Op.IS_ANY_OF else not found

    assert condition.value.text is not None
    wanted = only_digits(condition.value.text)
    forms = [stored.digits]
    if stored.valid and stored.digits.startswith("84"):
        forms.append("0" + stored.digits[2:])
    forms = [form for form in forms if form]
    # NOT_CONTAINS is the negation of CONTAINS over the same forms.
    positive = Op.CONTAINS if operator is Op.NOT_CONTAINS else operator
    tests: dict[Operator, Callable[[str], bool]] = {
        Op.CONTAINS: lambda form: wanted in form,
        Op.STARTS_WITH: lambda form: form.startswith(wanted),
        Op.ENDS_WITH: lambda form: form.endswith(wanted),
    }
    found = any(tests[positive](form) for form in forms)
    return not found if operator is Op.NOT_CONTAINS else found


def _number_holds(value: float, condition: Condition, situation: Situation) -> bool:
    operator = condition.operator
    if operator is Op.BETWEEN:
        bounds = condition.value.number_range
        assert bounds is not None
        return bounds.min <= value <= bounds.max
    number = condition.value.number
    assert number is not None
    tests: dict[Operator, Callable[[], bool]] = {
        Op.IS: lambda: value == number,
        Op.IS_NOT: lambda: value != number,
        Op.GREATER_THAN: lambda: value > number,
        Op.GREATER_THAN_OR_EQUAL: lambda: value >= number,
        Op.LESS_THAN: lambda: value < number,
        Op.LESS_THAN_OR_EQUAL: lambda: value <= number,
    }
    return tests[operator]()


def _boolean_holds(value: bool, condition: Condition, situation: Situation) -> bool:
    if condition.operator is Op.IS_TRUE:
        return value is True
    return value is not True


def _select_holds(value: str, condition: Condition, situation: Situation) -> bool:
    return _text_holds(value, condition, situation)


def _list_holds(value: set[str], condition: Condition, situation: Situation) -> bool:
    assert condition.value.texts is not None
    wanted = {fold_tag(text) for text in condition.value.texts}
    if condition.operator is Op.HAS_ANY_OF:
        return bool(value & wanted)
    if condition.operator is Op.HAS_ALL_OF:
        return wanted <= value
    return not value & wanted


def _date_holds(value: dt.date | dt.datetime, condition: Condition, situation: Situation) -> bool:
    operator = condition.operator
    day = value if not isinstance(value, dt.datetime) else value.astimezone(situation.zone).date()

    if operator in (Op.ON, Op.BEFORE, Op.AFTER):
        wanted = condition.value.date
        assert wanted is not None
        return {Op.ON: day == wanted, Op.BEFORE: day < wanted, Op.AFTER: day > wanted}[operator]
    if operator is Op.BETWEEN:
        days = condition.value.date_range
        assert days is not None
        return days.from_ <= day <= days.to
    if operator in (Op.IN_LAST, Op.IN_NEXT, Op.MORE_THAN_AGO):
        period = condition.value.period
        assert period is not None
        return _relative_holds(value, day, operator, period, situation)
    return _anniversary_holds(day, condition, situation)


def _relative_holds(
    value: dt.date | dt.datetime,
    day: dt.date,
    operator: Operator,
    period: Period,
    situation: Situation,
) -> bool:
    sign = 1 if operator is Op.IN_NEXT else -1
    if not isinstance(value, dt.datetime):
        today = situation.today
        other = _shift(today, period, sign)
        if operator is Op.MORE_THAN_AGO:
            return day < other
        return min(today, other) <= day <= max(today, other)

    now = situation.now.astimezone(UTC)
    other_instant = _shift(situation.now.astimezone(situation.zone), period, sign).astimezone(UTC)
    if operator is Op.MORE_THAN_AGO:
        return value < other_instant
    return min(now, other_instant) <= value <= max(now, other_instant)


_Moment = TypeVar("_Moment", dt.date, dt.datetime)


def _shift(moment: _Moment, period: Period, sign: int) -> _Moment:
    if period.unit is PeriodUnit.MONTHS:
        return add_months(moment, sign * period.amount)
    days = period.amount * (7 if period.unit is PeriodUnit.WEEKS else 1)
    return moment + sign * dt.timedelta(days=days)


def _anniversary_holds(day: dt.date, condition: Condition, situation: Situation) -> bool:
    lunar = condition.calendar is Calendar.LUNAR
    if condition.operator is Op.ANNIVERSARY_IN_MONTH:
        month = to_lunar(day).month if lunar else day.month
        return month == condition.value.month

    days: Iterable[dt.date] = [situation.today]
    if condition.operator is Op.ANNIVERSARY_IN_NEXT:
        period = condition.value.period
        assert period is not None
        days = [situation.today + dt.timedelta(days=n) for n in range(period.amount + 1)]
    falls_on = _lunar_anniversary_on if lunar else _gregorian_anniversary_on
    return any(falls_on(day, other) for other in days)


def _gregorian_anniversary_on(origin: dt.date, day: dt.date) -> bool:
    if (origin.month, origin.day) == (day.month, day.day):
        return True
    leap_day_moved = (origin.month, origin.day) == (2, 29) and not gregorian.isleap(day.year)
    return leap_day_moved and (day.month, day.day) == (2, 28)


def _lunar_anniversary_on(origin: dt.date, day: dt.date) -> bool:
    born = to_lunar(origin)
    current = to_lunar(day)
    if born.month != current.month:
        return False
    if born.day == current.day:
        return True
    short_month = lunar_month_length(current.year, current.month, current.leap) == 29
    return born.day == 30 and current.day == 29 and short_month


_CHECKS_BY_TYPE: dict[FieldType, Callable[[Any, Condition, Situation], bool]] = {
    FieldType.TEXT: _text_holds,
    FieldType.SELECT: _select_holds,
    FieldType.NUMBER: _number_holds,
    FieldType.BOOLEAN: _boolean_holds,
    FieldType.DATE: _date_holds,
    FieldType.DATETIME: _date_holds,
    FieldType.TAGS: _list_holds,
    FieldType.MULTI_SELECT: _list_holds,
}
