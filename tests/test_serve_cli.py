"""``exolint serve`` without its extra: a one-line message naming the extra, exit code 2 (runs
whether or not the extra is installed)."""
import importlib.util

from click.testing import CliRunner

from exolint.cli.commands import main

SERVE_PACKAGES = {"starlette", "uvicorn", "python_multipart", "multipart"}


def test_serve_without_the_extra_says_how_to_install_it(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in SERVE_PACKAGES else real(name, *a))
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 2
    assert "is not installed" in result.stderr
    assert "pip install 'exolint[serve]'" in result.stderr


def test_serve_rejects_a_bad_port():
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output
