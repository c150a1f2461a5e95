"""Reading customer CSV files into rows, and the rows rejected before sending."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.importer.mapping import resolve_mapping
from api.importer.reader import CsvFileError, CsvRow, build_rows, parse_table, read_table

DATA = Path(__file__).parent.parent / "data"


def rows_of(path: Path, user_mapping: dict[str, str] | None = None) -> list[CsvRow]:
    table = read_table(path)
    return build_rows(table, resolve_mapping(table.headers, user_mapping or {}))


def rows_from_text(text: str) -> list[CsvRow]:
    table = parse_table(text)
    return build_rows(table, resolve_mapping(table.headers, {}))


def test_sample_file_reads_bom_and_quoted_commas() -> None:
    table = read_table(DATA / "customers-sample.csv")

    assert table.headers[0] == "Index"
    assert all(len(cells) == len(table.headers) for _, cells in table.records)
    companies = [cells[table.headers.index("Company")] for _, cells in table.records]
    assert "Quinn, Barrow and Sons" in companies


def test_sample_file_joins_first_and_last_name() -> None:
    rows = rows_of(DATA / "customers-sample.csv")

    assert rows[0].values["fullName"] == "Marcus Holloway"


def test_sample_file_sends_phones_as_written() -> None:
    rows = rows_of(DATA / "customers-sample.csv")

    assert rows[0].values["phone"] == "512-330-8841x2290"


def test_date_only_created_at_is_midnight() -> None:
    rows = rows_of(DATA / "customers-sample.csv")

    assert rows[0].values["createdAt"] == "2020-03-14T00:00:00"


def test_sample_file_rejects_bad_rows_with_line_numbers() -> None:
    rows = rows_of(DATA / "customers-sample.csv")

    rejected = {row.line: row.problems for row in rows if row.problems}

    assert sorted(rejected) == [17, 18, 19]
    assert rejected[17][0].field == "createdAt"
    assert rejected[17][0].column == "Subscription Date"
    assert "'2021/13/40'" in rejected[17][0].en
    assert rejected[18][0].field == "email"
    assert "line 2" in rejected[18][0].en
    assert rejected[19][0].field == "createdAt"


def test_line_numbers_start_after_header() -> None:
    rows = rows_of(DATA / "customers-sample.csv")

    assert [row.line for row in rows] == list(range(2, 2 + len(rows)))


def test_vietnamese_file_uses_semicolon_and_vietnamese_headers() -> None:
    rows = rows_of(DATA / "customers-vi.csv")

    first = rows[0].values
    assert first["fullName"] == "Nguyễn Thị Đào"
    assert first["birthday"] == "1996-02-29"
    assert first["gender"] == "Nữ"
    assert first["address"] == "12 Hàng Bài; Hoàn Kiếm"
    assert first["tags"] == ["VIP", "khách sỉ"]
    assert first["createdAt"] == "2021-03-15T00:00:00"
    assert first["totalSpent"] == 12_500_000.0
    assert first["orderCount"] == 14


def test_vietnamese_file_counts_lines_inside_quoted_cells() -> None:
    rows = rows_of(DATA / "customers-vi.csv")

    assert [row.line for row in rows] == [2, 3, 5, 6, 7, 8]
    assert rows[1].values["address"] == "45 Lê Lợi, Quận 1"


def test_vietnamese_file_rejects_bad_rows_with_line_numbers() -> None:
    rows = rows_of(DATA / "customers-vi.csv")

    rejected = {row.line: row.problems[0] for row in rows if row.problems}

    assert sorted(rejected) == [6, 7, 8]
    assert rejected[6].field == "birthday"
    assert rejected[6].column == "Ngày sinh"
    assert rejected[7].field == "totalSpent"
    assert rejected[8].field == "phone"
    assert "dòng 2" in rejected[8].vi


def test_family_and_given_name_join_in_column_order() -> None:
    rows = rows_from_text("Họ;Tên đệm;Tên;SĐT\nNguyễn;Văn;An;0912345678\n")

    assert rows[0].values == {"fullName": "Nguyễn Văn An", "phone": "0912345678"}


def test_full_name_column_wins_over_name_parts() -> None:
    rows = rows_from_text("First Name,Last Name,Full Name\nAn,Nguyen,Nguyễn Văn An\n")

    assert rows[0].values["fullName"] == "Nguyễn Văn An"


def test_tab_delimited_file_is_read() -> None:
    rows = rows_from_text("Email\tPhone\nan@example.com\t0912345678\n")

    assert rows[0].values == {"email": "an@example.com", "phone": "0912345678"}


def test_custom_field_column_goes_to_custom_fields() -> None:
    table = parse_table("Email,Loyalty Tier\nan@example.com,  Gold \n")

    rows = build_rows(
        table, resolve_mapping(table.headers, {"Loyalty Tier": "custom.loyalty_tier"})
    )

    assert rows[0].values["customFields"] == {"loyalty_tier": "Gold"}


def test_row_with_extra_cells_is_rejected() -> None:
    rows = rows_from_text("Email,City\nan@example.com,Ha Noi,Viet Nam\nbinh@example.com,Hue\n")

    assert rows[0].problems
    assert "3 cells" in rows[0].problems[0].en
    assert not rows[1].problems


def test_row_with_missing_cells_keeps_what_it_has() -> None:
    rows = rows_from_text("Email,City\nan@example.com\n")

    assert rows[0].values == {"email": "an@example.com"}
    assert not rows[0].problems


def test_blank_lines_are_skipped_but_counted() -> None:
    rows = rows_from_text("Email\n\nan@example.com\n\n\nbinh@example.com\n")

    assert [row.line for row in rows] == [3, 6]


def test_duplicate_email_compares_lower_case() -> None:
    rows = rows_from_text("Email\nAn@Example.com\n an@example.com \n")

    assert not rows[0].problems
    assert rows[1].problems[0].field == "email"


def test_duplicate_phone_compares_normalised_numbers() -> None:
    rows = rows_from_text("Phone\n0912 345 678\n+84912345678\n")

    assert rows[1].problems[0].field == "phone"


def test_non_utf8_file_is_rejected_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "windows.csv"
    path.write_bytes("Tên\nĐào\n".encode("cp1258"))

    with pytest.raises(CsvFileError) as caught:
        read_table(path)

    assert "CSV UTF-8" in caught.value.en


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("\n\n", encoding="utf-8")

    with pytest.raises(CsvFileError):
        read_table(path)


def test_phone_region_sends_international_form() -> None:
    table = parse_table(
        "Email,Phone\nan@example.com,(217)474-0312\nbinh@example.com,0912 345 678\n"
    )

    rows = build_rows(table, resolve_mapping(table.headers, {}), phone_region="US")

    assert rows[0].values["phone"] == "+1 217-474-0312"
    assert rows[1].values["phone"] == "0912 345 678"


def test_custom_field_cells_follow_field_types() -> None:
    table = parse_table(
        "Email,Points,Member Since,Opted In,Interests\n"
        'an@example.com,1.500,15/03/2021,có,"golf; tennis"\n'
    )
    mapping = resolve_mapping(
        table.headers,
        {
            "Points": "custom.points",
            "Member Since": "custom.member_since",
            "Opted In": "custom.opted_in",
            "Interests": "custom.interests",
        },
    )
    types = {
        "points": "NUMBER",
        "member_since": "DATE",
        "opted_in": "BOOLEAN",
        "interests": "MULTI_SELECT",
    }

    rows = build_rows(table, mapping, custom_types=types)

    assert rows[0].values["customFields"] == {
        "points": 1500,
        "member_since": "2021-03-15",
        "opted_in": True,
        "interests": ["golf", "tennis"],
    }


def test_custom_number_cell_invalid_is_rejected() -> None:
    table = parse_table("Email,Points\nan@example.com,many\n")
    mapping = resolve_mapping(table.headers, {"Points": "custom.points"})

    rows = build_rows(table, mapping, custom_types={"points": "NUMBER"})

    assert rows[0].problems[0].field == "custom.points"
    assert rows[0].problems[0].column == "Points"
