"""Warnings about a rule that is valid but probably not what the user meant.

`find_warnings` reads a validated rule and reports, without any I/O:

- `GROUP_NEVER_MATCHES`: conditions of one group that no customer can meet
  together, so the group adds no customer to the segment;
- `DUPLICATE_GROUP`: a group with the same conditions as an earlier one;
- `REPEATED_CONDITION`: a condition that repeats an earlier one of its group.

A rule with warnings is still valid: the analysis rejects nothing.
`GROUP_NEVER_MATCHES` is reported only when the conflict follows from the
matching rules alone, whatever the stored customers are, so a group
without a warning may still match no customer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from models.problems import Language
from mongo_filters.analysis.contradictions import find_conflict
from mongo_filters.analysis.describe import FieldLabel, describe_condition
from mongo_filters.analysis.duplicates import duplicate_groups, repeated_conditions
from mongo_filters.catalog import CUSTOM_PREFIX, SEGMENT_FIELD, FieldSpec, find_field
from mongo_filters.conditions import Condition, ConditionGroup, FieldType, Rule

logger = logging.getLogger(__name__)

GROUP_NEVER_MATCHES = "GROUP_NEVER_MATCHES"
DUPLICATE_GROUP = "DUPLICATE_GROUP"
REPEATED_CONDITION = "REPEATED_CONDITION"


@dataclass(frozen=True)
class RuleWarning:
    """One warning about a rule, with its input path and message in both languages.

    `field` is a dotted path into the mutation input: `conditionGroups.2`
    for a group, `conditionGroups.0.conditions.3` for a condition.
    """

    code: str
    field: str
    en: str
    vi: str

    def message(self, language: Language) -> str:
        return self.vi if language == "vi" else self.en


@dataclass(frozen=True)
class _Wording:
    labels: Mapping[str, FieldLabel]
    field_types: Mapping[str, FieldType]
    segment_names: Mapping[str, str]

    def describe(self, condition: Condition, language: Language) -> str:
        label = self.labels.get(condition.field) or default_label(condition.field)
        field_type = self.field_types.get(condition.field)
        return describe_condition(condition, label, field_type, language, self.segment_names)


def find_warnings(
    rule: Rule,
    field_types: Mapping[str, FieldType],
    *,
    labels: Mapping[str, FieldLabel] | None = None,
    segment_names: Mapping[str, str] | None = None,
) -> list[RuleWarning]:
    """Return the warnings about `rule`, group by group.

    `field_types` maps condition field keys (`orderCount`, `custom.age`) to
    their type, and conditions on a field missing from it are not analysed.
    `labels` names fields in the messages (see `field_labels`). Without it,
    standard fields get the catalog's labels and custom fields their key.
    `segment_names` names the segments that IN_SEGMENT conditions
    reference, which are otherwise named by their id.
    """
    wording = _Wording(labels or {}, field_types, segment_names or {})
    warnings: list[RuleWarning] = []
    duplicates = {duplicate.position: duplicate.first for duplicate in duplicate_groups(rule)}

    for index, group in enumerate(rule):
        conflict = _group_conflict(group, field_types)
        if conflict is not None:
            warnings.append(_never_matches(index, [group[i] for i in conflict], wording))
        if index in duplicates:
            warnings.append(_duplicate_group(index, duplicates[index]))
        for repeat in repeated_conditions(group):
            warnings.append(
                _repeated_condition(index, repeat.position, repeat.first, group, wording)
            )

    logger.debug("found %d warnings in a rule of %d groups", len(warnings), len(rule))
    return warnings


def field_labels(specs: Iterable[FieldSpec]) -> dict[str, FieldLabel]:
    """Map each catalog field key to the label that messages use for it.

    Standard labels are lower-cased to sit inside a sentence. Custom field
    labels are user text, so they stay as written.
    """
    return {spec.key: _label_of(spec) for spec in specs}


def default_label(field: str) -> FieldLabel:
    """Name a field without a given label: by its catalog label, or by its key.

    Custom field labels are not known here, so a custom field is named by
    its key without the `custom.` prefix.
    """
    if field.startswith(CUSTOM_PREFIX):
        key = field.removeprefix(CUSTOM_PREFIX)
        return FieldLabel(key, key)
    spec = find_field(field)
    if spec is None:
        return FieldLabel(field, field)
    return _label_of(spec)


def _label_of(spec: FieldSpec) -> FieldLabel:
    if spec.is_custom:
        return FieldLabel(spec.label_en, spec.label_vi)
    return FieldLabel(_in_sentence(spec.label_en), _in_sentence(spec.label_vi))


def _in_sentence(label: str) -> str:
    # Lower only a capital that starts a word part written in lower case,
    # so `Tỉnh/Thành phố` becomes `tỉnh/thành phố` and `SMS` stays.
    parts = label.split("/")
    lowered = [part[:1].lower() + part[1:] if part[1:2].islower() else part for part in parts]
    return "/".join(lowered)


def _group_conflict(
    group: ConditionGroup, field_types: Mapping[str, FieldType]
) -> list[int] | None:
    """Return the group positions of conditions on one field that cannot all hold."""
    positions_by_field: dict[str, list[int]] = {}
    for position, condition in enumerate(group):
        positions_by_field.setdefault(condition.field, []).append(position)

    for field, positions in positions_by_field.items():
        field_type = field_types.get(field)
        if field_type is None and field == SEGMENT_FIELD:
            field_type = FieldType.SEGMENT
        if field_type is None:
            continue
        spec = find_field(field)
        is_phone = spec is not None and spec.is_phone
        conflict = find_conflict([group[i] for i in positions], field_type, is_phone=is_phone)
        if conflict is not None:
            return [positions[i] for i in conflict]
    return None


def _never_matches(index: int, conditions: Sequence[Condition], wording: _Wording) -> RuleWarning:
    en_phrases = [wording.describe(condition, "en") for condition in conditions]
    vi_phrases = [wording.describe(condition, "vi") for condition in conditions]
    number = index + 1
    if len(conditions) == 1:
        en = f"Group {number} can never match: {en_phrases[0]} can never hold."
        vi = f"Nhóm {number} không bao giờ khớp: điều kiện {vi_phrases[0]} không bao giờ đúng."
    else:
        en_verb = "both" if len(conditions) == 2 else "all"
        en = f"Group {number} can never match: {_join(en_phrases, 'and')} cannot {en_verb} hold."
        vi = f"Nhóm {number} không bao giờ khớp: {_join(vi_phrases, 'và')} không thể cùng đúng."
    return RuleWarning(
        GROUP_NEVER_MATCHES,
        f"conditionGroups.{index}",
        f"{en} Change or remove one of these conditions.",
        f"{vi} Hãy sửa hoặc xóa một trong các điều kiện này.",
    )


def _duplicate_group(index: int, first: int) -> RuleWarning:
    return RuleWarning(
        DUPLICATE_GROUP,
        f"conditionGroups.{index}",
        f"Group {index + 1} has the same conditions as group {first + 1}, "
        "so it adds no customers. Remove one of the two groups.",
        f"Nhóm {index + 1} có các điều kiện giống hệt nhóm {first + 1} "
        "nên không thêm khách hàng nào. Hãy xóa một trong hai nhóm.",
    )


def _repeated_condition(
    index: int, position: int, first: int, group: ConditionGroup, wording: _Wording
) -> RuleWarning:
    condition = group[position]
    return RuleWarning(
        REPEATED_CONDITION,
        f"conditionGroups.{index}.conditions.{position}",
        f"Condition {position + 1} of group {index + 1} ({wording.describe(condition, 'en')}) "
        f"repeats condition {first + 1}, so it changes nothing. Remove it.",
        f"Điều kiện {position + 1} của nhóm {index + 1} ({wording.describe(condition, 'vi')}) "
        f"lặp lại điều kiện {first + 1} nên không có tác dụng. Hãy xóa điều kiện này.",
    )


def _join(phrases: Sequence[str], conjunction: str) -> str:
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} {conjunction} {phrases[-1]}"
