"""Command descriptions, choice names and the context menu's name in each member's language.

The bot publishes them through discord.py's Translator; these tests read what the fake Discord
received over HTTP, which it also checks against Discord's OpenAPI document.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

from cogs.command_text import CatalogTranslator
from cogs.i18n import LOCALES_DIRECTORY, SOURCE_LOCALE, Catalogs, catalogs
from tests.fakes.discord import spec
from tests.fakes.discord.scenario import GUILD_ID

LANGUAGES = {"de", "fr", "es-ES", "pt-BR", "ja"}
CHAT_INPUT, MESSAGE_MENU = 1, 3
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
DESCRIPTION_LIMIT, MENU_NAME_LIMIT = 100, 32  # Discord's, for every language
COMMAND_IDS = sorted(
    line.split(" = ", 1)[0]
    for line in (LOCALES_DIRECTORY / f"{SOURCE_LOCALE}.ftl").read_text("utf-8").splitlines()
    if line.startswith("cmd-")
)


def discord_locales() -> set[str]:
    """The locale codes Discord accepts, as its OpenAPI document enumerates them."""
    enum = spec.document()["components"]["schemas"]["AvailableLocalesEnum"]
    return {entry["const"] for entry in enum["oneOf"]}


def published(discord_fake: Any, path: str) -> list[dict[str, Any]]:
    """The body of the last bulk overwrite of these commands, as the fake received it."""
    puts = [r for r in discord_fake.requests if r.method == "PUT" and r.path == path]
    assert puts, f"no PUT {path}"
    body: list[dict[str, Any]] = puts[-1].json
    return body


Text = tuple[str, str, dict[str, Any], int]  # where, which field, the object, Discord's limit


def texts(commands: list[dict[str, Any]]) -> Iterator[Text]:
    """Every command, option and choice text a member reads, with Discord's limit for it."""

    def walk(path: str, options: list[dict[str, Any]]) -> Iterator[Text]:
        for option in options:
            where = f"{path} {option['name']}"
            yield where, "description", option, DESCRIPTION_LIMIT
            for choice in option.get("choices") or []:
                yield f"{where}={choice['value']}", "name", choice, DESCRIPTION_LIMIT
            if option["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP):
                yield from walk(where, option.get("options") or [])

    for command in commands:
        if command["type"] == MESSAGE_MENU:  # no description: its name is what people click
            yield command["name"], "name", command, MENU_NAME_LIMIT
        else:
            yield f"/{command['name']}", "description", command, DESCRIPTION_LIMIT
            yield from walk(f"/{command['name']}", command.get("options") or [])


def test_every_command_text_is_in_every_language_within_discords_limits() -> None:
    source = catalogs()
    assert set(source.locales) == {SOURCE_LOCALE} | LANGUAGES
    assert len(COMMAND_IDS) > 80
    for locale in source.locales:
        for message_id in COMMAND_IDS:
            text = source.text(locale, message_id)
            if locale != SOURCE_LOCALE:
                assert source.translation(locale, message_id) == text, (locale, message_id)
            limit = MENU_NAME_LIMIT if message_id == "cmd-edit-menu" else DESCRIPTION_LIMIT
            assert 1 <= len(text) <= limit, (locale, message_id, len(text))
            assert text == text.strip(), (locale, message_id)


async def test_synced_commands_carry_every_language(bot, discord_fake) -> None:
    path = f"/applications/{bot.application_id}/guilds/{GUILD_ID}/commands"
    sent = published(discord_fake, path)
    assert spec.validate("PUT", path, sent, "application/json") == []
    valid = discord_locales()
    assert valid >= LANGUAGES
    source = catalogs()
    seen = set()
    for where, field, item, limit in texts(sent):
        localized = item.get(f"{field}_localizations") or {}
        assert localized.keys() >= LANGUAGES, (where, sorted(localized))
        assert localized.keys() <= valid, where
        assert SOURCE_LOCALE not in localized, where  # English is the default, not repeated
        assert "en-GB" not in localized, where
        assert localized["es-419"] == localized["es-ES"], where  # the nearest Spanish, not English
        for locale in LANGUAGES:
            text = localized[locale]
            assert text != item[field], (where, locale)  # translated, not English repeated
            assert 1 <= len(text) <= limit, (where, locale)
        seen.add(where)
    assert {"/imagine", "/imagine prompt", "/quota set period=week", "Edit with imagine"} <= seen
    assert {"/imagine-admin member forget user", "/imagine-admin set queue_limit"} <= seen
    menu = next(c for c in sent if c["type"] == MESSAGE_MENU)
    assert menu["name_localizations"]["de"] == source.text("de", "cmd-edit-menu")
    imagine = next(c for c in sent if c["name"] == "imagine")
    assert imagine["description_localizations"]["ja"] == source.text("ja", "cmd-imagine")
    assert "name_localizations" not in imagine["options"][0]  # option names stay English
    assert all(not c.get("name_localizations") for c in sent if c["type"] == CHAT_INPUT)


class Recording(CatalogTranslator):
    """The shipped translator, noting which message ids discord.py asks it for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str | None, app_commands.TranslationContextLocation]] = set()

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        self.asked.add((string.extras.get("key"), context.location))
        return await super().translate(string, locale, context)


async def test_every_command_message_is_asked_for_and_only_names_have_none(bot) -> None:
    """A catalog entry no command reads is a leftover. discord.py offers every command, group and
    option name too, with no message id: those stay English."""
    recording = Recording()
    await bot.tree.set_translator(recording)
    await bot.tree.sync(guild=discord.Object(GUILD_ID))
    assert {key for key, _ in recording.asked} - {None} == set(COMMAND_IDS)
    names = {Where.command_name, Where.group_name, Where.parameter_name}
    assert {where for key, where in recording.asked if key is None} == names
    assert (None, Where.choice_name) not in recording.asked
    assert ("cmd-edit-menu", Where.command_name) in recording.asked  # the menu's name is translated


async def test_discord_lists_localizations_only_when_asked(bot, discord_fake) -> None:
    """As Discord does: `with_localizations=true` adds the dictionaries, at every depth."""
    path = f"/applications/{bot.application_id}/guilds/{GUILD_ID}/commands"
    synced = await bot.tree.fetch_commands(guild=discord.Object(GUILD_ID))  # discord.py: not asked
    assert synced
    assert not any(c.description_localizations for c in synced)
    route = discord.http.Route("GET", path)
    full = await bot.http.request(route, params={"with_localizations": "true"})
    plain = await bot.http.request(route)
    assert spec.validate_response("GET", path, 200, full) == []
    assert spec.validate_response("GET", path, 200, plain) == []
    assert full == discord_fake.state.guild_commands[GUILD_ID]
    assert all(
        item[f"{field}_localizations"].keys() >= LANGUAGES for _, field, item, _ in texts(full)
    )
    assert not [where for where, field, item, _ in texts(plain) if f"{field}_localizations" in item]


@pytest.fixture
def without_a_german_prompt(tmp_path: Path) -> Catalogs:
    """The shipped catalogs, but German lacks the /imagine prompt's description."""
    for path in LOCALES_DIRECTORY.glob("*.ftl"):
        shutil.copy(path, tmp_path / path.name)
    german = tmp_path / "de.ftl"
    lines = german.read_text("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("cmd-imagine-prompt =")]
    assert len(kept) == len(lines) - 1
    german.write_text("".join(kept), "utf-8")
    return Catalogs(tmp_path)


async def test_a_message_missing_from_one_language_leaves_that_locale_out(
    bot, discord_fake, without_a_german_prompt, caplog
) -> None:
    await bot.tree.set_translator(CatalogTranslator(without_a_german_prompt))
    await bot.tree.sync(guild=discord.Object(GUILD_ID))
    sent = published(discord_fake, f"/applications/{bot.application_id}/guilds/{GUILD_ID}/commands")
    imagine = next(c for c in sent if c["name"] == "imagine")
    prompt = next(o for o in imagine["options"] if o["name"] == "prompt")
    assert "de" not in prompt["description_localizations"]  # Discord shows German members English
    assert LANGUAGES - {"de"} <= prompt["description_localizations"].keys()
    assert "de" in imagine["description_localizations"]  # the rest of German is still there
    edit = next(c for c in sent if c["name"] == "imagine-edit")
    assert (
        "de"
        in next(o for o in edit["options"] if o["name"] == "prompt")["description_localizations"]
    )
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
    told = [r.getMessage() for r in caplog.records if r.name == "imagine.i18n"]
    assert len(told) == 1, told  # logged once, as a missing message of a reply is
    assert "'cmd-imagine-prompt'" in told[0]
    assert "de catalog" in told[0]
    await bot.tree.sync(guild=discord.Object(GUILD_ID))
    assert len([r for r in caplog.records if r.name == "imagine.i18n"]) == 1
