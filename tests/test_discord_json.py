"""discord.py reads a lone surrogate in Discord's JSON even when it decodes with orjson."""

from __future__ import annotations

import json
from typing import Any

import discord.utils
import pytest

from bot.discord_json import read_discord_json_tolerantly, tolerant

EVENT = '{"d": {"prompt": "a cat \\ud83d"}}'  # half an emoji, as a client may send it


def strict(data: Any) -> Any:
    """Refuses a lone surrogate as orjson does (a ValueError), reads the rest."""
    value = json.loads(data)
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # UnicodeEncodeError on a lone half
    return value


def test_what_the_fast_decoder_refuses_the_standard_one_reads() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        strict(EVENT)
    assert tolerant(strict)(EVENT) == {"d": {"prompt": "a cat \ud83d"}}
    with pytest.raises(json.JSONDecodeError):
        tolerant(strict)("{not json")  # still an error where neither can read it


def test_discord_py_is_made_tolerant_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []

    def fast(data: Any) -> Any:
        calls.append(data)
        return strict(data)

    monkeypatch.setattr(discord.utils, "_from_json", fast)
    read_discord_json_tolerantly()
    read_discord_json_tolerantly()  # a second bot in the process: no second wrapper
    assert discord.utils._from_json(EVENT)["d"]["prompt"] == "a cat \ud83d"
    assert calls == [EVENT]


def test_the_standard_decoder_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(discord.utils, "_from_json", json.loads)
    read_discord_json_tolerantly()
    assert discord.utils._from_json is json.loads
