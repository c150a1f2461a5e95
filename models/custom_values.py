"""Custom field values: checked against their definition and converted for storage.

A value comes as raw JSON from `CustomerInput.customFields` and is stored
typed under `custom.<key>`:

| type | accepted | stored |
|---|---|---|
| TEXT | a string | cleaned text, `norm.custom.<key>` folded |
| NUMBER | a JSON number (never text, never a boolean, finite) | int or float |
| DATE | `"YYYY-MM-DD"` | UTC midnight of that day |
| DATETIME | ISO 8601, read in the workspace zone without an offset | UTC instant, to the ms |
| BOOLEAN | `true` or `false` | bool |
| SELECT | one of the options | the option as defined, `norm.custom.<key>` folded |
| MULTI_SELECT | a list of options | the options as defined, `norm.custom.<key>` tag-folded |

DATE and DATETIME values also write `monthDay.custom_<key>` and
`lunarMonthDay.custom_<key>` (for DATETIME, of the day in the workspace zone).
Null, a blank string and an empty list remove the value. An option is found
case- and diacritic-insensitively when exactly one option folds to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from models.dates import local_day, to_utc, utc_midnight
from models.document_paths import FieldWrite, anniversary_write
from models.problems import Problem
from models.text import clean_text, fold_tag, fold_text
from models.value_checks import (
    MAX_TAGS,
    FieldName,
    check_number,
    check_unicode,
    check_year,
    clean_checked_text,
    invalid_value,
    limit_exceeded,
)

if TYPE_CHECKING:
    # Only for types: `models` imports nothing of ours at run time, and the
    # field types are compared by their string values (FieldType is a StrEnum).
    from mongo_filters.conditions import CustomFieldDefinition

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def custom_field_paths(key: str) -> FieldWrite:
    """Return every path a custom field may write, each marked for removal."""
    return {
        f"custom.{key}": None,
        f"norm.custom.{key}": None,
        **anniversary_write(f"custom.{key}", None),
    }


def convert_custom_value(
    definition: CustomFieldDefinition, raw: Any, zone: ZoneInfo
) -> FieldWrite | Problem:
    """Check `raw` against `definition` and return the paths to write, or the problem found."""
    field = FieldName.custom(definition.key)
    if _is_empty(raw):
        return custom_field_paths(definition.key)

    converted = _CONVERTERS[definition.type](definition, field, raw, zone)
    if isinstance(converted, Problem):
        return converted
    value, norm, day = converted
    # Only the paths that the field's type uses; a removal clears them all.
    write = {f"custom.{definition.key}": value}
    if definition.type in _SHADOWED_TYPES:
        write[f"norm.custom.{definition.key}"] = norm
    if definition.type in _DAY_TYPES:
        write.update(anniversary_write(f"custom.{definition.key}", day))
    return write


_SHADOWED_TYPES = frozenset({"TEXT", "SELECT", "MULTI_SELECT"})
_DAY_TYPES = frozenset({"DATE", "DATETIME"})
_Converted = tuple[Any, Any, dt.date | None] | Problem


def _is_empty(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    return isinstance(raw, list | tuple) and not raw


def _text(
    definition: CustomFieldDefinition, field: FieldName, raw: Any, zone: ZoneInfo
) -> _Converted:
    text = clean_checked_text(field, raw)
    if isinstance(text, Problem):
        return text
    if text is None:
        # Blank text is caught before conversion; kept for the type checker.
        return None, None, None
    return text, fold_text(text), None


def _number(
    definition: CustomFieldDefinition, field: FieldName, raw: Any, zone: ZoneInfo
) -> _Converted:
    problem = check_number(field, raw)
    if problem:
        return problem
    return raw, None, None


def _boolean(
    definition: CustomFieldDefinition, field: FieldName, raw: Any, zone: ZoneInfo
) -> _Converted:
    if not isinstance(raw, bool):
        return invalid_value(field, raw, "true or false", "true hoặc false")
    return raw, None, None


def _date(
    definition: CustomFieldDefinition, field: FieldName, raw: Any, zone: ZoneInfo
) -> _Converted:
    expected = ("a date written YYYY-MM-DD", "một ngày dạng YYYY-MM-DD")
    if isinstance(raw, dt.datetime) or not isinstance(raw, str | dt.date):
        return invalid_value(field, raw, *expected)
    if isinstance(raw, str):
        if not _ISO_DATE.match(raw.strip()):
            return invalid_value(field, raw, *expected)
        try:
            day = dt.date.fromisoformat(raw.strip())
        except ValueError:
            return invalid_value(field, raw, *expected)
    else:
        day = raw
    problem = check_year(field, raw, day)
    if problem:
        return problem
    return utc_midnight(day), None, day


def _datetime(
    definition: CustomFieldDefinition, field: FieldName, raw: Any, zone: ZoneInfo
) -> _Converted:
    expected = (
        "an ISO 8601 date and time such as 2026-02-17T09:30:00+07:00",
        "ngày giờ ISO 8601, ví dụ 2026-02-17T09:30:00+07:00",
    )
    if isinstance(raw, dt.datetime):
        moment = raw
    elif isinstance(raw, str):
        try:
            moment = dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            return invalid_value(field, raw, *expected)
    else:
        return invalid_value(field, raw, *expected)
    # A value near year 1 or 9999 has no UTC instant (0001-01-01T00:00+14:00
    # would fall in year 0), so the year is checked before the conversion.
    problem = check_year(field, raw, moment.date())
    if problem:
        return problem
    instant = stored_instant(moment, zone)
    day = local_day(instant, zone)
    problem = check_year(field, raw, day)
    if problem:
        return problem
    return instant, None, day


def _select(
    definition: CustomFieldDefinition, field: FieldName, raw: Any, zone: ZoneInfo
) -> _Converted:
    option = _find_option(definition, field, raw)
    if isinstance(option, Problem):
        return option
    return option, fold_text(option), None


def _multi_select(
    definition: CustomFieldDefinition, field: FieldName, raw: Any, zone: ZoneInfo
) -> _Converted:
    if not isinstance(raw, list | tuple):
        return invalid_value(field, raw, "a list of options", "một danh sách lựa chọn")
    if len(raw) > MAX_TAGS:
        return limit_exceeded(
            field,
            raw,
            f"{len(raw)} values, at most {MAX_TAGS}",
            f"{len(raw)} giá trị, tối đa {MAX_TAGS}",
        )
    chosen: dict[str, str] = {}
    for item in raw:
        option = _find_option(definition, field, item)
        if isinstance(option, Problem):
            return option
        chosen.setdefault(fold_tag(option), option)
    return list(chosen.values()), list(chosen), None


def _find_option(definition: CustomFieldDefinition, field: FieldName, raw: Any) -> str | Problem:
    options = ", ".join(repr(option) for option in definition.options)
    expected = (f"one of {options}", f"một trong {options}")
    if not isinstance(raw, str) or check_unicode(field, raw):
        return invalid_value(field, raw, *expected)
    text = clean_text(raw)
    if text in definition.options:
        return text
    matches = [option for option in definition.options if fold_text(option) == fold_text(text)]
    if len(matches) == 1:
        return matches[0]
    return invalid_value(field, raw, *expected)


def stored_instant(value: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Return the UTC instant stored for `value`, cut to the millisecond as BSON keeps it.

    A naive `value` is wall time in `zone`.
    """
    instant = to_utc(value, zone)
    return instant.replace(microsecond=instant.microsecond // 1000 * 1000)


_CONVERTERS: dict[str, Callable[[CustomFieldDefinition, FieldName, Any, ZoneInfo], _Converted]] = {
    "TEXT": _text,
    "NUMBER": _number,
    "BOOLEAN": _boolean,
    "DATE": _date,
    "DATETIME": _datetime,
    "SELECT": _select,
    "MULTI_SELECT": _multi_select,
}
