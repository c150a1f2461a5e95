"""Problems about one condition, worded the same way in English and Vietnamese."""

from __future__ import annotations

from models.problems import Problem
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition


def problem(field: str, code: str, en: str, vi: str) -> Problem:
    return Problem(field=field, code=code, en=en, vi=vi)


def invalid_value(spec: FieldSpec, condition: Condition, en: str, vi: str) -> Problem:
    """Return an INVALID_VALUE problem whose messages start by naming the condition."""
    operator = condition.operator.value
    return problem(
        "value",
        "INVALID_VALUE",
        f"Invalid value for {operator} on field {spec.key!r}: {en}",
        f"Giá trị không hợp lệ cho toán tử {operator} của trường {spec.key!r}: {vi}",
    )
