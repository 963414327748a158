"""Keep credentials out of the log, whoever writes the line and whoever formats it.

Our own code never logs a secret, but libraries may: at DEBUG discord.py logs every route it
calls, interaction and webhook routes carry the interaction token (a credential that lets
anyone answer as the bot for fifteen minutes), and aiohttp's timeout errors carry the whole
URL. Redaction wraps each handler's formatter and cleans the finished line, because a formatter
may render the exception itself (discord.py's colour formatter does), past anything a filter
could have cleaned in the record.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

REDACTED = "[redacted]"
# A key as gateways shorten it in their messages: what stands before and after a mask (a run of
# stars, an ellipsis, three dots), as "sk-proj-ab****wxyz", "sk-…1234" or "Zq81mV...".
_MASKED = re.compile(r"(?<![\w-])([\w-]*)(?:\*+|…|\.{3})([\w-]*)")
_KEY_HEAD = re.compile(r"[A-Za-z]{2,}-[\w-]*")  # "sk-", "tr-9": anyone's key, masked
FRAGMENT = 4  # this many of a secret's first or last characters beside a mask give it away
# /interactions/{id}/{token}/callback and /webhooks/{application_id}/{token}[/...]
_ROUTE_TOKEN = re.compile(r"(/(?:interactions|webhooks)/\d+/)[\w.\-]+")
# An event's "token" field, as discord.py logs raw gateway events at DEBUG ({'token': '...'}).
_TOKEN_FIELD = re.compile(r"""(['"]token['"]\s*:\s*['"])[^'"]+""")


class Redactor:
    """Replaces the configured secrets, masked copies of them or of any key, and any
    interaction token in a text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        text = _MASKED.sub(self._masked, text)
        for pattern in (_ROUTE_TOKEN, _TOKEN_FIELD):
            text = pattern.sub(rf"\g<1>{REDACTED}", text)
        return text

    def _masked(self, match: re.Match[str]) -> str:
        """A masked key removed: one of ours by its ends, anyone's by its shape ("tr-9****1706")."""
        head, tail = match[1], match[2]
        ours = any(
            (len(head) >= FRAGMENT and secret.startswith(head))
            or (len(tail) >= FRAGMENT and secret.endswith(tail))
            for secret in self._secrets
        )
        keylike = bool(_KEY_HEAD.fullmatch(head)) and len(tail) >= FRAGMENT
        return REDACTED if ours or keylike else match[0]


class RedactingFormatter(logging.Formatter):
    """Formats with `inner`, whatever it is, then redacts the finished text."""

    def __init__(self, inner: logging.Formatter, redactor: Redactor) -> None:
        super().__init__()
        self._inner = inner
        self._redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self._redactor.redact(self._inner.format(record))


def install(secrets: Iterable[str]) -> None:
    """Wrap the formatter of every handler of the root logger (call after logging is set up)."""
    redactor = Redactor(secrets)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(RedactingFormatter(handler.formatter or logging.Formatter(), redactor))
