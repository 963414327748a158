"""The README's command reference and its list of stored tables, kept in step with the code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.store import is_postgres_url, open_store
from tests.fakes.discord.scenario import GUILD_ID

README = Path(__file__).resolve().parent.parent / "README.md"
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
CHAT_INPUT = 1  # an application command's type: a slash command (3: a message's menu)
BOOKKEEPING = {"imagine_schema"}  # PostgreSQL's schema version (SQLite keeps it in a pragma)


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def table_rows(text: str) -> list[list[str]]:
    """The cells of a markdown table's body rows (header and rule skipped)."""
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


def leaves(commands: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Every runnable command as `/name group sub` (a context menu: its name), with its options'
    names."""
    found: dict[str, list[str]] = {}

    def walk(path: str, options: list[dict[str, Any]]) -> None:
        nested = [o for o in options if o["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP)]
        if not nested:
            found[path] = [o["name"] for o in options]
        for option in nested:
            walk(f"{path} {option['name']}", option.get("options", []))

    for command in commands:
        slash = "/" if command.get("type", CHAT_INPUT) == CHAT_INPUT else ""
        walk(f"{slash}{command['name']}", command.get("options", []))
    return found


async def test_every_synced_command_is_in_the_readme_with_its_options(bot, discord_fake) -> None:
    synced = leaves(discord_fake.state.guild_commands[GUILD_ID])
    rows = {row[0].strip("`"): row for row in table_rows(section("Commands"))}
    missing = sorted(synced.keys() - rows.keys())
    assert not missing, f"commands missing from the README's table: {missing}"
    assert sorted(rows.keys() - synced.keys()) == []  # nor does it list one that is gone
    for name, options in synced.items():
        _, listed, who, reply = rows[name]
        assert re.findall(r"`(\w+)`", listed) == options, name
        assert who
        assert re.split(r"[:,]", reply)[0] in ("public", "private"), name
    assert "/imagine-history" in synced
    assert "/imagine-admin member forget" in synced


async def test_the_readme_lists_every_table_the_bot_keeps(database) -> None:
    async with await open_store(database) as store:
        if is_postgres_url(database):
            rows = await store.fetch(
                "SELECT table_name AS name FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            )
        else:
            rows = await store.fetch(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
    schema = {row["name"] for row in rows} - BOOKKEEPING
    listed = [row[0].strip("`") for row in table_rows(section("What the bot stores"))]
    assert sorted(listed) == sorted(schema)
    assert "refusals" in listed
