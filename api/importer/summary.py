"""Output of `segments import-customers`: the column mapping, the totals and every rejected row.

Each message exists in English and Vietnamese, and the command picks one
with `--lang`. Rejected rows are listed by CSV line, whether the command or
the service rejected them, with the column, the field and the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from api.importer.client import ImportReport
from api.importer.mapping import NAME_PARTS, ColumnMapping
from api.importer.reader import CsvRow

Language = Literal["en", "vi"]


def say(stream: TextIO, language: Language, en: str, vi: str) -> None:
    stream.write((vi if language == "vi" else en) + "\n")


@dataclass(frozen=True)
class Rejection:
    """One line of the rejected-rows list."""

    line: int
    column: str | None
    field: str
    reason: str


def print_local_plan(
    stream: TextIO, language: Language, path: Path, mapping: ColumnMapping, rows: Sequence[CsvRow]
) -> None:
    """Print which column fills which field, the ignored columns and what will be sent."""
    pairs = _describe_mapping(mapping)
    say(stream, language, f"Columns: {pairs}", f"Các cột: {pairs}")

    ignored = ", ".join(repr(column.header) for column in mapping.ignored)
    if ignored:
        say(stream, language, f"Ignored columns: {ignored}", f"Các cột bỏ qua: {ignored}")

    if not mapping.targets() & {"email", "phone"}:
        say(
            stream,
            language,
            "Warning: no column fills email or phone, so every row creates a new customer"
            " instead of updating a matching one.",
            "Cảnh báo: không cột nào cho email hoặc số điện thoại, nên mỗi dòng sẽ tạo khách"
            " hàng mới thay vì cập nhật khách hàng trùng khớp.",
        )

    valid = sum(1 for row in rows if not row.problems)
    say(
        stream,
        language,
        f"Read {len(rows)} rows from {path}: {valid} to send, {len(rows) - valid} rejected here.",
        f"Đã đọc {len(rows)} dòng từ {path}: {valid} dòng sẽ gửi,"
        f" {len(rows) - valid} dòng bị từ chối.",
    )


def print_report(
    stream: TextIO,
    language: Language,
    report: ImportReport | None,
    rows: Sequence[CsvRow],
    mapping: ColumnMapping,
) -> None:
    """Print the totals, then every rejected row and every warning of the service, by line.

    `report` is None after a dry run, when only the rows rejected here exist.
    """
    if report is not None:
        say(
            stream,
            language,
            f"Imported {report.created + report.updated} customers:"
            f" {report.created} created, {report.updated} updated.",
            f"Đã nhập {report.created + report.updated} khách hàng:"
            f" {report.created} tạo mới, {report.updated} cập nhật.",
        )

    rejections = _rejections(language, report, rows, mapping)
    rejected_lines = {rejection.line for rejection in rejections}
    if rejections:
        say(
            stream,
            language,
            f"Rejected {len(rejected_lines)} rows:",
            f"Đã từ chối {len(rejected_lines)} dòng:",
        )
        for rejection in rejections:
            stream.write("  " + _format_rejection(language, rejection) + "\n")

    warnings = sorted(report.warnings, key=lambda w: w.line) if report else []
    if warnings:
        say(stream, language, "Imported with warnings:", "Đã nhập nhưng có cảnh báo:")
        for warning in warnings:
            column = _column_for_field(mapping, warning.field)
            rejection = Rejection(warning.line, column, warning.field, warning.message)
            stream.write("  " + _format_rejection(language, rejection) + "\n")


def _rejections(
    language: Language, report: ImportReport | None, rows: Sequence[CsvRow], mapping: ColumnMapping
) -> list[Rejection]:
    found = [
        Rejection(
            row.line,
            problem.column or _column_for_field(mapping, problem.field),
            problem.field,
            problem.vi if language == "vi" else problem.en,
        )
        for row in rows
        for problem in row.problems
    ]
    if report is not None:
        for problem in report.rejected:
            column = _column_for_field(mapping, problem.field)
            found.append(Rejection(problem.line, column, problem.field, problem.message))

        # A row marked REJECTED without a userError still gets a line of its own.
        explained = {problem.line for problem in report.rejected}
        for line in report.rejected_lines - explained:
            reason = (
                "no reason given by the service" if language == "en" else "dịch vụ không nêu lý do"
            )
            found.append(Rejection(line, None, "", reason))
    return sorted(found, key=lambda rejection: rejection.line)


def _column_for_field(mapping: ColumnMapping, field: str) -> str | None:
    """Return the header of the column that filled `field` (`customFields.x` is `custom.x`)."""
    target = field.replace("customFields.", "custom.", 1)
    candidates = {"fullName", *NAME_PARTS} if target == "fullName" else {target}
    headers = [column.header for column in mapping.mapped if column.target in candidates]
    return " + ".join(headers) if headers else None


def _describe_mapping(mapping: ColumnMapping) -> str:
    by_target: dict[str, list[str]] = {}
    for column in mapping.mapped:
        target = "fullName" if column.target in NAME_PARTS else str(column.target)
        by_target.setdefault(target, []).append(repr(column.header))
    return ", ".join(f"{' + '.join(headers)} -> {target}" for target, headers in by_target.items())


def _format_rejection(language: Language, rejection: Rejection) -> str:
    line_word = "line" if language == "en" else "dòng"
    where = f"{line_word} {rejection.line}"
    if rejection.column:
        where += f", {rejection.column!r}"
    if rejection.field:
        where += f" ({rejection.field})"
    return f"{where}: {rejection.reason}"


class ProgressPrinter:
    """Progress on `stream`: one updating line on a terminal, else one line per batch."""

    def __init__(self, stream: TextIO, language: Language) -> None:
        self.stream = stream
        self.language = language
        self.on_terminal = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        text = (
            f"Sent {done}/{total} rows" if self.language == "en" else f"Đã gửi {done}/{total} dòng"
        )
        if self.on_terminal:
            end = "\n" if done == total else ""
            self.stream.write(f"\r{text}{end}")
        else:
            self.stream.write(f"{text}\n")
        self.stream.flush()
