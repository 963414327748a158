"""Every file and command the README shows works as written.

Each fenced block is checked by its language: a ``toml`` models file is loaded by the real
catalog loader, a ``dotenv`` file by the real settings loader, and each ``sh`` command is taken
apart and checked against what it names (the CLI's subcommands, the settings, the package's
extras, the files it copies); ``python -m bot`` examples run ``check``, which needs no network.
Inline commands (```python -m bot sync```) are checked the same way. A block in a language this
file does not know fails: an example nobody checks is how the models example broke.
"""

from __future__ import annotations

import configparser
import contextlib
import io
import json
import re
import shlex
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bot.__main__ import EXIT_USAGE
from bot.__main__ import main as cli
from bot.catalog import load_catalog
from bot.config import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SECRETS = {
    "DISCORD_TOKEN": "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.cmVhZG1l.readme-token-shaped-like-one",
    "IMAGE_API_KEY": "readme-key",
}
_FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"`([^`\n]+)`")
_ASSIGNMENT = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")
_PIP_TARGET = re.compile(r"^\.(?:\[([\w,-]+)\])?$")


@dataclass(frozen=True)
class Block:
    language: str
    text: str
    line: int

    def __str__(self) -> str:
        return f"README.md:{self.line}:{self.language or 'untagged'}"


@dataclass(frozen=True)
class Command:
    """One simple command: its leading ``NAME=value`` assignments, then its words."""

    env: dict[str, str]
    argv: list[str]

    def __str__(self) -> str:
        return shlex.join([f"{k}={v}" for k, v in self.env.items()] + self.argv)


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def fenced_blocks(text: str) -> list[Block]:
    return [Block(m[1], m[2], text.count("\n", 0, m.start()) + 1) for m in _FENCE.finditer(text)]


def inline_commands(text: str) -> list[str]:
    """Inline code outside fenced blocks that is a command of this project."""
    prose = _FENCE.sub("", text)
    spans = (span.strip() for span in _INLINE.findall(prose))
    wanted = (span for span in spans if span.startswith(("python -m bot", ".venv/bin/", "bash ")))
    return sorted(set(wanted))


def commands(script: str) -> list[Command]:
    """The simple commands of a shell snippet: one a line, or chained with ``&&``."""
    found: list[Command] = []
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        while words:
            end = words.index("&&") if "&&" in words else len(words)
            segment, words = words[:end], words[end + 1 :]
            env: dict[str, str] = {}
            while segment and (assignment := _ASSIGNMENT.match(segment[0])):
                env[assignment[1]] = assignment[2]
                segment = segment[1:]
            assert segment, f"an empty command in {line!r}"
            found.append(Command(env, segment))
    return found


def check_command(command: Command, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Check one command against what it names; fail on a command nobody taught this file."""
    argv = command.argv
    program = Path(argv[0]).name
    for name in command.env:
        assert name.lower() in Settings.model_fields, f"{command}: {name} is not a setting"
    if argv == ["python3", "-m", "venv", ".venv"]:
        return
    if program in ("python", "python3") and argv[1:3] == ["-m", "bot"]:
        check_bot_command(command, tmp_path, monkeypatch)
    elif program == "pip" and argv[1:2] == ["install"]:
        check_pip_install(command)
    elif program == "pytest":
        assert argv[1:] == [], f"{command}: the README runs the whole suite, with no options"
    elif (argv[0] == "cp" and len(argv) == 3) or (argv[0] == "bash" and len(argv) == 2):
        assert (ROOT / argv[1]).is_file(), f"{command}: no {argv[1]} in the repository"
    elif argv[0] == "sudo":
        check_command(Command(command.env, argv[1:]), tmp_path, monkeypatch)
    elif argv[0] in _SYSTEM_COMMANDS:
        check_system_command(command)
    else:
        pytest.fail(f"{command}: tests/test_readme.py does not know how to check this command")


_SYSTEM_COMMANDS = ("cd", "useradd", "install", "chown", "chmod", "systemctl", "journalctl")


def check_system_command(command: Command) -> None:
    """Setting up deploy/imagine.service: the user, folders and unit it names are the unit's."""
    unit = configparser.ConfigParser(interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    unit.read(ROOT / "deploy" / "imagine.service", encoding="utf-8")
    service = unit["Service"]
    home, user = service["WorkingDirectory"], service["User"]
    argv = command.argv
    words = [w for w in argv[1:] if not w.startswith("-")]
    if argv[0] == "cd":
        assert words == [home], f"{command}: the unit runs in {home}"
    elif argv[0] == "useradd":
        assert argv[-1] == user, f"{command}: the unit runs as {user}"
        assert home in argv, f"{command}: the unit's folder is {home}"
    elif argv[0] in ("install", "chown", "chmod"):
        if argv[0] == "install":
            assert argv[2:6] == ["-o", user, "-g", user], f"{command}: the unit runs as {user}"
            paths = argv[6:]
        else:
            owner, *paths = words  # chmod's is the mode
            assert argv[0] == "chmod" or owner == f"{user}:", f"{command}: the unit runs as {user}"
        assert paths, f"{command}: names no path"
        assert all(p.startswith(home + "/") for p in paths), f"{command}: outside {home}"
    elif argv[0] == "systemctl":
        assert words[0] in ("daemon-reload", "enable", "restart", "stop", "status"), command
        assert words[1:] in ([], ["imagine"]), f"{command}: the unit is imagine.service"
    else:  # journalctl
        assert argv[1:3] == ["-u", "imagine"], f"{command}: the unit is imagine.service"


def check_snippet(script: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for command in commands(script):
        check_command(command, tmp_path, monkeypatch)


def check_pip_install(command: Command) -> None:
    """Each target is this project, with extras that pyproject.toml defines."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = set(project.get("optional-dependencies", {}))
    targets = [word for word in command.argv[2:] if word not in ("-e", "-q", "--quiet")]
    assert targets, f"{command}: installs nothing"
    for target in targets:
        match = _PIP_TARGET.match(target)
        assert match, f"{command}: {target!r} is not this project"
        wanted = set(filter(None, (match[1] or "").split(",")))
        assert wanted <= extras, f"{command}: pyproject.toml defines no extra {wanted - extras}"


def check_bot_command(command: Command, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The subcommand exists in the real CLI, and the same settings pass ``check`` offline."""
    subcommand = command.argv[3:]
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here: the CLI gets past parsing, stops at settings
    try:
        status = cli(subcommand)
    except SystemExit as refused:  # argparse's way to refuse a command line, or --version's
        if subcommand == ["--version"] and refused.code == 0:
            return
        pytest.fail(f"{command}: the CLI refused the command line (exit {refused.code})")
    assert status == EXIT_USAGE, f"{command}: the CLI did not stop at the missing settings"
    if subcommand not in ([], ["run"], ["check"]):
        return  # sync talks to Discord
    for name, value in {**SECRETS, **command.env}.items():
        monkeypatch.setenv(name, value)
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        status = cli(["check"])
    assert status == 0, f"{command}: python -m bot check says {errors.getvalue().strip()}"


def check_block(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.language == "toml":
        path = tmp_path / "models.toml"
        path.write_text(block.text, encoding="utf-8")
        assert load_catalog(path).models
    elif block.language in ("sh", "bash", "shell"):
        check_snippet(block.text, tmp_path, monkeypatch)
    elif block.language in ("dotenv", "env"):
        path = tmp_path / ".env"
        path.write_text(block.text, encoding="utf-8")
        for name in Settings.model_fields:
            monkeypatch.delenv(name.upper(), raising=False)
        load_settings(path)
    elif block.language == "json":
        json.loads(block.text)
    elif block.language in ("yaml", "yml"):
        yaml.safe_load(block.text)
    else:
        pytest.fail(f"{block}: tests/test_readme.py does not know how to check this language")


@pytest.mark.parametrize("block", fenced_blocks(_readme()), ids=str)
def test_every_fenced_example_works(
    block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_block(block, tmp_path, monkeypatch)


@pytest.mark.parametrize("text", inline_commands(_readme()))
def test_every_inline_command_works(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_snippet(text, tmp_path, monkeypatch)


def test_the_readme_has_the_examples_this_file_checks() -> None:
    """Guards the extraction itself: a regex that found nothing would pass everything."""
    text = _readme()
    languages = [block.language for block in fenced_blocks(text)]
    assert languages.count("sh") >= 3
    assert "toml" in languages
    assert {"python -m bot check", "python -m bot sync"} <= set(inline_commands(text))


def test_the_env_example_works_once_its_secrets_are_filled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README says: ``cp .env.example .env`` and put the token and the key in it."""
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    for name, value in SECRETS.items():
        text, filled = re.subn(rf"^{name}=$", f"{name}={value}", text, flags=re.MULTILINE)
        assert filled == 1, name
    (tmp_path / ".env").write_text(text, encoding="utf-8")
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    settings = load_settings(tmp_path / ".env")
    assert settings.discord_token.get_secret_value() == SECRETS["DISCORD_TOKEN"]


@pytest.mark.parametrize(
    ("snippet", "fragment"),
    [
        ("python -m bot synch", "refused the command line"),
        ("SHARD_IDS=0-1 python -m bot", "needs SHARD_COUNT"),
        ("SHARD_COUNTS=4 python -m bot", "is not a setting"),
        (".venv/bin/pip install -e '.[tests]'", "no extra"),
        ("cp .env.sample .env", "no .env.sample"),
        ("make install", "does not know"),
        ("sudo systemctl enable --now imagine-bot", "the unit is imagine.service"),
        ("cd /srv/imagine && python -m bot check", "the unit runs in"),
        ("sudo chown root: /opt/imagine/.env", "the unit runs as"),
    ],
)
def test_a_broken_command_is_caught(
    snippet: str, fragment: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises((AssertionError, pytest.fail.Exception), match=fragment):
        check_snippet(snippet, tmp_path, monkeypatch)


def _test_command(script: str) -> list[Command]:
    """The install and pytest commands of the one line that runs pytest, quiet flags aside."""
    (line,) = [ln for ln in script.splitlines() if "pytest" in ln and not ln.startswith("#")]
    found = [c for c in commands(line) if c.argv[:3] != ["python3", "-m", "venv"]]
    return [Command(c.env, [w for w in c.argv if w not in ("-q", "--quiet")]) for c in found]


def test_ci_runs_the_readmes_test_command_with_the_compat_extra() -> None:
    """`.ci/run` keeps in step with the README, adding only the extra for the LiteLLM tests."""
    blocks = [b.text for b in fenced_blocks(_readme()) if b.language == "sh" and "pytest" in b.text]
    (readme,) = blocks
    ci = _test_command((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    expected = [str(c) for c in _test_command(readme)]
    assert [str(c).replace("[test,compat]", "[test]") for c in ci] == expected
    assert "'.[test,compat]'" in str(ci[0])
