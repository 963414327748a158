"""The formatter wrapper that keeps credentials out of every handler's output."""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Iterator

import discord
import pytest

from bot.__main__ import _configure_logging
from bot.config import Settings
from bot.redaction import RedactingFormatter, Redactor

KEY = "sk-live-key-0123456789"
TOKEN = "aW50ZXJhY3Rpb24abc-DEF_123.xyz"  # an interaction token
BOT_TOKEN = "MTIzNDU2Nzg5.bot-token.secret"


def render(redactor: Redactor, *args: object, exc: BaseException | None = None) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter(logging.Formatter(), redactor))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    try:
        if exc is None:
            logger.warning(*args)
        else:
            try:
                raise exc
            except type(exc):
                logger.exception(*args)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_configured_secrets_are_redacted_in_arguments_and_tracebacks() -> None:
    redactor = Redactor([KEY, ""])
    assert KEY not in render(redactor, "calling with %s", KEY)
    output = render(redactor, "failed", exc=RuntimeError(f"bad key {KEY}"))
    assert KEY not in output
    assert "RuntimeError: bad key [redacted]" in output


def test_interaction_tokens_in_routes_and_events_are_redacted() -> None:
    redactor = Redactor([])
    route = f"PATCH http://x/api/v10/webhooks/11/{TOKEN}/messages/@original has returned 200"
    event = f"WebSocket Event: {{'id': '1', 'token': '{TOKEN}', 'version': 1}}"
    callback = f"POST http://x/api/v10/interactions/42/{TOKEN}/callback"
    output = render(redactor, "%s | %s | %s", route, event, callback)
    assert TOKEN not in output
    assert "/webhooks/11/[redacted]/messages/@original" in output
    assert "'token': '[redacted]'" in output
    assert "/interactions/42/[redacted]/callback" in output


def test_lines_without_secrets_are_left_alone() -> None:
    assert render(Redactor([KEY]), "generated %d image(s)", 2) == "generated 2 image(s)\n"


@pytest.fixture
def root_logging() -> Iterator[None]:
    """Let a test configure the root logger as `python -m bot` does, then put it back."""
    root = logging.getLogger()
    saved = [(handler, handler.formatter) for handler in root.handlers]
    level = root.level
    yield
    for handler in root.handlers[:]:
        if handler not in dict(saved):
            root.removeHandler(handler)
    for handler, formatter in saved:
        handler.setFormatter(formatter)
    root.setLevel(level)


class Terminal:
    """A pseudo-terminal: what is written to `stream` can be read back from the other side."""

    def __init__(self) -> None:
        self._reader, writer = os.openpty()
        self.stream = open(writer, "w")  # noqa: SIM115 - closed by close()

    def read(self) -> str:
        self.stream.flush()
        return os.read(self._reader, 1 << 16).decode().replace("\r\n", "\n")

    def close(self) -> None:
        self.stream.close()
        os.close(self._reader)


def _log_through_the_bots_configuration(monkeypatch: pytest.MonkeyPatch, on_terminal: bool) -> str:
    """Configure logging as `python -m bot` does, as inside a container, and log a failure."""
    monkeypatch.setattr(discord.utils, "is_docker", lambda: True)
    terminal = Terminal() if on_terminal else None
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", terminal.stream if terminal else pipe)
    settings = Settings(_env_file=None, discord_token=BOT_TOKEN, image_api_key=KEY)
    _configure_logging(settings)
    webhook = f"https://discord.com/api/v10/webhooks/11/{TOKEN}/messages/@original"
    try:
        raise TimeoutError(f"Connection timeout to host {webhook} as {BOT_TOKEN} with {KEY}")
    except TimeoutError:
        logging.getLogger("discord.webhook").exception("delivery failed for %s", webhook)
    if terminal is None:
        return pipe.getvalue()
    try:
        return terminal.read()
    finally:
        terminal.close()


@pytest.mark.usefixtures("root_logging")
@pytest.mark.parametrize("on_terminal", [True, False], ids=["terminal", "pipe"])
def test_a_traceback_is_redacted_whatever_the_formatter(
    monkeypatch: pytest.MonkeyPatch, on_terminal: bool
) -> None:
    """discord.py's colour formatter renders exc_info itself, past any filter."""
    output = _log_through_the_bots_configuration(monkeypatch, on_terminal)
    assert "TimeoutError: Connection timeout to host" in output
    assert "/webhooks/11/[redacted]/messages/@original" in output
    for secret in (TOKEN, BOT_TOKEN, KEY):
        assert secret not in output


@pytest.mark.usefixtures("root_logging")
@pytest.mark.parametrize("on_terminal", [True, False], ids=["terminal", "pipe"])
def test_colour_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, on_terminal: bool) -> None:
    """discord.py would colour any stream inside Docker; log files and pipes get plain text."""
    output = _log_through_the_bots_configuration(monkeypatch, on_terminal)
    assert ("\x1b[" in output) is on_terminal
    assert "ERROR" in output
