"""The command line as a user meets it: every command explains itself, the Quick start's main job runs."""
import pytest
from typer.testing import CliRunner

from communique.cli import app

runner = CliRunner()


def _commands():
    import typer.main

    return sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_demo_runs_on_the_default_store_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COMMUNIQUE_DB", raising=False)
    result = runner.invoke(app, ["demo"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Latest events" in result.output and "Most active dyads" in result.output
    assert (tmp_path / "communique.duckdb").exists()
