"""Log lines as text for people or as JSON for log collectors (LOG_FORMAT), with the ids of the
request a line belongs to.

The ids live in a context variable, set when an interaction starts to be served: asyncio copies
it into every task that request creates (its progress, its gateway call), so a line logged
anywhere on the request's way carries them, and lines of other requests do not.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Literal

LogFormat = Literal["text", "json"]
_request: ContextVar[dict[str, int] | None] = ContextVar("imagine_request", default=None)


def bind_request(*, interaction_id: int, guild_id: int | None, member_id: int) -> None:
    """Tag the rest of this task's lines (and its child tasks') with the request's ids."""
    ids = {"interaction_id": interaction_id, "member_id": member_id}
    if guild_id is not None:
        ids["guild_id"] = guild_id
    _request.set(ids)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, the request's ids,
    and the traceback, if any, as one string."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **(_request.get() or {}),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False)
