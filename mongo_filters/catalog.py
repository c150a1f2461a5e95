"""The field catalog: every field a condition can name, with how it is stored.

The `segmentFields` query serves this list, so a client can build its
condition editor without hard-coding fields. The validator and the compiler
look fields up here. Paths follow the stored customer document: values at
their camelCase name (custom fields under `custom.`), matching shadows under
`norm.`, anniversary keys under `monthDay.` and `lunarMonthDay.`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mongo_filters.conditions import CustomFieldDefinition, FieldType, Operator, ValueKind
from mongo_filters.operators import OPERATORS_BY_TYPE, takes_calendar, value_kind

CUSTOM_PREFIX = "custom."
SEGMENT_FIELD = "segment"

# A workspace's custom field definitions: a mapping keyed by the field key
# (as `CompileContext.custom_fields`) or any iterable of definitions.
CustomFields = Mapping[str, CustomFieldDefinition] | Iterable[CustomFieldDefinition]


@dataclass(frozen=True)
class FieldSpec:
    """One field that conditions can name.

    `path` is where the value is stored and where emptiness is checked.
    `norm_path` is the matching shadow that text, select, tag and
    phone-digit comparisons read. The `segment` field stores nothing, so
    both are empty strings there.
    """

    key: str
    type: FieldType
    label_en: str
    label_vi: str
    path: str
    norm_path: str = ""
    options: tuple[str, ...] = ()
    is_phone: bool = False
    is_custom: bool = False

    @property
    def operators(self) -> tuple[Operator, ...]:
        return OPERATORS_BY_TYPE[self.type]

    def value_kind(self, operator: Operator) -> ValueKind:
        return value_kind(self.type, operator)

    def takes_calendar(self, operator: Operator) -> bool:
        return takes_calendar(self.type, operator)

    @property
    def month_day_path(self) -> str:
        """Path of the Gregorian `month * 100 + day` kept for anniversaries."""
        return f"monthDay.{_anniversary_key(self.key)}"

    @property
    def lunar_month_day_path(self) -> str:
        """Path of the Vietnamese lunar `month * 100 + day` kept for anniversaries."""
        return f"lunarMonthDay.{_anniversary_key(self.key)}"


def _anniversary_key(key: str) -> str:
    # `custom.vip_since` is stored as `monthDay.custom_vip_since`: one path
    # segment, so the key is never read as a nested document.
    return key.replace(".", "_")


def _standard(
    key: str,
    field_type: FieldType,
    label_en: str,
    label_vi: str,
    *,
    norm_path: str | None = None,
    options: tuple[str, ...] = (),
    is_phone: bool = False,
) -> FieldSpec:
    if norm_path is None:
        shadowed = field_type in (FieldType.TEXT, FieldType.SELECT, FieldType.TAGS)
        norm_path = f"norm.{key}" if shadowed else ""
    return FieldSpec(
        key, field_type, label_en, label_vi, key, norm_path, options=options, is_phone=is_phone
    )


T = FieldType
STANDARD_FIELDS: tuple[FieldSpec, ...] = (
    _standard("fullName", T.TEXT, "Full name", "Họ và tên"),
    _standard("email", T.TEXT, "Email", "Email"),
    _standard("emailVerified", T.BOOLEAN, "Email verified", "Email đã xác minh"),
    _standard("emailComplainedAt", T.DATETIME, "Email complaint at", "Thời điểm khiếu nại email"),
    _standard(
        "phone",
        T.TEXT,
        "Phone number",
        "Số điện thoại",
        norm_path="norm.phoneDigits",
        is_phone=True,
    ),
    _standard("gender", T.SELECT, "Gender", "Giới tính", options=("MALE", "FEMALE", "OTHER")),
    _standard("birthday", T.DATE, "Birthday", "Ngày sinh"),
    _standard("city", T.TEXT, "City", "Tỉnh/Thành phố"),
    _standard("address", T.TEXT, "Address", "Địa chỉ"),
    _standard("source", T.TEXT, "Source", "Nguồn"),
    _standard("tags", T.TAGS, "Tags", "Thẻ"),
    _standard("createdAt", T.DATETIME, "Created at", "Ngày tạo"),
    _standard("lastOrderAt", T.DATETIME, "Last order at", "Lần mua hàng gần nhất"),
    _standard("orderCount", T.NUMBER, "Order count", "Số đơn hàng"),
    _standard("totalSpent", T.NUMBER, "Total spent", "Tổng chi tiêu"),
    _standard("zaloInteractedAt", T.DATETIME, "Last Zalo interaction", "Tương tác Zalo gần nhất"),
    _standard(
        "facebookInteractedAt",
        T.DATETIME,
        "Last Facebook interaction",
        "Tương tác Facebook gần nhất",
    ),
)
SEGMENT_SPEC = FieldSpec(SEGMENT_FIELD, T.SEGMENT, "Segment", "Phân khúc", path="")

_STANDARD_BY_KEY: dict[str, FieldSpec] = {spec.key: spec for spec in STANDARD_FIELDS}
_STANDARD_BY_KEY[SEGMENT_FIELD] = SEGMENT_SPEC


def custom_field_spec(definition: CustomFieldDefinition) -> FieldSpec:
    """Return the catalog entry of a workspace's custom field."""
    key = f"{CUSTOM_PREFIX}{definition.key}"
    shadowed = definition.type in (T.TEXT, T.SELECT, T.MULTI_SELECT)
    return FieldSpec(
        key=key,
        type=definition.type,
        label_en=definition.label,
        label_vi=definition.label_vi or definition.label,
        path=key,
        norm_path=f"norm.{key}" if shadowed else "",
        options=definition.options if definition.type in (T.SELECT, T.MULTI_SELECT) else (),
        is_custom=True,
    )


def _definitions(custom_fields: CustomFields) -> list[CustomFieldDefinition]:
    if isinstance(custom_fields, Mapping):
        return list(custom_fields.values())
    return list(custom_fields)


def field_catalog(custom_fields: CustomFields = ()) -> list[FieldSpec]:
    """List the standard fields, then the custom fields in the order given, then `segment`."""
    custom = [custom_field_spec(definition) for definition in _definitions(custom_fields)]
    return [*STANDARD_FIELDS, *custom, SEGMENT_SPEC]


def find_field(key: str, custom_fields: CustomFields = ()) -> FieldSpec | None:
    """Return the catalog entry named by a condition's `field`, or None when there is none."""
    if not key.startswith(CUSTOM_PREFIX):
        return _STANDARD_BY_KEY.get(key)

    custom_key = key.removeprefix(CUSTOM_PREFIX)
    if isinstance(custom_fields, Mapping):
        found = custom_fields.get(custom_key)
        return custom_field_spec(found) if found is not None else None
    for definition in custom_fields:
        if definition.key == custom_key:
            return custom_field_spec(definition)
    return None
