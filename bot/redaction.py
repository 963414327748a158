"""Keep credentials out of the log, whoever writes the line.

Our own code never logs a secret, but libraries may: at DEBUG discord.py logs every route it
calls, and interaction and webhook routes carry the interaction token (a credential that lets
anyone answer as the bot for fifteen minutes). The filter sits on the log handlers, so it sees
every record, ours and the libraries'.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

REDACTED = "[redacted]"
# /interactions/{id}/{token}/callback and /webhooks/{application_id}/{token}[/...]
_ROUTE_TOKEN = re.compile(r"(/(?:interactions|webhooks)/\d+/)[\w.\-]+")
# An event's "token" field, as discord.py logs raw gateway events at DEBUG ({'token': '...'}).
_TOKEN_FIELD = re.compile(r"""(['"]token['"]\s*:\s*['"])[^'"]+""")


class SecretFilter(logging.Filter):
    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        for pattern in (_ROUTE_TOKEN, _TOKEN_FIELD):
            text = pattern.sub(rf"\g<1>{REDACTED}", text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self.redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def install(secrets: Iterable[str]) -> None:
    """Add the filter to every handler of the root logger (call after logging is set up)."""
    secret_filter = SecretFilter(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(secret_filter)
