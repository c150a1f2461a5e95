"""Conditions written as short phrases in English and Vietnamese.

Warnings name the conditions they concern the way a marketer reads them in
the condition editor: `order count > 10`, `email là "a@b.vn"`,
`ngày sinh từ ngày 01/03/2024 đến ngày 05/03/2024`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from models.problems import Language
from mongo_filters.conditions import (
    Calendar,
    Condition,
    ConditionValue,
    FieldType,
    Operator,
    Period,
    PeriodUnit,
)

Op = Operator


@dataclass(frozen=True)
class FieldLabel:
    """The name of a field as the condition editor shows it, in both languages."""

    en: str
    vi: str

    def in_language(self, language: Language) -> str:
        return self.vi if language == "vi" else self.en


# (English, Vietnamese) templates. `{field}` is the field label and `{value}`
# the condition value written for that language.
_TEMPLATES: Mapping[Operator, tuple[str, str]] = {
    Op.IS: ('{field} is "{value}"', '{field} là "{value}"'),
    Op.IS_NOT: ('{field} is not "{value}"', '{field} không phải là "{value}"'),
    Op.CONTAINS: ('{field} contains "{value}"', '{field} chứa "{value}"'),
    Op.NOT_CONTAINS: ('{field} does not contain "{value}"', '{field} không chứa "{value}"'),
    Op.STARTS_WITH: ('{field} starts with "{value}"', '{field} bắt đầu bằng "{value}"'),
    Op.ENDS_WITH: ('{field} ends with "{value}"', '{field} kết thúc bằng "{value}"'),
    Op.IS_ANY_OF: ("{field} is one of {value}", "{field} là một trong {value}"),
    Op.IS_NONE_OF: ("{field} is none of {value}", "{field} không là giá trị nào trong {value}"),
    Op.IS_EMPTY: ("{field} is empty", "{field} trống"),
    Op.IS_NOT_EMPTY: ("{field} is not empty", "{field} không trống"),
    Op.GREATER_THAN: ("{field} > {value}", "{field} > {value}"),
    Op.GREATER_THAN_OR_EQUAL: ("{field} >= {value}", "{field} >= {value}"),
    Op.LESS_THAN: ("{field} < {value}", "{field} < {value}"),
    Op.LESS_THAN_OR_EQUAL: ("{field} <= {value}", "{field} <= {value}"),
    Op.BETWEEN: ("{field} is between {value}", "{field} từ {value}"),
    Op.ON: ("{field} is on {value}", "{field} vào ngày {value}"),
    Op.BEFORE: ("{field} is before {value}", "{field} trước ngày {value}"),
    Op.AFTER: ("{field} is after {value}", "{field} sau ngày {value}"),
    Op.IN_LAST: ("{field} is in the last {value}", "{field} trong {value} qua"),
    Op.MORE_THAN_AGO: ("{field} is more than {value} ago", "{field} cách đây hơn {value}"),
    Op.IN_NEXT: ("{field} is in the next {value}", "{field} trong {value} tới"),
    Op.ANNIVERSARY_IS_TODAY: (
        "{field} has its anniversary today",
        "{field} có ngày kỷ niệm hôm nay",
    ),
    Op.ANNIVERSARY_IN_NEXT: (
        "{field} has its anniversary in the next {value}",
        "{field} có ngày kỷ niệm trong {value} tới",
    ),
    Op.ANNIVERSARY_IN_MONTH: (
        "{field} is in {value} of any year",
        "{field} thuộc {value} của bất kỳ năm nào",
    ),
    Op.IS_TRUE: ("{field} is true", "{field} là đúng"),
    Op.IS_FALSE: ("{field} is false", "{field} là sai"),
    Op.HAS_ANY_OF: ("{field} has any of {value}", "{field} có ít nhất một trong {value}"),
    Op.HAS_ALL_OF: ("{field} has all of {value}", "{field} có tất cả {value}"),
    Op.HAS_NONE_OF: ("{field} has none of {value}", "{field} không có giá trị nào trong {value}"),
    Op.IN_SEGMENT: ('the customer is in segment "{value}"', 'khách hàng thuộc phân khúc "{value}"'),
    Op.NOT_IN_SEGMENT: (
        'the customer is not in segment "{value}"',
        'khách hàng không thuộc phân khúc "{value}"',
    ),
}

# Numbers read better without quotes, and in Vietnamese as "bằng" / "khác".
_NUMBER_TEMPLATES: Mapping[Operator, tuple[str, str]] = {
    Op.IS: ("{field} is {value}", "{field} bằng {value}"),
    Op.IS_NOT: ("{field} is not {value}", "{field} khác {value}"),
}

# Vietnamese swaps the English separators: `1.234,5`.
_VIETNAMESE_SEPARATORS = str.maketrans(",.", ".,")

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_UNITS: Mapping[PeriodUnit, tuple[str, str, str]] = {
    # English singular, English plural, Vietnamese.
    PeriodUnit.DAYS: ("day", "days", "ngày"),
    PeriodUnit.WEEKS: ("week", "weeks", "tuần"),
    PeriodUnit.MONTHS: ("month", "months", "tháng"),
}


def describe_condition(
    condition: Condition,
    label: FieldLabel,
    field_type: FieldType | None,
    language: Language,
    segment_names: Mapping[str, str] | None = None,
) -> str:
    """Write `condition` as a phrase such as `order count > 10` in `language`."""
    templates = _TEMPLATES[condition.operator]
    if field_type is FieldType.NUMBER:
        templates = _NUMBER_TEMPLATES.get(condition.operator, templates)
    template = templates[1] if language == "vi" else templates[0]

    value = _format_value(condition.value, language)
    if condition.operator in (Op.IN_SEGMENT, Op.NOT_IN_SEGMENT) and segment_names:
        value = segment_names.get(value, value)
    if condition.operator is Op.ANNIVERSARY_IN_MONTH and condition.value.month is not None:
        value = _format_month(condition.value.month, condition.calendar, language)

    phrase = template.format(field=label.in_language(language), value=value)
    if condition.calendar is Calendar.LUNAR and condition.operator is not Op.ANNIVERSARY_IN_MONTH:
        phrase += " (âm lịch)" if language == "vi" else " (lunar calendar)"
    return phrase


def _format_value(value: ConditionValue, language: Language) -> str:
    if value.text is not None:
        return value.text.strip()
    if value.texts is not None:
        # Brackets keep the commas of a list apart from those between conditions.
        return "[" + ", ".join(f'"{text.strip()}"' for text in value.texts) + "]"
    if value.number is not None:
        return format_number(value.number, language)
    if value.number_range is not None:
        low = format_number(value.number_range.min, language)
        high = format_number(value.number_range.max, language)
        return f"{low} đến {high}" if language == "vi" else f"{low} and {high}"
    if value.date is not None:
        return format_date(value.date, language)
    if value.date_range is not None:
        first = format_date(value.date_range.from_, language)
        last = format_date(value.date_range.to, language)
        return f"ngày {first} đến ngày {last}" if language == "vi" else f"{first} and {last}"
    if value.period is not None:
        return _format_period(value.period, language)
    if value.segment_id is not None:
        return value.segment_id
    return ""


def format_number(number: float, language: Language) -> str:
    """Write `number` with thousands separators: `1,234.5` in English, `1.234,5` in Vietnamese."""
    # The API's Float may arrive as an int, and `int.is_integer` needs Python 3.12.
    written = f"{int(number):,}" if float(number).is_integer() else f"{number:,}"
    if language != "vi":
        return written
    return written.translate(_VIETNAMESE_SEPARATORS)


def format_date(day: dt.date, language: Language) -> str:
    """Write `day` as ISO 8601 in English and as day/month/year in Vietnamese."""
    return day.strftime("%d/%m/%Y") if language == "vi" else day.isoformat()


def _format_period(period: Period, language: Language) -> str:
    singular, plural, vietnamese = _UNITS[period.unit]
    if language == "vi":
        return f"{period.amount} {vietnamese}"
    return f"{period.amount} {singular if period.amount == 1 else plural}"


def _format_month(month: int, calendar: Calendar, language: Language) -> str:
    lunar = calendar is Calendar.LUNAR
    if language == "vi":
        return f"tháng {month} âm lịch" if lunar else f"tháng {month}"
    if lunar:
        return f"lunar month {month}"
    if not 1 <= month <= 12:
        return f"month {month}"
    return _MONTHS_EN[month - 1]
