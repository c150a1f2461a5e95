"""Column mapping of a customer CSV file: which column fills which customer field.

Headers are matched by their key: folded (no case, no diacritics) and with
everything but letters and digits removed, so `E-mail`, `email` and `EMAIL`
are one header, and so are `Số điện thoại` and `so dien thoai`. A user
mapping (`--map "CSV Header=fieldName"` or a JSON file) overrides the
default for the columns it names. The target `-` ignores a column.

Besides the `CustomerInput` fields and `custom.<key>`, a column may fill a
part of the full name (`givenName`, `middleName`, `familyName`). The parts
are joined in the order of their columns in the file, so `First Name, Last
Name` gives `Andrew Goodman` and `Họ, Tên đệm, Tên` gives `Nguyễn Văn An`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.text import fold_text

IGNORE = "-"
CUSTOM_PREFIX = "custom."
NAME_PARTS = ("givenName", "middleName", "familyName")

CUSTOMER_FIELDS = (
    "fullName", "email", "emailVerified", "emailComplainedAt", "phone", "gender",
    "birthday", "city", "address", "source", "tags", "createdAt", "lastOrderAt",
    "orderCount", "totalSpent", "zaloInteractedAt", "facebookInteractedAt",
)  # fmt: skip

_CUSTOM_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")

# Header keys (see `header_key`) of common English and Vietnamese exports.
_DEFAULT_HEADERS: dict[str, tuple[str, ...]] = {
    "email": ("email", "emailaddress", "mail", "diachiemail", "thudientu"),
    "phone": (
        "phone", "phone1", "phonenumber", "mobile", "mobilephone", "mobilenumber", "tel",
        "telephone", "sodienthoai", "sdt", "sdt1", "dienthoai", "dienthoaididong", "didong",
    ),
    "fullName": (
        "name", "fullname", "customername", "contactname", "hovaten", "hoten",
        "tenkhachhang", "tendaydu",
    ),
    "givenName": ("firstname", "givenname", "ten"),
    "middleName": ("middlename", "tendem", "dem"),
    "familyName": ("lastname", "surname", "familyname", "ho"),
    "createdAt": (
        "subscriptiondate", "signupdate", "signedupat", "createdat", "createddate",
        "registrationdate", "ngaydangky", "ngaytao",
    ),
    "city": ("city", "province", "thanhpho", "tinhthanhpho", "tinhthanh", "tinh"),
    "address": ("address", "streetaddress", "diachi"),
    "birthday": ("birthday", "birthdate", "dateofbirth", "dob", "ngaysinh"),
    "tags": ("tags", "tag", "labels", "nhan", "the"),
    "gender": ("gender", "sex", "gioitinh"),
    "source": ("source", "leadsource", "nguon", "nguonkhach"),
    "emailVerified": ("emailverified", "daxacthucemail"),
    "lastOrderAt": ("lastorderat", "lastorderdate", "ngaymuagannhat"),
    "orderCount": ("ordercount", "orders", "numberoforders", "sodonhang"),
    "totalSpent": ("totalspent", "tongchitieu"),
}  # fmt: skip


def header_key(header: str) -> str:
    """Return the key under which `header` is matched: folded, letters and digits only."""
    return _NOT_ALPHANUMERIC.sub("", fold_text(header))


def _build_default_table() -> dict[str, str]:
    table = {header_key(field): field for field in CUSTOMER_FIELDS}
    for field, keys in _DEFAULT_HEADERS.items():
        for key in keys:
            table[key] = field
    return table


DEFAULT_TABLE = _build_default_table()


class MappingError(ValueError):
    """Raised when a user mapping is invalid; carries the message in English and Vietnamese."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en = en
        self.vi = vi


@dataclass(frozen=True)
class Column:
    """One CSV column: its position, its header as written and the field it fills."""

    index: int
    header: str
    target: str | None  # None when the column is ignored


@dataclass(frozen=True)
class ColumnMapping:
    """The columns of a file with their targets, in file order."""

    columns: tuple[Column, ...]

    @property
    def mapped(self) -> list[Column]:
        return [column for column in self.columns if column.target is not None]

    @property
    def ignored(self) -> list[Column]:
        return [column for column in self.columns if column.target is None]

    def targets(self) -> set[str]:
        return {column.target for column in self.mapped if column.target is not None}


def validate_target(target: str) -> str:
    """Return `target` stripped, or raise MappingError when no column may fill it."""
    target = target.strip()
    if target in (IGNORE, *CUSTOMER_FIELDS, *NAME_PARTS):
        return target
    if target.startswith(CUSTOM_PREFIX) and _CUSTOM_KEY.match(target.removeprefix(CUSTOM_PREFIX)):
        return target

    allowed = ", ".join((*CUSTOMER_FIELDS, *NAME_PARTS))
    raise MappingError(
        f"Unknown field {target!r}. Use one of: {allowed}, custom.<key> or - to ignore the column.",
        f"Trường {target!r} không tồn tại. Hãy dùng một trong: {allowed}, custom.<key>"
        " hoặc - để bỏ qua cột.",
    )


def parse_map_option(option: str) -> tuple[str, str]:
    """Split one `--map "CSV Header=fieldName"` value into header and target.

    The split is at the last `=` because a field name never contains one,
    while a header might.
    """
    header, separator, target = option.rpartition("=")
    if not separator or not header.strip():
        raise MappingError(
            f'Invalid --map value {option!r}: expected "CSV Header=fieldName".',
            f'Giá trị --map {option!r} không hợp lệ: cần dạng "Tên cột=tênTrường".',
        )
    return header.strip(), validate_target(target)


def load_mapping_file(path: Path) -> dict[str, str]:
    """Read a JSON object of CSV header to field name, such as `{"Mobile": "phone"}`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MappingError(
            f"Cannot read the mapping file {str(path)!r}: {exc}",
            f"Không đọc được tệp ánh xạ {str(path)!r}: {exc}",
        ) from exc

    valid = isinstance(data, dict) and all(isinstance(v, str) for v in data.values())
    if not valid:
        raise MappingError(
            f"Invalid mapping file {str(path)!r}: expected a JSON object of"
            ' "CSV Header": "fieldName" pairs.',
            f"Tệp ánh xạ {str(path)!r} không hợp lệ: cần một đối tượng JSON dạng"
            ' "Tên cột": "tênTrường".',
        )
    return {header: validate_target(target) for header, target in data.items()}


def resolve_mapping(headers: Sequence[str], user_mapping: Mapping[str, str]) -> ColumnMapping:
    """Give each column its target: the user mapping first, then the default table.

    A user mapping entry matches a header exactly or, failing that, by its
    key. An entry that matches no column raises MappingError, because a typo
    there would otherwise drop a column without a word.
    """
    overrides = _match_user_mapping(headers, user_mapping)

    columns = []
    for index, header in enumerate(headers):
        target = overrides.get(index, DEFAULT_TABLE.get(header_key(header)))
        columns.append(Column(index, header, None if target == IGNORE else target))
    return ColumnMapping(tuple(columns))


def _match_user_mapping(headers: Sequence[str], user_mapping: Mapping[str, str]) -> dict[int, str]:
    overrides: dict[int, str] = {}
    for mapped_header, target in user_mapping.items():
        indexes = [i for i, header in enumerate(headers) if header.strip() == mapped_header.strip()]
        if not indexes:
            key = header_key(mapped_header)
            indexes = [i for i, header in enumerate(headers) if header_key(header) == key]
        if not indexes:
            raise MappingError(
                f"Column {mapped_header!r} named in the mapping is not in the file."
                f" The file has: {_quoted(headers)}.",
                f"Cột {mapped_header!r} trong ánh xạ không có trong tệp."
                f" Tệp có các cột: {_quoted(headers)}.",
            )
        for index in indexes:
            overrides[index] = target
    return overrides


def _quoted(headers: Iterable[str]) -> str:
    return ", ".join(repr(header) for header in headers)
