"""Checks of the text and texts values of a condition.

A text must leave something to compare after folding, fit in
`MAX_TEXT_LENGTH` characters, contain a digit when it is matched against
phone digits, and be one of the field's options on SELECT and MULTI_SELECT
fields. A list of texts must be non-empty and within the caller's limit.
"""

from __future__ import annotations

from models.phones import only_digits
from models.problems import Problem
from models.text import fold_tag, fold_text
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, FieldType, Operator
from mongo_filters.problem_messages import invalid_value as _invalid
from mongo_filters.problem_messages import problem

MAX_TEXT_LENGTH = 1_000

_PHONE_DIGIT_OPERATORS = frozenset(
    {Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH, Operator.ENDS_WITH}
)


def _comparison_key(spec: FieldSpec, text: str) -> str:
    """Return `text` as the compiler compares it; empty when nothing is left to compare."""
    if spec.type in (FieldType.TAGS, FieldType.MULTI_SELECT):
        return fold_tag(text)
    return fold_text(text)


def _text_problem(spec: FieldSpec, condition: Condition, text: str) -> Problem | None:
    """Return what is wrong with one text of the value, or None."""
    # Folding drops whitespace and lone diacritics; an empty key would
    # become a pattern that matches every non-empty value.
    if not _comparison_key(spec, text):
        return _invalid(
            spec,
            condition,
            f"the text {text!r} is blank. Enter a text, or use IS_EMPTY to find empty fields.",
            f"văn bản {text!r} đang trống. Hãy nhập nội dung, hoặc dùng IS_EMPTY để tìm "
            "trường trống.",
        )
    if len(text) > MAX_TEXT_LENGTH:
        return _invalid(
            spec,
            condition,
            f"the text starting {text[:20]!r} has {len(text)} characters; "
            f"the maximum is {MAX_TEXT_LENGTH}. Shorten it.",
            f"văn bản bắt đầu bằng {text[:20]!r} có {len(text)} ký tự; "
            f"tối đa là {MAX_TEXT_LENGTH}. Hãy rút ngắn.",
        )
    if spec.is_phone and condition.operator in _PHONE_DIGIT_OPERATORS and not only_digits(text):
        return _invalid(
            spec,
            condition,
            f"{text!r} has no digits, and phone numbers are compared digit by digit. "
            "Enter digits, such as '0912'.",
            f"{text!r} không có chữ số nào, mà số điện thoại được so sánh theo chữ số. "
            "Hãy nhập chữ số, ví dụ '0912'.",
        )
    if spec.options and fold_text(text) not in {fold_text(option) for option in spec.options}:
        options = ", ".join(spec.options)
        return _invalid(
            spec,
            condition,
            f"{text!r} is not an option of this field. Use one of: {options}.",
            f"{text!r} không phải là một lựa chọn của trường này. Hãy dùng một trong: {options}.",
        )
    return None


def check_text(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    found = _text_problem(spec, condition, condition.value.text or "")
    return [found] if found else []


def check_texts(spec: FieldSpec, condition: Condition, max_texts: int) -> list[Problem]:
    texts = condition.value.texts or ()
    if not texts:
        return [
            _invalid(
                spec,
                condition,
                "the list of texts is empty. Add at least one text.",
                "danh sách văn bản đang trống. Hãy thêm ít nhất một giá trị.",
            )
        ]
    if len(texts) > max_texts:
        operator = condition.operator.value
        return [
            problem(
                "value",
                "LIMIT_EXCEEDED",
                f"{operator} on field {spec.key!r} has {len(texts)} texts; the maximum is "
                f"{max_texts}. Split the list over several conditions or use fewer values.",
                f"Toán tử {operator} của trường {spec.key!r} có {len(texts)} giá trị; tối đa "
                f"là {max_texts}. Hãy chia danh sách cho nhiều điều kiện hoặc bớt giá trị.",
            )
        ]
    found = (_text_problem(spec, condition, text) for text in texts)
    return [item for item in found if item is not None]
