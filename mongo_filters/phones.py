"""TEXT operators on the phone field, compared as phone numbers.

IS, IS_NOT, IS_ANY_OF and IS_NONE_OF normalise the user's number the way it
was normalised on write (`models.phones.normalize_phone`: E.164, default
region Vietnam) and compare it with the stored `phone`, so `0912 345 678`
and `+84912345678` are the same number.

CONTAINS, STARTS_WITH and ENDS_WITH compare the user's digits with
`norm.phoneDigits`, the E.164 digits without `+` (`84912345678`). They
match when the digits occur in the international form or in the national
form (`0912345678`). A valid Vietnamese number's national form is `0`
followed by the digits after the country code 84, so a value that starts
with `0` also matches `84` plus the rest at the start of a valid number's
digits: `0912` finds `84912...`. Digits need no escaping in a pattern.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from models.phones import normalize_phone, only_digits
from mongo_filters import logic
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, Operator, ValueKind
from mongo_filters.errors import InvalidValueError
from mongo_filters.scope import Filter, OperatorCompiler, Scope
from mongo_filters.values import text_of, texts_of

VIETNAM_CODE = "84"


def _number(text: str) -> str:
    return normalize_phone(text).value


def _numbers(spec: FieldSpec, condition: Condition) -> list[str]:
    return list(dict.fromkeys(_number(text) for text in texts_of(spec, condition)))


def _national_prefix(digits: str) -> str | None:
    """Return the international digits that a national-form `0...` value starts with."""
    return VIETNAM_CODE + digits[1:] if digits.startswith("0") else None


def is_(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match the same phone number.

    `{field: "phone", operator: IS, value: {text: "0912 345 678"}}` -> `{"phone": "+84912345678"}`

    https://www.mongodb.com/docs/manual/reference/operator/query/eq/
    """
    return {spec.path: _number(text_of(spec, condition))}


def is_not(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match any other phone number, and customers without one.

    `{field: "phone", operator: IS_NOT, value: {text: "0912 345 678"}}` ->
    `{"phone": {"$ne": "+84912345678"}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/ne/
    """
    return {spec.path: {"$ne": _number(text_of(spec, condition))}}


def is_any_of(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match one of the phone numbers.

    `{field: "phone", operator: IS_ANY_OF, value: {texts: ["0912345678", "+84 987 654 321"]}}` ->
    `{"phone": {"$in": ["+84912345678", "+84987654321"]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/in/
    """
    return {spec.path: {"$in": _numbers(spec, condition)}}


def is_none_of(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match none of the phone numbers, and customers without one.

    `{field: "phone", operator: IS_NONE_OF, value: {texts: ["0912345678"]}}` ->
    `{"phone": {"$nin": ["+84912345678"]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/nin/
    """
    return {spec.path: {"$nin": _numbers(spec, condition)}}


def _digits(spec: FieldSpec, condition: Condition) -> str:
    # Without a digit the pattern would be empty and match every number.
    digits = only_digits(text_of(spec, condition))
    if not digits:
        raise InvalidValueError(spec.key, condition.operator, condition.value, ValueKind.TEXT)
    return digits


def _digit_match(spec: FieldSpec, digits: str, pattern: str, national_pattern: str) -> Filter:
    """Match `pattern` on the stored digits, or `national_pattern` on a valid Vietnamese number.

    `pattern` and `national_pattern` contain `{}` where the digits go.
    Only a valid number has a national form, so the national branch also
    requires `phoneValid`. Numbers stored as written keep only their digits.
    """
    international = {spec.norm_path: {"$regex": pattern.format(digits)}}
    national = _national_prefix(digits)
    if national is None:
        return international
    national_match = {
        "phoneValid": True,
        spec.norm_path: {"$regex": national_pattern.format(national)},
    }
    return {"$or": [international, national_match]}


def contains(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers whose international or national digits contain the value's digits.

    `{field: "phone", operator: CONTAINS, value: {text: "0912"}}` ->
    `{"$or": [{"norm.phoneDigits": {"$regex": "0912"}},
    {"phoneValid": True, "norm.phoneDigits": {"$regex": "^84912"}}]}`;
    `{text: "912"}` -> `{"norm.phoneDigits": {"$regex": "912"}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/regex/
    """
    return _digit_match(spec, _digits(spec, condition), "{}", "^{}")


def not_contains(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers that CONTAINS does not match, and customers without a phone.

    `{field: "phone", operator: NOT_CONTAINS, value: {text: "912"}}` ->
    `{"$nor": [{"norm.phoneDigits": {"$regex": "912"}}]}`

    https://www.mongodb.com/docs/manual/reference/operator/query/nor/
    """
    return logic.negate(contains(spec, condition, scope))


def starts_with(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers whose international or national digits start with the value's digits.

    `{field: "phone", operator: STARTS_WITH, value: {text: "0912"}}` ->
    `{"$or": [{"norm.phoneDigits": {"$regex": "^0912"}},
    {"phoneValid": True, "norm.phoneDigits": {"$regex": "^84912"}}]}`

    Both branches are anchored, so the index on `norm.phoneDigits` serves them.

    https://www.mongodb.com/docs/manual/reference/operator/query/regex/#index-use
    """
    return _digit_match(spec, _digits(spec, condition), "^{}", "^{}")


def ends_with(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers whose international or national digits end with the value's digits.

    `{field: "phone", operator: ENDS_WITH, value: {text: "345 678"}}` ->
    `{"norm.phoneDigits": {"$regex": "345678$"}}`; a whole national number
    such as `0912345678` adds the branch
    `{"phoneValid": True, "norm.phoneDigits": {"$regex": "^84912345678$"}}`.

    https://www.mongodb.com/docs/manual/reference/operator/query/regex/
    """
    return _digit_match(spec, _digits(spec, condition), "{}$", "^{}$")


OPERATORS: Mapping[Operator, OperatorCompiler] = MappingProxyType(
    {
        Operator.IS: is_,
        Operator.IS_NOT: is_not,
        Operator.CONTAINS: contains,
        Operator.NOT_CONTAINS: not_contains,
        Operator.STARTS_WITH: starts_with,
        Operator.ENDS_WITH: ends_with,
        Operator.IS_ANY_OF: is_any_of,
        Operator.IS_NONE_OF: is_none_of,
        Operator.IS_EMPTY: logic.is_empty,
        Operator.IS_NOT_EMPTY: logic.is_not_empty,
    }
)
