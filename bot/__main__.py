"""`python -m bot` runs the bot; `check` checks the set-up offline; `sync` syncs commands globally.

Every failure a self-hoster can cause (a missing setting, a bad models file, a refused token)
ends with one plain line and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

import aiohttp
import discord
import yarl

from bot import redaction
from bot.catalog import CatalogError, load_catalog
from bot.config import Settings, SettingsError, load_settings
from bot.store import StoreError
from bot.store import check as check_database

EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument(
        "command",
        nargs="?",
        default="run",
        choices=("run", "check", "sync"),
        help="run the bot (default), check the set-up offline, or sync commands globally",
    )
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        if args.command == "check":
            for line in asyncio.run(check(settings)):
                print(line)
            return 0
        _configure_logging(settings)
        asyncio.run(sync(settings) if args.command == "sync" else run(settings))
    except (SettingsError, CatalogError, StoreError) as error:
        print(f"imagine: {error}", file=sys.stderr)
        return EXIT_USAGE
    except discord.LoginFailure:
        print("imagine: Discord refused DISCORD_TOKEN; copy the bot token again", file=sys.stderr)
        return EXIT_USAGE
    except (aiohttp.ClientConnectionError, discord.GatewayNotFound, discord.HTTPException) as error:
        print(f"imagine: cannot reach Discord ({error})", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        pass
    return 0


async def check(settings: Settings) -> list[str]:
    """Say, in plain words, whether the settings, the catalog and the database are usable."""
    catalog = load_catalog(settings.models_file)
    models = ", ".join(model.id for model in catalog.models)
    return [
        "; ".join(["settings: ok", *settings.deprecations]),
        f"catalog: {len(catalog.models)} models ({models}); default {catalog.default_model}",
        f"database: {await check_database(settings.database_path)}",
        f"image API: {_without_credentials(settings.image_api_base_url)}",
        f"pre-moderation: {_pre_moderation(settings)}",
    ]


def _pre_moderation(settings: Settings) -> str:
    if not settings.moderation_model:
        return "off (MODERATION_MODEL is not set)"
    failing = "allowed" if settings.moderation_fail_open else "refused"
    return f"{settings.moderation_model}; prompts are {failing} while it is unavailable"


async def run(settings: Settings) -> None:
    from bot.app import ImagineBot

    for note in settings.deprecations:
        logging.getLogger("imagine").warning("%s", note)
    await check_database(settings.database_path)  # fail before Discord sees a login
    client = ImagineBot(settings)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        # A service manager stops the bot with SIGTERM: close the HTTP sessions and the
        # database cleanly instead of dying mid-write.
        loop.add_signal_handler(signum, lambda: asyncio.ensure_future(client.close()))
    try:
        await client.start(settings.discord_token.get_secret_value())
    finally:
        # Not `async with`: discord.py's __aexit__ skips close() once the gateway is closed,
        # which would let the loop end while the database is still closing.
        await client.close()


async def sync(settings: Settings) -> None:
    from bot.app import ImagineBot

    await check_database(settings.database_path)
    client = ImagineBot(settings)
    try:
        await client.login(settings.discord_token.get_secret_value())
        synced = await client.tree.sync()
        print(f"synced {len(synced)} global commands (Discord may take up to an hour to show them)")
        if settings.dev_guild_id:
            # The global commands now reach that guild too: its copies would show twice.
            guild = discord.Object(settings.dev_guild_id)
            client.tree.clear_commands(guild=guild)
            await client.tree.sync(guild=guild)
            print(f"removed the development copies from guild {settings.dev_guild_id}")
    finally:
        await client.close()


def _without_credentials(url: str) -> str:
    """A URL may carry user:password or a key in its query; neither belongs on a terminal."""
    return str(yarl.URL(url).with_user(None).with_query(None))


def _configure_logging(settings: Settings) -> None:
    """Log to stderr, in colour only on a terminal, with every line redacted.

    Left to itself discord.py colours any stream inside Docker, which fills log files and
    container logs with escape codes; on a terminal it still decides whether colour works.
    """
    plain = logging.Formatter(
        "[{asctime}] [{levelname:<8}] {name}: {message}", "%Y-%m-%d %H:%M:%S", style="{"
    )
    formatter = {} if _is_terminal(sys.stderr) else {"formatter": plain}
    discord.utils.setup_logging(
        handler=logging.StreamHandler(sys.stderr),
        level=getattr(logging, settings.log_level),
        root=True,
        **formatter,
    )
    redaction.install(
        [settings.discord_token.get_secret_value(), settings.image_api_key.get_secret_value()]
    )


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return callable(isatty) and bool(isatty())


if __name__ == "__main__":
    sys.exit(main())
