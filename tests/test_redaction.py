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
from bot.images import ImageAPIError
from bot.redaction import RedactingFormatter, Redactor
from cogs.i18n import words_for
from cogs.presenters import image_failure
from tests.fakes.image_gateway import FakeImageGateway
from tests.image_clients import DALLE3, MakeClient
from tests.image_clients import KEY as IMAGE_KEY

KEY = "sk-live-key-0123456789"
TOKEN = "aW50ZXJhY3Rpb24abc-DEF_123.xyz"  # an interaction token
BOT_TOKEN = "MTIzNDU2Nzg5.bot-token.secret"
ENGLISH = words_for("en-US")


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


# How gateways echo a key, shortened: ours by its first or last characters, anyone's by shape.
MASKED = (
    f"sk-…{IMAGE_KEY[-4:]}",  # an ellipsis, not three dots
    f"{IMAGE_KEY[:10]}…",
    f"{IMAGE_KEY[:7]}...{IMAGE_KEY[-5:]}",
    f"****{IMAGE_KEY[-6:]}",
    "tr-9****1706",  # LiteLLM's mask of a key without sk-
    "xx-…4821",
)
# What must not be left of them.
FRAGMENTS = (IMAGE_KEY[-4:], IMAGE_KEY[:10], "tr-9", "1706", "4821")


def test_masked_keys_are_redacted_in_log_lines() -> None:
    output = render(Redactor([IMAGE_KEY]), "gateway said: %s", " ".join(MASKED))
    assert output == "gateway said: " + " ".join(["[redacted]"] * len(MASKED)) + "\n"


def test_dots_and_stars_that_mask_no_key_are_left_alone() -> None:
    text = "Please wait... **Note**: sk-… is a prefix; re-try…"
    assert Redactor([IMAGE_KEY]).redact(text) == text


@pytest.mark.parametrize("status", [400, 429, 500])
async def test_a_key_the_gateway_echoes_masked_reaches_no_log_member_or_exception(
    gw: FakeImageGateway, make_client: MakeClient, caplog: pytest.LogCaptureFixture, status: int
) -> None:
    caplog.set_level(logging.DEBUG)
    message = "Incorrect API key provided: " + ", ".join(MASKED) + "."
    gw.fail_next("http_error", times=3, status=status, message=message)
    with pytest.raises(ImageAPIError) as info:
        await make_client(gw.base_url).generate(DALLE3)
    error = info.value
    assert error.status == status
    said = [caplog.text, str(error), repr(error), error.detail or "", image_failure(ENGLISH, error)]
    for fragment in FRAGMENTS:
        assert not [text for text in said if fragment in text], fragment
    assert "Incorrect API key provided: [redacted]" in caplog.text  # the words are kept


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
