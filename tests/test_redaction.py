"""The log filter that keeps credentials out of every handler's output."""

from __future__ import annotations

import io
import logging

from bot.redaction import SecretFilter

KEY = "sk-live-key-0123456789"
TOKEN = "aW50ZXJhY3Rpb24abc-DEF_123.xyz"


def render(secret_filter: SecretFilter, *args: object, exc: BaseException | None = None) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(secret_filter)
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
    secret_filter = SecretFilter([KEY, ""])
    assert KEY not in render(secret_filter, "calling with %s", KEY)
    output = render(secret_filter, "failed", exc=RuntimeError(f"bad key {KEY}"))
    assert KEY not in output
    assert "RuntimeError: bad key [redacted]" in output


def test_interaction_tokens_in_routes_and_events_are_redacted() -> None:
    secret_filter = SecretFilter([])
    route = f"PATCH http://x/api/v10/webhooks/11/{TOKEN}/messages/@original has returned 200"
    event = f"WebSocket Event: {{'id': '1', 'token': '{TOKEN}', 'version': 1}}"
    callback = f"POST http://x/api/v10/interactions/42/{TOKEN}/callback"
    output = render(secret_filter, "%s | %s | %s", route, event, callback)
    assert TOKEN not in output
    assert "/webhooks/11/[redacted]/messages/@original" in output
    assert "'token': '[redacted]'" in output
    assert "/interactions/42/[redacted]/callback" in output


def test_lines_without_secrets_are_left_alone() -> None:
    assert render(SecretFilter([KEY]), "generated %d image(s)", 2) == "generated 2 image(s)\n"
