"""Importing CSV files end to end: the importer sends to the real ASGI app."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from api.cli import build_parser
from api.importer.client import ImportRequestError
from api.importer.command import import_file_rows, run_with_client
from api.importer.mapping import resolve_mapping
from api.importer.reader import CsvRow, build_rows, parse_table, read_table
from api.importer.summary import print_report
from tests.conftest import Api, Clock, make_settings

DATA = Path(__file__).parent.parent / "data"
URL = "http://testserver/graphql"

PREVIEW = """
query Preview($groups: [ConditionGroupInput!]!) {
  previewSegment(conditionGroups: $groups) { totalCount }
}
"""


def sample_rows(path: Path = DATA / "customers-sample.csv") -> list[CsvRow]:
    table = read_table(path)
    return build_rows(table, resolve_mapping(table.headers, {}))


def rows_from_text(text: str) -> list[CsvRow]:
    table = parse_table(text)
    return build_rows(table, resolve_mapping(table.headers, {}))


def expected_dot_com_before_2022() -> int:
    """Count in plain Python the sample customers that the segment below must find.

    Rows with an unreadable date and repeated emails are not imported, so
    they are left out here too.
    """
    seen: set[str] = set()
    count = 0
    with (DATA / "customers-sample.csv").open(encoding="utf-8-sig", newline="") as file:
        for record in csv.DictReader(file):
            email = record["Email"].strip().lower()
            try:
                created = dt.date.fromisoformat(record["Subscription Date"])
            except ValueError:
                continue
            if email in seen:
                continue
            seen.add(email)
            if ".com" in email and created < dt.date(2022, 1, 1):
                count += 1
    return count


async def test_import_sample_creates_every_valid_row(api: Api) -> None:
    rows = sample_rows()
    valid = [row for row in rows if not row.problems]

    report = await import_file_rows(rows, client=api.client, url=URL, language="en")

    assert report.created == len(valid)
    assert report.updated == 0
    assert report.rejected == []
    assert report.rejected_lines == set()


async def test_import_sample_matches_python_segment_count(api: Api) -> None:
    await import_file_rows(sample_rows(), client=api.client, url=URL, language="en", batch_size=4)
    groups = [
        {
            "conditions": [
                {"field": "email", "operator": "CONTAINS", "value": {"text": ".com"}},
                {"field": "createdAt", "operator": "BEFORE", "value": {"date": "2022-01-01"}},
            ]
        }
    ]

    data = await api(PREVIEW, {"groups": groups})

    expected = expected_dot_com_before_2022()
    assert expected > 0
    assert data["previewSegment"]["totalCount"] == expected


async def test_import_sample_keeps_foreign_phones(api: Api) -> None:
    await import_file_rows(sample_rows(), client=api.client, url=URL, language="en")
    groups = [{"conditions": [{"field": "phone", "operator": "IS_NOT_EMPTY"}]}]

    data = await api(PREVIEW, {"groups": groups})

    with_phone = [row for row in sample_rows() if not row.problems and "phone" in row.values]
    assert data["previewSegment"]["totalCount"] == len(with_phone)


async def test_import_twice_updates_instead_of_duplicating(api: Api) -> None:
    rows = sample_rows()
    first = await import_file_rows(rows, client=api.client, url=URL, language="en")

    second = await import_file_rows(rows, client=api.client, url=URL, language="en")

    assert second.created == 0
    assert second.updated == first.created


async def test_import_vietnamese_file_counts_tags(api: Api) -> None:
    rows = sample_rows(DATA / "customers-vi.csv")
    report = await import_file_rows(rows, client=api.client, url=URL, language="vi")
    groups = [
        {"conditions": [{"field": "tags", "operator": "HAS_ANY_OF", "value": {"texts": ["vip"]}}]}
    ]

    data = await api(PREVIEW, {"groups": groups})

    valid = [row for row in rows if not row.problems]
    assert report.created == len(valid)
    with_vip = [row for row in valid if "VIP" in row.values.get("tags", [])]
    assert data["previewSegment"]["totalCount"] == len(with_vip)


async def test_import_service_rejection_names_csv_line(api: Api) -> None:
    rows = rows_from_text(
        "Email,Phone\r\nan@example.com,0912345678\r\nnot-an-email,0987654321\r\nbinh@example.com,\r\n"
    )

    report = await import_file_rows(rows, client=api.client, url=URL, language="en")

    assert report.created == 2
    assert report.rejected_lines == {3}
    assert [(problem.line, problem.field) for problem in report.rejected] == [(3, "email")]


async def test_import_summary_lists_service_rejection(api: Api) -> None:
    text = "Email,City\nan@example.com,Huế\nnot-an-email,Hà Nội\nan@example.com,Vinh\n"
    rows = rows_from_text(text)
    table = parse_table(text)
    report = await import_file_rows(rows, client=api.client, url=URL, language="vi")
    output = io.StringIO()

    print_report(output, "vi", report, rows, resolve_mapping(table.headers, {}))

    lines = output.getvalue().splitlines()
    assert lines[0] == "Đã nhập 1 khách hàng: 1 tạo mới, 0 cập nhật."
    assert lines[1] == "Đã từ chối 2 dòng:"
    assert lines[2].startswith("  dòng 3, 'Email' (email): ")
    assert lines[3].startswith("  dòng 4, 'Email' (email): email trùng lặp: dòng 2")


async def test_import_progress_prints_line_per_batch(api: Api) -> None:
    rows = sample_rows()
    valid = [row for row in rows if not row.problems]
    stream = io.StringIO()

    await import_file_rows(
        rows, client=api.client, url=URL, language="en", batch_size=5, progress_stream=stream
    )

    lines = stream.getvalue().splitlines()
    assert len(lines) == -(-len(valid) // 5)
    assert lines[0] == f"Sent 5/{len(valid)} rows"
    assert lines[-1] == f"Sent {len(valid)}/{len(valid)} rows"


async def test_import_wrong_path_fails_whole_request(api: Api) -> None:
    with pytest.raises(ImportRequestError) as caught:
        await import_file_rows(
            sample_rows(), client=api.client, url="http://testserver/missing", language="en"
        )

    assert "http://testserver/missing" in caught.value.en
    assert "/graphql" in caught.value.en
    assert caught.value.rows_done == 0


async def test_import_unknown_api_key_fails_whole_request(api: Api) -> None:
    with pytest.raises(ImportRequestError) as caught:
        await import_file_rows(
            sample_rows(), client=api.client, url=URL, language="en", api_key="not-a-key"
        )

    assert "--api-key" in caught.value.en
    assert ".." not in caught.value.en


async def test_import_batch_over_service_limit_fails(clock: Clock) -> None:
    app = create_app(make_settings(max_import_rows=5), clock=clock)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            with pytest.raises(ImportRequestError) as caught:
                await import_file_rows(
                    sample_rows(), client=client, url=URL, language="en", batch_size=10
                )

    assert "LIMIT_EXCEEDED" in caught.value.en
    assert "--batch-size" in caught.value.en


CREATE_FIELD = """
mutation Create($input: CreateCustomFieldInput!) {
  createCustomField(input: $input) { customField { key } userErrors { code message } }
}
"""


async def run_cli(api: Api, *argv: str) -> int:
    args = build_parser().parse_args(["import-customers", *argv, "--url", URL, "--lang", "en"])
    return await run_with_client(args, api.client)


async def test_cli_import_prints_summary(api: Api, capsys: pytest.CaptureFixture[str]) -> None:
    valid = [row for row in sample_rows() if not row.problems]

    status = await run_cli(api, str(DATA / "customers-sample.csv"))

    output = capsys.readouterr().out.splitlines()
    assert status == 0
    assert f"Imported {len(valid)} customers: {len(valid)} created, 0 updated." in output
    assert "Rejected 3 rows:" in output
    assert any(line.startswith("  line 17, 'Subscription Date' (createdAt): ") for line in output)


async def test_cli_import_reads_custom_number_field(api: Api, tmp_path: Path) -> None:
    created = await api(
        CREATE_FIELD,
        {"input": {"key": "loyalty_points", "label": "Loyalty points", "type": "NUMBER"}},
    )
    assert created["createCustomField"]["userErrors"] == []
    path = tmp_path / "points.csv"
    path.write_text(
        "Email;Điểm\nan@example.com;1.500\nbinh@example.com;900\nchi@example.com;2.000,5\n",
        encoding="utf-8",
    )

    status = await run_cli(api, str(path), "--map", "Điểm=custom.loyalty_points")
    groups = [
        {
            "conditions": [
                {
                    "field": "custom.loyalty_points",
                    "operator": "GREATER_THAN",
                    "value": {"number": 1000},
                }
            ]
        }
    ]
    data = await api(PREVIEW, {"groups": groups})

    assert status == 0
    assert data["previewSegment"]["totalCount"] == 2


async def test_cli_import_undefined_custom_field_fails(
    api: Api, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tiers.csv"
    path.write_text("Email,Tier\nan@example.com,Gold\n", encoding="utf-8")

    status = await run_cli(api, str(path), "--map", "Tier=custom.tier")

    assert status == 2
    assert "'tier'" in capsys.readouterr().err
