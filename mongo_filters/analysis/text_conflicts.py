"""Conflicts between TEXT and SELECT conditions on one field.

Text matches on its folded form (`models.text.fold_text`: no case, no
diacritics, whitespace collapsed), so the checks compare folded values:
IS and IS_ANY_OF fix the candidate values, IS_NOT and IS_NONE_OF remove
some, and CONTAINS, STARTS_WITH, ENDS_WITH and NOT_CONTAINS test them.
The phone field compares whole numbers in E.164 and matches digits for
the pattern operators, so only its equality operators are checked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from models.phones import normalize_phone
from models.text import fold_text
from mongo_filters.conditions import Condition, Operator

Op = Operator
PATTERN_OPERATORS = (Op.CONTAINS, Op.NOT_CONTAINS, Op.STARTS_WITH, Op.ENDS_WITH)
TextTest = Callable[[str], bool]


def text_conflict(conditions: Sequence[Condition], *, is_phone: bool) -> bool:
    """Tell whether no text value meets all `conditions`, which name one field."""
    key = _phone_key if is_phone else _text_key
    candidates, excluded = _candidates(conditions, key)
    patterns = [] if is_phone else _patterns(conditions)

    if candidates is not None:
        tests = [_pattern_test(operator, pattern) for operator, pattern in patterns]
        remaining = [c for c in candidates - excluded if all(test(c) for test in tests)]
        if not remaining:
            return True
    return _patterns_conflict(patterns)


def text_values(condition: Condition) -> tuple[str, ...]:
    """Return the condition's text or texts as a tuple, empty when it has neither."""
    if condition.value.texts is not None:
        return condition.value.texts
    if condition.value.text is not None:
        return (condition.value.text,)
    return ()


def _text_key(text: str) -> str | None:
    return fold_text(text) or None


def _phone_key(text: str) -> str | None:
    # Phone numbers compare as they are stored: E.164 when valid, so
    # `0912 345 678` and `+84912345678` are equal although their folded
    # texts differ, and as written (trimmed) otherwise.
    return normalize_phone(text).value or None


def _candidates(
    conditions: Sequence[Condition], key: Callable[[str], str | None]
) -> tuple[set[str] | None, set[str]]:
    """Return the values IS / IS_ANY_OF allow (None: any) and those IS_NOT / IS_NONE_OF remove."""
    candidates: set[str] | None = None
    excluded: set[str] = set()
    for condition in conditions:
        keys = {key(text) for text in text_values(condition)}
        if condition.operator in (Op.IS, Op.IS_ANY_OF):
            # A value the analysis cannot compare could match anything, so
            # the whole condition is left out rather than narrowed.
            if None in keys or not keys:
                continue
            found = {k for k in keys if k is not None}
            candidates = found if candidates is None else candidates & found
        elif condition.operator in (Op.IS_NOT, Op.IS_NONE_OF):
            excluded |= {k for k in keys if k is not None}
    return candidates, excluded


def _patterns(conditions: Sequence[Condition]) -> list[tuple[Operator, str]]:
    patterns: list[tuple[Operator, str]] = []
    for condition in conditions:
        if condition.operator not in PATTERN_OPERATORS or condition.value.text is None:
            continue
        folded = fold_text(condition.value.text)
        if folded:
            patterns.append((condition.operator, folded))
    return patterns


def _pattern_test(operator: Operator, pattern: str) -> TextTest:
    match operator:
        case Op.CONTAINS:
            return lambda value: pattern in value
        case Op.NOT_CONTAINS:
            return lambda value: pattern not in value
        case Op.STARTS_WITH:
            return lambda value: value.startswith(pattern)
        case _:
            return lambda value: value.endswith(pattern)


def _patterns_conflict(patterns: Sequence[tuple[Operator, str]]) -> bool:
    """Tell whether the patterns exclude each other whatever the value is.

    A value that contains, starts with or ends with `p` also contains every
    part of `p`, so NOT_CONTAINS of such a part fails. Two prefixes (or two
    suffixes) fit one value only when one of them extends the other.
    """
    required = [pattern for operator, pattern in patterns if operator is not Op.NOT_CONTAINS]
    forbidden = [pattern for operator, pattern in patterns if operator is Op.NOT_CONTAINS]
    if any(part in whole for part in forbidden for whole in required):
        return True

    prefixes = [pattern for operator, pattern in patterns if operator is Op.STARTS_WITH]
    suffixes = [pattern for operator, pattern in patterns if operator is Op.ENDS_WITH]
    clashing_prefix = any(
        not (a.startswith(b) or b.startswith(a)) for a in prefixes for b in prefixes
    )
    clashing_suffix = any(not (a.endswith(b) or b.endswith(a)) for a in suffixes for b in suffixes)
    return clashing_prefix or clashing_suffix
