"""The bot: an `AutoShardedBot` that is handed its store and image client, and whose
`setup_hook` loads the cogs. It holds the core services; the cogs reach them through it and hold
no state of their own.

As in discord.py's examples/advanced_startup.py, `python -m bot` opens the resources with
`async with` and passes them in, so whoever opens them closes them, and `sync` (which needs
neither) builds the bot without them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.catalog import Catalog, load_catalog
from bot.clock import Clock, utc_now
from bot.command_drift import drift
from bot.config import Settings, SettingsError
from bot.defaults import DefaultsStore
from bot.discord_endpoints import apply_discord_endpoints
from bot.discord_json import read_discord_json_tolerantly
from bot.generation import GenerationService
from bot.guild_access import GuildAccess
from bot.history import HistoryService
from bot.images import ImageClient
from bot.logs import bind_request
from bot.metrics import Metrics
from bot.moderation_api import ModerationClient
from bot.policy import PolicyDefaults, PolicyService
from bot.queue import FairQueue, QueueSettings
from bot.queue_limits import QueueLimits
from bot.quota import BotBudget, QuotaDefaults, QuotaService
from bot.store import Store

log = logging.getLogger("imagine.bot")

MAINTENANCE_INTERVAL = timedelta(minutes=10)
# After the grace period, gateway calls still running are cancelled; their requests then get
# this long to settle and tell their members what it cost.
AFTER_CANCEL_SECONDS = 5.0
EXTENSIONS = (
    "cogs.command_text",  # the translator: before the commands are compared or published
    "cogs.access",
    "cogs.imagine",
    "cogs.edit",
    "cogs.remix",
    "cogs.settings",
    "cogs.quota",
    "cogs.moderation",
    "cogs.history",
    "cogs.privacy",
    "cogs.errors",
)
# What the README's invitation asks for: Send Messages, Embed Links, Attach Files.
INVITE_PERMISSIONS = discord.Permissions(send_messages=True, embed_links=True, attach_files=True)
MISSING_ACCESS = 50001  # Discord's code for a guild the application is not in


@contextlib.asynccontextmanager
async def image_client(settings: Settings, clock: Clock = utc_now) -> AsyncIterator[ImageClient]:
    """The image API client the settings describe, closed when the block ends; ``clock``
    should be the bot's, so that tests move both."""
    client = ImageClient(
        settings.image_api_base_url,
        settings.image_api_key.get_secret_value(),
        total_timeout=settings.image_api_timeout,
        connect_timeout=settings.image_api_connect_timeout,
        max_retries=settings.image_api_max_retries,
        max_download_bytes=settings.image_api_max_download_mb * 1024 * 1024,
        allow_private_downloads=settings.allow_private_result_urls,
        keepalive_timeout=settings.image_api_keepalive_seconds,
        clock=clock,
    )
    try:
        yield client
    finally:
        await client.close()


def bind_interaction(interaction: discord.Interaction[Any]) -> None:
    """Tag the log lines of this interaction's handling with its ids (bot/logs.py)."""
    bind_request(
        interaction_id=interaction.id,
        guild_id=interaction.guild_id,
        member_id=interaction.user.id,
    )


class RequestTree(app_commands.CommandTree[Any]):
    """Every command's log lines carry its interaction's ids."""

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        bind_interaction(interaction)
        return True


class ImagineBot(commands.AutoShardedBot):
    """Runs the shards the settings name (all of them if none), with the services it is given.

    Without a store and an image client it can log in and sync commands, and nothing else.
    """

    store: Store
    quota: QuotaService
    access: GuildAccess
    images: ImageClient
    generation: GenerationService
    policy: PolicyService
    queue_limits: QueueLimits
    history: HistoryService
    defaults: DefaultsStore
    moderation: ModerationClient | None = None

    def __init__(
        self,
        settings: Settings,
        *,
        store: Store | None = None,
        images: ImageClient | None = None,
        catalog: Catalog | None = None,
        clock: Clock = utc_now,
        **options: Any,
    ) -> None:
        # The bot never joins voice: discord.py's warnings about voice libraries only confuse.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        intents = discord.Intents.none()
        intents.guilds = True
        # No SHARD_COUNT: discord.py asks GET /gateway/bot how many shards to run.
        sharding: dict[str, Any] = {"shard_count": settings.shard_count}
        if settings.shard_ids is not None:
            sharding["shard_ids"] = list(settings.shard_ids)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            chunk_guilds_at_startup=False,
            tree_cls=RequestTree,
            **sharding,
            **options,
        )
        self._shutdown: asyncio.Task[None] | None = None
        self._finishing: set[asyncio.Task[Any]] = set()
        self.settings = settings
        self.catalog = catalog or load_catalog(settings.models_file)
        self.clock = clock
        self.metrics = Metrics([m.id for m in self.catalog.models], lambda: self.latencies)
        apply_discord_endpoints(settings.discord_api_base, settings.discord_gateway_url)
        read_discord_json_tolerantly()
        if (store is None) != (images is None):
            raise TypeError("give ImagineBot both a store and an image client, or neither")
        if store is not None and images is not None:
            self._use_services(store, images)

    def _use_services(self, store: Store, images: ImageClient) -> None:
        settings = self.settings
        self.store = store
        self.images = images
        self.quota = QuotaService(
            store,
            QuotaDefaults(
                guild_credits=settings.quota_guild_credits,
                member_credits=settings.quota_member_credits,
                period=settings.quota_period,
            ),
            clock=self.clock,
            refund_unknown=settings.quota_refund_unknown,
            ceiling=settings.guild_credits_ceiling,
            bot_budget=BotBudget(settings.bot_credits, settings.bot_period),
        )
        self.access = GuildAccess(store, settings.guild_access, clock=self.clock)
        self.generation = GenerationService(
            images, self.quota, FairQueue(queue_settings(settings)), metrics=self.metrics
        )
        if settings.moderation_model:
            self.moderation = ModerationClient(
                settings.image_api_base_url,
                settings.image_api_key.get_secret_value(),
                settings.moderation_model,
            )
        self.queue_limits = QueueLimits(store, self.generation.queue, clock=self.clock)
        self.history = HistoryService(
            store,
            retention=settings.prompt_retention if settings.prompt_retention_days else None,
            clock=self.clock,
        )
        self.defaults = DefaultsStore(store, clock=self.clock)
        self.policy = PolicyService(
            store,
            self.quota,
            PolicyDefaults(settings.member_cooldown_seconds, settings.strike_limit),
            metrics=self.metrics,
            moderation=self.moderation,
            moderation_fail_open=settings.moderation_fail_open,
            clock=self.clock,
        )

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self.settings.dev_guild_id:
            self.tree.copy_global_to(guild=discord.Object(self.settings.dev_guild_id))
            synced = await self.sync_dev_guild()
            log.info("synced %d commands to guild %s", len(synced), self.settings.dev_guild_id)
        elif hasattr(self, "store"):  # running, not `python -m bot sync` (about to publish)
            await self._compare_commands()

    async def _compare_commands(self) -> None:
        """Say at start-up when the global commands on Discord are not this bot's (an upgrade
        changed them): `python -m bot sync` is due. A failure to ask only logs."""
        assert self.application_id is not None  # set by login, before setup_hook
        # Discord leaves the localizations out of its answer unless asked; discord.py's
        # `get_global_commands` does not ask.
        route = discord.http.Route(
            "GET", "/applications/{application_id}/commands", application_id=self.application_id
        )
        try:
            remote = await self.http.request(route, params={"with_localizations": "true"})
        except (discord.HTTPException, aiohttp.ClientError, OSError, TimeoutError) as error:
            log.warning("could not compare the commands with Discord's: %s", error)
            return
        found = drift(await self._published(), remote)
        if found:
            log.warning(
                "the commands on Discord differ from this bot's (new: %s; gone: %s; changed: "
                "%s): run `python -m bot sync` to publish them",
                ", ".join(found.added) or "none",
                ", ".join(found.removed) or "none",
                ", ".join(found.changed) or "none",
            )

    async def _published(self) -> list[dict[str, Any]]:
        """The global commands as `tree.sync` would send them: translated, when a translator is
        set."""
        translator = self.tree.translator
        return [
            await command.get_translated_payload(self.tree, translator)
            if translator
            else command.to_dict(self.tree)
            for command in self.tree.get_commands()
        ]

    async def sync_dev_guild(self) -> list[discord.app_commands.AppCommand]:
        """Publish the tree's DEV_GUILD_ID commands (after login).

        SettingsError with the invitation when the bot is not in that server: Discord's
        "403 Missing Access" names neither.
        """
        guild_id = self.settings.dev_guild_id
        assert guild_id is not None  # callers check it is set
        assert self.application_id is not None  # login sets it
        try:
            return await self.tree.sync(guild=discord.Object(guild_id))
        except discord.Forbidden as error:
            if error.code != MISSING_ACCESS:
                raise
            invite = discord.utils.oauth_url(
                self.application_id,
                permissions=INVITE_PERMISSIONS,
                scopes=("bot", "applications.commands"),
            )
            raise SettingsError(
                f"DEV_GUILD_ID {guild_id} is a server the bot is not in; invite it with "
                f"{invite} or unset DEV_GUILD_ID"
            ) from None

    async def connect(self, *, reconnect: bool = True) -> None:
        """Read the guilds' queue limits and settle what a crash left, before any request;
        keep settling while running.

        Here (after login, before the gateway) and not in `setup_hook`: `sync` logs in too, and
        must not touch the database.
        """
        await self.queue_limits.load()
        await self.quota.reconcile_bot()
        await self.maintain()
        await self._say_who_is_held()
        self._maintenance = asyncio.create_task(self._maintain_periodically())
        await super().connect(reconnect=reconnect)

    async def maintain(self) -> None:
        """Settle what is owed, then reservations a crash left pending; forget old prompts."""
        if hasattr(self, "generation") and (owed := await self.generation.settle_owed()):
            log.warning("%d settlements still wait for the busy database", owed)
        recovered = await self.quota.recover_pending(self.settings.pending_timeout)
        if recovered:
            log.warning("settled %d reservations left pending by a crash", recovered)
        if self.settings.prompt_retention_days:
            await self.quota.purge_prompts(self.settings.prompt_retention)
            await self.history.purge()

    async def _say_who_is_held(self) -> None:
        """Once at start-up: guilds whose budget is above their ceiling are held to it."""
        held = await self.quota.held_to_ceiling()
        if held:
            log.warning(
                "%d guilds set a budget above their ceiling and are held to it (their own value "
                "is kept): %s; raise QUOTA_GUILD_CREDITS_MAX, or `python -m bot guilds grant "
                "GUILD_ID CREDITS` one guild",
                len(held),
                ", ".join(f"{g.guild_id} ({g.stored} > {g.ceiling})" for g in held),
            )

    async def _maintain_periodically(self) -> None:
        """A bot runs for months: retention and recovery cannot wait for the next restart."""
        while True:
            await asyncio.sleep(MAINTENANCE_INTERVAL.total_seconds())
            try:
                await self.maintain()
            except Exception:
                log.exception("maintenance failed; trying again in %s", MAINTENANCE_INTERVAL)

    async def on_ready(self) -> None:
        log.info("connected as %s to %d guilds", self.user, len(self.guilds))

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """A guild that removed the bot takes its data with it."""
        await self.quota.purge_guild(guild.id)
        await self.policy.purge_guild(guild.id)
        await self.queue_limits.purge_guild(guild.id)
        await self.history.purge_guild(guild.id)
        await self.defaults.purge_guild(guild.id)
        log.info("left guild %s: its quota and history were deleted", guild.id)

    async def close(self) -> None:
        """Close once, however many ask: a signal handler and `async with` both do.

        Each caller waits for the same shutdown, so none returns (and lets the event loop end)
        while the database is still closing.
        """
        if self._shutdown is None:
            self._shutdown = asyncio.create_task(self._close_services())
        await asyncio.shield(self._shutdown)

    @contextlib.contextmanager
    def finishing(self) -> Iterator[None]:
        """Mark the current task as a request that shutdown lets finish (its credits move)."""
        task = asyncio.current_task()
        assert task is not None  # coroutines always run in a task under asyncio
        self._finishing.add(task)
        try:
            yield
        finally:
            self._finishing.discard(task)

    async def _let_requests_finish(self, grace: float) -> None:
        """Wait for requests under way (reserving, settling, fitting, delivering) to end."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        while self._finishing and (left := deadline - loop.time()) > 0:
            await asyncio.wait(set(self._finishing), timeout=left)
        if self._finishing:
            log.error("stopping with %d requests unfinished", len(self._finishing))

    async def _close_services(self) -> None:
        """A restart is routine (every deploy): lose no paid work to it.

        New requests are refused at once (the gateway stays connected to say so). Requests under
        way get SHUTDOWN_GRACE_SECONDS to finish and deliver; gateway calls still running then
        are cancelled, and their requests get AFTER_CANCEL_SECONDS to settle and tell their
        members what it cost.
        """
        if hasattr(self, "_maintenance"):
            self._maintenance.cancel()
        if hasattr(self, "generation"):
            grace = self.settings.shutdown_grace_seconds
            loop = asyncio.get_running_loop()
            deadline = loop.time() + grace
            await self.generation.shutdown(grace)
            await self._let_requests_finish(deadline - loop.time() + AFTER_CANCEL_SECONDS)
            await self.generation.close(max(deadline - loop.time(), 0.0))
        await super().close()
        if self.moderation is not None:
            await self.moderation.close()
        if hasattr(self, "_maintenance"):  # it served: not `sync`, not a refused login
            log.info("stopped: no request is running; the store and image client close with run()")


def queue_settings(settings: Settings) -> QueueSettings:
    """The fair queue's process-wide caps, from the settings."""
    return QueueSettings(
        global_concurrency=settings.global_concurrency,
        guild_concurrency=settings.guild_concurrency,
        member_concurrency=settings.member_concurrency,
        queue_limit=settings.queue_limit,
        timeout=settings.queue_timeout_seconds,
        member_queue_limit=settings.member_queue_limit,
    )
