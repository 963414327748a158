"""`python -m bot` runs the bot; `check` checks the set-up offline; `sync` syncs commands globally;
`guilds` and `usage` are the operator's (bot/operator_cli.py).
`backup PATH` copies the SQLite database while the bot runs.

Every failure a self-hoster can cause (a missing setting, a bad models file, a refused token)
ends with one plain line and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from importlib import metadata
from pathlib import Path

import aiohttp
import discord
import yarl

from bot import operator_cli, redaction
from bot.backup import backup
from bot.catalog import Catalog, CatalogError, load_catalog
from bot.config import Settings, SettingsError, load_settings
from bot.logs import JsonFormatter
from bot.metrics import MetricsError
from bot.metrics import check_address as check_metrics_address
from bot.store import StoreError, open_store
from bot.store import check as check_database
from bot.store.postgres import passwords

EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    prog = _program()
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] and argv[0] in operator_cli.COMMANDS:  # the operator's guilds and usage
        return operator_cli.main(argv, prog)
    parser = argparse.ArgumentParser(
        prog=prog, description=(__doc__ or "").replace("python -m bot", prog)
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="run",
        choices=("run", "check", "sync", "backup"),
        help="run the bot (default), check the set-up offline, sync commands globally, or "
        "back up the SQLite database to PATH",
    )
    parser.add_argument(
        "path", nargs="?", type=Path, metavar="PATH", help="backup: the file to write"
    )
    parser.add_argument("--version", action="version", version=f"imagine {_version()}")
    args = parser.parse_args(argv)
    if (args.command == "backup") != (args.path is not None):
        parser.error(f"PATH goes with backup only: {prog} backup PATH")
    try:
        settings = load_settings()
        if args.command == "backup":
            print(backup(settings.database, args.path))
            return 0
        if args.command == "check":
            for line in asyncio.run(check(settings)):
                print(line)
            return 0
        _configure_logging(settings)
        asyncio.run(sync(settings) if args.command == "sync" else run(settings))
    except (SettingsError, CatalogError, StoreError, MetricsError) as error:
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


def _program() -> str:
    """How the bot was started: `python -m bot`, or the installed `imagine-bot` script."""
    name = Path(sys.argv[0]).name
    return "python -m bot" if name in ("__main__.py", "") else name


async def check(settings: Settings) -> list[str]:
    """Say, in plain words, whether the settings, the catalog and the database are usable."""
    catalog = load_catalog(settings.models_file)
    models = ", ".join(model.id for model in catalog.models)
    if settings.metrics_port:  # a port in use (another shard's?) fails here, as in run
        await check_metrics_address(settings.metrics_host, settings.metrics_port)
    return [
        "; ".join(["settings: ok", *settings.deprecations]),
        f"catalog: {len(catalog.models)} model{'s' if len(catalog.models) > 1 else ''} "
        f"({models}); default {catalog.default_model}",
        f"database: {await check_database(settings.database)}",
        f"image API: {_without_credentials(settings.image_api_base_url)}",
        f"pre-moderation: {_pre_moderation(settings)}",
        f"edits: {_edits(catalog, settings)}",
        f"shards: {_shard_layout(settings)}",
        "metrics: "
        + (
            f"http://{settings.metrics_host}:{settings.metrics_port}/metrics"
            if settings.metrics_port
            else "off (set METRICS_PORT)"
        ),
    ]


def _edits(catalog: Catalog, settings: Settings) -> str:
    editing = [model.id for model in catalog.models if model.edits]
    if not editing:
        return "off (no model in the catalog declares edits = true)"
    megabytes = settings.edit_input_max_bytes / (1024 * 1024)
    return f"{', '.join(editing)}; inputs up to {megabytes:g} MiB"


def _pre_moderation(settings: Settings) -> str:
    if not settings.moderation_model:
        return "off (MODERATION_MODEL is not set)"
    failing = "allowed" if settings.moderation_fail_open else "refused"
    return f"{settings.moderation_model}; prompts are {failing} while it is unavailable"


async def run(settings: Settings) -> None:
    """Open the store and the image client, hand them to the bot, close them after it."""
    from bot.app import ImagineBot, image_client
    from bot.metrics import serving_metrics

    for note in settings.deprecations:
        logging.getLogger("imagine").warning("%s", note)
    # The database opens (and migrates) before Discord sees a login: a bad path fails first.
    async with (
        await open_store(settings.database, pool_size=settings.database_pool_size) as store,
        image_client(settings) as images,
    ):
        client = ImagineBot(settings, store=store, images=images)
        # A port already taken fails here, before the bot has anything to close.
        async with serving_metrics(client, settings.metrics_host, settings.metrics_port):
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                # A service manager stops the bot with SIGTERM: let requests finish and close
                # the database cleanly instead of dying mid-write.
                loop.add_signal_handler(signum, lambda: asyncio.ensure_future(client.close()))
            try:
                await client.start(settings.discord_token.get_secret_value())
            finally:
                # Not `async with client`: discord.py's __aexit__ skips close() once the gateway
                # is closed, which would close the database under requests still settling.
                await client.close()


async def sync(settings: Settings) -> None:
    """Log in and publish the commands: no database, no recovery, no image client."""
    from bot.app import ImagineBot

    client = ImagineBot(settings)
    try:
        await client.login(settings.discord_token.get_secret_value())
        synced = await client.tree.sync()
        print(f"synced {len(synced)} global commands (Discord may take up to an hour to show them)")
        if settings.dev_guild_id:
            # The global commands now reach that guild too: its copies would show twice.
            client.tree.clear_commands(guild=discord.Object(settings.dev_guild_id))
            await client.sync_dev_guild()
            print(f"removed the development copies from guild {settings.dev_guild_id}")
    finally:
        await client.close()


def _shard_layout(settings: Settings) -> str:
    if settings.shard_count is None:
        return "as many as Discord recommends (GET /gateway/bot), all in this process"
    ids = settings.shard_ids or range(settings.shard_count)
    return f"{', '.join(map(str, ids))} of {settings.shard_count}"


def _without_credentials(url: str) -> str:
    """A URL may carry user:password or a key in its query; neither belongs on a terminal."""
    return str(yarl.URL(url).with_user(None).with_query(None))


def _configure_logging(settings: Settings) -> None:
    """Log to stderr, as JSON lines (LOG_FORMAT=json) or as text, in colour only on a
    terminal, with every line redacted.

    Left to itself discord.py colours any stream inside Docker, which fills log files and
    container logs with escape codes; on a terminal it still decides whether colour works.
    """
    plain = logging.Formatter(
        "[{asctime}] [{levelname:<8}] {name}: {message}", "%Y-%m-%d %H:%M:%S", style="{"
    )
    formatter: dict[str, logging.Formatter] = {"formatter": plain}
    if settings.log_format == "json":
        formatter = {"formatter": JsonFormatter()}
    elif _is_terminal(sys.stderr):
        formatter = {}
    discord.utils.setup_logging(
        handler=logging.StreamHandler(sys.stderr),
        level=getattr(logging, settings.log_level),
        root=True,
        **formatter,
    )
    database = settings.database_url.get_secret_value() if settings.database_url else ""
    redaction.install(
        [
            settings.discord_token.get_secret_value(),
            settings.image_api_key.get_secret_value(),
            *passwords(database),
        ]
    )


def _version() -> str:
    try:
        return metadata.version("imagine-bot")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return callable(isatty) and bool(isatty())


if __name__ == "__main__":
    sys.exit(main())
