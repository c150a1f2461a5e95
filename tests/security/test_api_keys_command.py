"""`segments create-api-key`, `list-api-keys` and `revoke-api-key` in embedded mode."""

from __future__ import annotations

import pytest

from api import api_keys_command
from api.cli import main
from storage.api_keys import create_api_key, list_api_keys, revoke_api_key
from storage.database import open_database
from tests.conftest import PINNED_NOW, make_settings


@pytest.fixture(autouse=True)
def embedded_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    # The commands read the cached process settings; these pin the embedded store.
    monkeypatch.setattr(api_keys_command, "get_settings", lambda: make_settings(mongodb_uri=None))


def test_create_prints_key_alone_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        ["create-api-key", "--workspace", "acme", "--scope", "read", "--name", "CRM sync"]
    )

    output = capsys.readouterr()
    assert status == 0
    assert output.out.startswith("sk_")
    assert output.out.count("\n") == 1
    assert "Created read API key" in output.err
    assert "only its hash is stored" in output.err


def test_embedded_mode_warns_that_no_server_sees_keys(capsys: pytest.CaptureFixture[str]) -> None:
    main(["create-api-key", "--workspace", "acme", "--scope", "write"])

    error_output = capsys.readouterr().err
    assert "MONGODB_URI is not set" in error_output
    assert "A running server cannot see it" in error_output


def test_create_rejects_invalid_workspace(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["create-api-key", "--workspace", "acme corp/$", "--scope", "read"])

    output = capsys.readouterr()
    assert status == 2
    assert output.out == ""
    assert "invalid workspace id 'acme corp/$'" in output.err


def test_create_rejects_unknown_scope(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["create-api-key", "--workspace", "acme", "--scope", "admin"])

    assert exited.value.code == 2
    assert "invalid choice: 'admin'" in capsys.readouterr().err


def test_list_on_empty_store_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["list-api-keys"])

    assert status == 0
    assert "No API keys." in capsys.readouterr().err


def test_revoke_unknown_id_fails(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["revoke-api-key", "6752f0c4e1a9b3d2c8f10a77"])

    assert status == 1
    assert "no API key with id '6752f0c4e1a9b3d2c8f10a77'" in capsys.readouterr().err


def test_help_lists_key_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])

    output = capsys.readouterr().out
    for name in ("create-api-key", "list-api-keys", "revoke-api-key"):
        assert name in output


async def test_list_table_shows_prefix_not_key() -> None:
    database = open_database(None, "api_keys_table")
    try:
        record, key = await create_api_key(database, "acme", "write", "CRM sync", PINNED_NOW)
        await revoke_api_key(database, record.id, PINNED_NOW)
        table = api_keys_command._table(await list_api_keys(database))
    finally:
        await database.close()

    header, row = table.splitlines()
    assert header.split()[:3] == ["ID", "WORKSPACE", "SCOPE"]
    assert record.id in row
    assert key[:9] + "…" in row
    assert key not in table
    assert "CRM sync" in row
    assert row.rstrip().endswith(PINNED_NOW.strftime("%Y-%m-%d %H:%M:%S"))
