"""The `segments` command line: help, option checks and failures before any import."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from api.cli import COMMANDS, build_parser, main
from api.schema import build_schema

DATA = Path(__file__).parent.parent / "data"


def closed_port_url() -> str:
    # Bind and release a port so that nothing listens on it while the test runs.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/graphql"


def test_cli_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])

    assert exited.value.code == 0
    output = capsys.readouterr().out
    for command in COMMANDS:
        assert command.name in output


def test_cli_import_help_states_units(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import-customers", "--help"])

    output = capsys.readouterr().out
    assert "1 to 1000" in output
    assert "in seconds" in output
    assert "custom.<key>" in output


def test_cli_command_requires_subcommand() -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args([])

    assert exited.value.code == 2


def test_cli_import_dry_run_prints_mapping_and_rejections(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(
        ["import-customers", str(DATA / "customers-sample.csv"), "--dry-run", "--lang", "en"]
    )

    output = capsys.readouterr().out
    assert status == 0
    assert "'First Name' + 'Last Name' -> fullName" in output
    assert "Ignored columns: 'Index', 'Customer Id', 'Company'" in output
    assert "Rejected 3 rows:" in output
    assert "line 17, 'Subscription Date' (createdAt)" in output
    assert "line 18, 'Email' (email): duplicate email: line 2" in output


def test_cli_import_dry_run_speaks_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["import-customers", str(DATA / "customers-vi.csv"), "--dry-run", "--lang", "vi"])

    output = capsys.readouterr().out
    assert status == 0
    assert "Các cột bỏ qua: 'STT'" in output
    assert "dòng 6, 'Ngày sinh' (birthday)" in output


def test_cli_import_unreachable_service_fails(capsys: pytest.CaptureFixture[str]) -> None:
    url = closed_port_url()

    status = main(
        ["import-customers", str(DATA / "customers-sample.csv"), "--url", url, "--lang", "en"]
    )

    error = capsys.readouterr().err
    assert status == 1
    assert url in error
    assert "make run" in error
    assert "--url" in error


def test_cli_import_missing_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "missing.csv"

    status = main(["import-customers", str(path), "--lang", "en"])

    assert status == 2
    assert str(path) in capsys.readouterr().err


@pytest.mark.parametrize("batch_size", ["0", "1001"])
def test_cli_import_batch_size_out_of_range_fails(
    batch_size: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["import-customers", str(DATA / "customers-sample.csv"), "--batch-size", batch_size]
    )

    assert status == 2
    assert batch_size in capsys.readouterr().err


def test_cli_import_map_for_missing_column_fails(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        [
            "import-customers",
            str(DATA / "customers-sample.csv"),
            "--map",
            "Mobile Phone=phone",
            "--lang",
            "en",
        ]
    )

    assert status == 2
    assert "'Mobile Phone'" in capsys.readouterr().err


def test_cli_import_without_mapped_columns_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unknown.csv"
    path.write_text("Colour,Size\nred,XL\n", encoding="utf-8")

    status = main(["import-customers", str(path), "--lang", "en"])

    assert status == 2
    assert "--map" in capsys.readouterr().err


def test_cli_import_unknown_phone_region_fails(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["import-customers", str(DATA / "customers-sample.csv"), "--phone-region", "XX"])

    assert status == 2
    assert "'XX'" in capsys.readouterr().err


def test_cli_export_schema_writes_sdl(tmp_path: Path) -> None:
    path = tmp_path / "schema.graphql"

    status = main(["export-schema", "--output", str(path)])

    assert status == 0
    assert path.read_text(encoding="utf-8") == build_schema().as_str().rstrip("\n") + "\n"


def test_cli_export_schema_prints_sdl(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["export-schema"])

    assert status == 0
    assert "importCustomers(customers: [CustomerInput!]!)" in capsys.readouterr().out
