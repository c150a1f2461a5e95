"""The stored customer document, built from typed input values.

`build_customer_document` makes the whole document of a new customer;
`build_customer_update` makes the `$set`/`$unset` parts that change only
the fields given. Both write a field together with its shadows (`norm.*`,
`monthDay.*`, `lunarMonthDay.*`), as `docs/architecture.md` describes, and
neither adds `_id`, `workspaceId` or `updatedAt`: the storage layer does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from models.custom_values import convert_custom_value
from models.document_paths import FieldWrite, nest
from models.problems import Problem
from models.standard_values import STANDARD_CONVERTERS
from models.value_checks import FieldName, forbidden_key, invalid_value, unknown_field

if TYPE_CHECKING:
    from mongo_filters.conditions import CustomFieldDefinition

CUSTOM_FIELDS_KEY = "customFields"


@dataclass
class CustomerUpdate:
    """The parts of a MongoDB update: `{"$set": set_fields, "$unset": unset_fields}`.

    `unset_fields` maps each removed path to `""`, the form `$unset` takes.
    Both are empty when nothing changes; `problems` lists every rejected value.
    """

    set_fields: dict[str, Any] = field(default_factory=dict)
    unset_fields: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def as_update(self) -> dict[str, dict[str, Any]]:
        """Return the update document, without the operators that have no paths."""
        update: dict[str, dict[str, Any]] = {}
        if self.set_fields:
            update["$set"] = self.set_fields
        if self.unset_fields:
            update["$unset"] = self.unset_fields
        return update


def build_customer_document(
    values: Mapping[str, Any],
    *,
    custom_fields: Mapping[str, CustomFieldDefinition],
    zone: ZoneInfo,
) -> tuple[dict[str, Any], list[Problem]]:
    """Return the stored document of a new customer and the problems found.

    `values` contains the standard fields in camelCase and `customFields`, a
    mapping of custom field keys to raw JSON values. Blank, null and empty
    values are left out. When a problem is returned the document leaves out
    the rejected fields and should not be stored.
    """
    write, problems = _collect(values, custom_fields, zone)
    return nest(write), problems


def build_customer_update(
    values: Mapping[str, Any],
    *,
    custom_fields: Mapping[str, CustomFieldDefinition],
    zone: ZoneInfo,
) -> CustomerUpdate:
    """Return the update that applies `values` to a stored customer.

    Contract:
    - A key absent from `values` leaves that field as stored; a key set to
      None, a blank string or an empty list removes the field.
    - A given field is written whole, with its shadows: changing `phone`
      also sets or removes `phoneValid` and `norm.phoneDigits`, and `tags`
      replaces the whole list.
    - `customFields` is merged key by key: the keys given are written or
      removed (null), the others are left as stored. `customFields: None`
      changes nothing.
    - When `problems` is not empty the update should not be applied; the
      other parts are still computed so every problem is reported at once.
    """
    write, problems = _collect(values, custom_fields, zone)
    update = CustomerUpdate(problems=problems)
    for path, value in write.items():
        if value is None:
            update.unset_fields[path] = ""
        else:
            update.set_fields[path] = value
    return update


def _collect(
    values: Mapping[str, Any],
    custom_fields: Mapping[str, CustomFieldDefinition],
    zone: ZoneInfo,
) -> tuple[FieldWrite, list[Problem]]:
    write: FieldWrite = {}
    problems: list[Problem] = []
    for key, value in values.items():
        if key == CUSTOM_FIELDS_KEY:
            custom_write, custom_problems = _collect_custom(value, custom_fields, zone)
            write.update(custom_write)
            problems.extend(custom_problems)
            continue
        converter = STANDARD_CONVERTERS.get(key)
        if converter is None:
            problems.append(unknown_field(FieldName.standard(key), sorted(STANDARD_CONVERTERS)))
            continue
        converted = converter(key, value, zone)
        if isinstance(converted, Problem):
            problems.append(converted)
        else:
            write.update(converted)
    return write, problems


def _collect_custom(
    values: Any,
    custom_fields: Mapping[str, CustomFieldDefinition],
    zone: ZoneInfo,
) -> tuple[FieldWrite, list[Problem]]:
    if values is None:
        return {}, []
    if not isinstance(values, Mapping):
        problem = invalid_value(
            FieldName(CUSTOM_FIELDS_KEY, CUSTOM_FIELDS_KEY, CUSTOM_FIELDS_KEY),
            values,
            "an object of custom field keys to values",
            "một đối tượng gồm khóa trường tùy chỉnh và giá trị",
        )
        return {}, [problem]

    write: FieldWrite = {}
    problems: list[Problem] = []
    for key, raw in values.items():
        name = FieldName.custom(str(key))
        if not isinstance(key, str) or key.startswith("$") or "." in key:
            problems.append(forbidden_key(name, key))
            continue
        definition = custom_fields.get(key)
        if definition is None:
            problems.append(unknown_field(name, sorted(custom_fields)))
            continue
        converted = convert_custom_value(definition, raw, zone)
        if isinstance(converted, Problem):
            problems.append(converted)
        else:
            write.update(converted)
    return write, problems
