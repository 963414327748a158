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
    # A translation changed on Discord's side (an older bot published it): said again.
    imagine = next(c for c in discord_fake.state.global_commands if c["name"] == "imagine")
    german = imagine["description_localizations"]["de"]
    imagine["description_localizations"]["de"] = "Bilder erzeugen"
    async with start_bot(dev_guild_id=None):
        warned = [r.getMessage() for r in caplog.records if SYNC_HINT in r.getMessage()]
        assert len(warned) == 1
        assert "changed: imagine)" in warned[0]
    imagine["description_localizations"]["de"] = german
    caplog.clear()
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


def test_localizations_drift_in_any_language_at_any_depth() -> None:
    """Discord answers `null` (or nothing) where discord.py sent an empty dictionary."""
    period = {"name": "week (resets Monday)", "value": "week"}
    option = {"type": 3, "name": "period", "description": "How often", "choices": [period]}
    mine = {
        "name": "quota",
        "description": "Credits",
        "type": 1,
        "name_localizations": {},
        "description_localizations": {"de": "Credits"},
        "options": [
            {
                **option,
                "description_localizations": {"de": "Wie oft"},
                "choices": [{**period, "name_localizations": {"de": "Woche"}}],
            }
        ],
    }
    theirs = {**mine, "id": "1", "version": "2", "name_localizations": None}
    assert not drift([mine], [theirs])
    assert not drift([{**mine, "name_localizations": {}}], [{**theirs, "name_localizations": {}}])
    assert drift([mine], [{**theirs, "description_localizations": None}]).changed == ("quota",)
    assert drift([mine], [{**theirs, "options": [option]}]).changed == ("quota",)
    choice_only = {**option, "description_localizations": {"de": "Wie oft"}}
    assert drift([mine], [{**theirs, "options": [choice_only]}]).changed == ("quota",)
