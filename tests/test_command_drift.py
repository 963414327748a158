"""At start-up the bot says when the commands it would publish differ from Discord's."""

from __future__ import annotations

import logging

from bot.command_drift import drift

SYNC_HINT = "run `python -m bot sync`"


async def test_start_up_says_when_the_commands_on_discord_are_stale(
    start_bot, discord_fake, caplog
) -> None:
    caplog.set_level(logging.WARNING, logger="imagine.bot")
    async with start_bot(dev_guild_id=None) as bot:
        assert discord_fake.state.global_commands == []
        warned = [r.getMessage() for r in caplog.records if SYNC_HINT in r.getMessage()]
        assert len(warned) == 1
        published = sorted(command.name for command in bot.tree.get_commands())
        assert {"imagine", "Edit with imagine"} <= set(published)  # slash and context menu
        assert f"new: {', '.join(published)}; gone: none; changed: none" in warned[0]
        await bot.tree.sync()
    caplog.clear()
    async with start_bot(dev_guild_id=None):
        assert not [r for r in caplog.records if SYNC_HINT in r.getMessage()]
    # A command changed on Discord's side (an older bot published it): said again.
    history = next(c for c in discord_fake.state.global_commands if c["name"] == "imagine-history")
    history["options"] = []
    async with start_bot(dev_guild_id=None):
        warned = [r.getMessage() for r in caplog.records if SYNC_HINT in r.getMessage()]
        assert len(warned) == 1
        assert "changed: imagine-history)" in warned[0]


def test_discords_defaults_and_string_permissions_are_no_drift() -> None:
    mine = {
        "name": "usage",
        "description": "d",
        "type": 1,
        "default_member_permissions": 32,
        "contexts": [0],
        "options": [{"type": 3, "name": "x", "description": "y", "required": False}],
    }
    theirs = {
        **mine,
        "id": "1",
        "version": "2",
        "default_member_permissions": "32",
        "options": [{"type": 3, "name": "x", "description": "y"}],
    }
    assert not drift([mine], [theirs])
    assert drift([mine], [{**theirs, "default_member_permissions": None}]).changed == ("usage",)
    assert drift([mine], []).added == ("usage",)
    assert drift([], [theirs]).removed == ("usage",)
