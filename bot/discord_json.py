"""Let discord.py read every JSON Discord may send, with orjson installed or not.

discord.py decodes gateway events and REST answers with orjson when it is installed (it comes with
``discord.py[speed]``, and with the LiteLLM proxy beside the bot). orjson refuses a lone UTF-16
surrogate escaped in a string (``"\\ud83d"``, an emoji cut in half by a client), which Discord
passes through in a member's prompt: the whole event is lost and the member's command never
answered. The standard library reads it (the bot strips such halves later), so it takes over
whenever the fast decoder refuses, and orjson keeps its speed everywhere else.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import discord.utils

Loads = Callable[[Any], Any]


def tolerant(fast: Loads) -> Loads:
    """``fast``, with the standard library's decoder for what ``fast`` refuses."""

    def loads(data: Any) -> Any:
        try:
            return fast(data)
        except ValueError:  # orjson.JSONDecodeError is one
            return json.loads(data)

    loads.tolerant = True  # type: ignore[attr-defined]  # marks it, so it is applied once
    return loads


def read_discord_json_tolerantly() -> None:
    """Make discord.py's decoder tolerant, once per process (before the bot connects)."""
    current: Loads = discord.utils._from_json
    if current is not json.loads and not getattr(current, "tolerant", False):
        discord.utils._from_json = tolerant(current)
