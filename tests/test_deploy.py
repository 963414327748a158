"""deploy/imagine.service: what systemd makes of it, and that it fits the bot's settings."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.app import AFTER_CANCEL_SECONDS
from bot.config import Settings

UNIT = Path(__file__).resolve().parent.parent / "deploy" / "imagine.service"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def test_the_unit_restarts_on_failure_and_outwaits_the_grace_period() -> None:
    service = unit()["Service"]
    assert service["Restart"] == "on-failure"
    assert service["RestartPreventExitStatus"] == "2"  # a set-up problem: restarting won't help
    assert service["KillSignal"] == "SIGTERM"
    grace = Settings.model_fields["shutdown_grace_seconds"].default
    assert float(service["TimeoutStopSec"]) > grace + AFTER_CANCEL_SECONDS


def test_the_unit_starts_the_bot_where_its_env_and_database_are() -> None:
    service = unit()["Service"]
    folder = service["WorkingDirectory"]
    assert service["ExecStart"] == f"{folder}/.venv/bin/python -m bot"
    database = Settings.model_fields["database_path"].default
    assert service["ReadWritePaths"] == f"{folder}/{database.parent}"
    assert unit()["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    """`systemd-analyze verify` on the unit, moved to this machine's venv and a scratch folder
    (it checks that ExecStart can run); it warns, without failing, on a value it ignores."""
    folder = unit()["Service"]["WorkingDirectory"]
    text = UNIT.read_text(encoding="utf-8")
    text = text.replace(f"{folder}/.venv/bin/python", sys.executable).replace(folder, str(tmp_path))
    (tmp_path / "data").mkdir()
    (tmp_path / "imagine.service").write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "imagine.service")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
