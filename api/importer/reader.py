"""Customer CSV files read into `CustomerInput` values, one per data row.

The file is read as UTF-8 with or without a byte-order mark. The standard
`csv` module splits it, so quoted cells may contain delimiters, quotes and
line breaks. The delimiter is the one of `,`, `;` and tab that occurs most
in the header line. Line numbers are physical lines of the file, the header
being line 1, so a row is reported at the line where an editor shows it.

A row that cannot be read is rejected here with its line number and reason,
and the other rows are still imported.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from api.importer.mapping import NAME_PARTS, ColumnMapping
from api.importer.values import CellError, international_phone, parser_for
from models.phones import normalize_phone

logger = logging.getLogger(__name__)

DELIMITERS = (",", ";", "\t")

_VI_LABELS = {"email": "email", "phone": "số điện thoại"}


class CsvFileError(Exception):
    """Raised when the file cannot be read as CSV; carries the message in English and Vietnamese."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en = en
        self.vi = vi


@dataclass(frozen=True)
class CsvTable:
    """The header and the data records of a file, each record with its first line number."""

    headers: list[str]
    records: list[tuple[int, list[str]]]


@dataclass(frozen=True)
class RowProblem:
    """A reason to reject a row; `column` is the header of the invalid cell, if there is one."""

    field: str
    column: str | None
    en: str
    vi: str


@dataclass
class CsvRow:
    """One data row: its line number and the `CustomerInput` values, or the problems found."""

    line: int
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)


def read_table(path: Path) -> CsvTable:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvFileError(
            f'{path} is not UTF-8 text (byte {exc.start}). Save it as "CSV UTF-8" and retry.',
            f"{path} không phải văn bản UTF-8 (byte {exc.start}). Hãy lưu lại dạng"
            ' "CSV UTF-8" rồi thử lại.',
        ) from exc
    except OSError as exc:
        raise CsvFileError(
            f"Cannot read {path}: {exc.strerror}.", f"Không đọc được {path}: {exc.strerror}."
        ) from exc
    return parse_table(text)


def parse_table(text: str) -> CsvTable:
    """Split CSV `text` into its header and records, skipping blank lines."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    headers: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    last_line = 0
    try:
        for cells in reader:
            first = last_line + 1
            last_line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if headers is None:
                headers = [cell.strip() for cell in cells]
            else:
                records.append((first, cells))
    except csv.Error as exc:
        raise CsvFileError(
            f"Invalid CSV near line {reader.line_num}: {exc}.",
            f"CSV không hợp lệ gần dòng {reader.line_num}: {exc}.",
        ) from exc

    if headers is None:
        raise CsvFileError("The file is empty: no header line.", "Tệp rỗng: không có dòng tiêu đề.")
    return CsvTable(headers, records)


def build_rows(
    table: CsvTable,
    mapping: ColumnMapping,
    *,
    phone_region: str | None = None,
    custom_types: Mapping[str, str] | None = None,
) -> list[CsvRow]:
    """Read every record into a `CsvRow`.

    With `phone_region` (such as `US`), a phone that is valid in that region
    is sent in international form; other phones are sent as written.
    `custom_types` (custom field key to NUMBER, DATE...) selects how custom
    field cells are read; without it they are sent as text.

    A second row with the email of an earlier row (or, without an email, the
    same phone number) is rejected. The service would match it to the same
    customer and overwrite the first row's values, and in one file that is
    almost always a mistake.
    """
    rows: list[CsvRow] = []
    first_line_by_key: dict[str, int] = {}
    for line, cells in table.records:
        row = _build_row(line, cells, table.headers, mapping, custom_types or {})
        # NOTE: a `Country` column is not read. Country names would need a
        # name-to-region table, and in the sample exports the country does
        # not match the phone number. `--phone-region` covers a one-country file.
        if phone_region and "phone" in row.values:
            row.values["phone"] = international_phone(row.values["phone"], phone_region)
        if not row.problems:
            _check_duplicate(row, first_line_by_key)
        rows.append(row)
    return rows


def _build_row(
    line: int,
    cells: list[str],
    headers: list[str],
    mapping: ColumnMapping,
    custom_types: Mapping[str, str],
) -> CsvRow:
    row = CsvRow(line)
    if len(cells) > len(headers):
        row.problems.append(
            RowProblem(
                "",
                None,
                f"the row has {len(cells)} cells but the header has {len(headers)};"
                " quote cells that contain the delimiter",
                f"dòng có {len(cells)} ô nhưng tiêu đề có {len(headers)};"
                " hãy đặt trong dấu ngoặc kép các ô chứa dấu phân cách",
            )
        )
        return row

    name_parts: list[str] = []
    for column in mapping.mapped:
        target = column.target
        text = cells[column.index].strip() if column.index < len(cells) else ""
        if not text or target is None:
            continue
        if target in NAME_PARTS:
            name_parts.append(text)
            continue
        _put_value(row, target, column.header, text, custom_types)

    if name_parts and "fullName" not in row.values:
        row.values["fullName"] = " ".join(name_parts)
    return row


def _put_value(
    row: CsvRow, target: str, header: str, text: str, custom_types: Mapping[str, str]
) -> None:
    try:
        value = parser_for(target, custom_types)(text)
    except CellError as exc:
        row.problems.append(RowProblem(target, header, exc.en, exc.vi))
        return

    if target.startswith("custom."):
        row.values.setdefault("customFields", {}).setdefault(target.removeprefix("custom."), value)
    elif target == "tags":
        # Several tag columns add up; every other field keeps its first non-empty cell.
        row.values.setdefault("tags", []).extend(value)
    else:
        row.values.setdefault(target, value)


def _check_duplicate(row: CsvRow, first_line_by_key: dict[str, int]) -> None:
    # The service matches on email first and on the phone only without one,
    # so a row with an email is a duplicate only through its email.
    email = str(row.values.get("email", "")).strip().lower()
    phone = str(row.values.get("phone", "")).strip()
    keys = {"email": f"email:{email}" if email else None}
    keys["phone"] = f"phone:{normalize_phone(phone).value}" if phone else None

    field_name = "email" if email else "phone"
    key = keys[field_name]
    first_line = first_line_by_key.get(key, row.line) if key else row.line
    for other_key in keys.values():
        if other_key:
            first_line_by_key.setdefault(other_key, row.line)

    if first_line != row.line:
        row.problems.append(
            RowProblem(
                field_name,
                None,
                f"duplicate {field_name}: line {first_line} has the same one",
                f"{_VI_LABELS[field_name]} trùng lặp: dòng {first_line} đã có giá trị này",
            )
        )
