"""FakeDiscord: one aiohttp server on 127.0.0.1 serving REST under /api/v10 and the gateway."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from aiohttp import web

from tests.fakes.discord import spec
from tests.fakes.discord.callbacks import MODAL
from tests.fakes.discord.clock import DiscordClock
from tests.fakes.discord.context import FakeContext
from tests.fakes.discord.faults import FaultRule
from tests.fakes.discord.gateway import Gateway
from tests.fakes.discord.interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    BUTTON,
    MESSAGE_COMMAND,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    CommandOptions,
    InteractionHandle,
    Invoker,
    command_options,
    interaction_payload,
    modal_submit_data,
    nest_options,
    record_for,
)
from tests.fakes.discord.rest import RestApi
from tests.fakes.discord.scenario import FakeMember, Scenario, default_scenario
from tests.fakes.discord.spec import Violation
from tests.fakes.discord.state import FakeState, RecordedRequest, StoredAttachment, StoredMessage

LABEL = 18  # a modal's label component (discord.py 2.6+ wraps text inputs in it)
MAX_BODY = 64 * 1024 * 1024  # above Discord's 25 MiB so the fake itself can answer 413 40005


class FakeDiscord:
    def __init__(self, scenario: Scenario | None = None, clock: DiscordClock | None = None) -> None:
        self.ctx = FakeContext(scenario or default_scenario(), clock or DiscordClock())
        self.gateway = Gateway(self.ctx)
        self._app = web.Application(client_max_size=MAX_BODY)
        RestApi(self.ctx).register(self._app)
        self.gateway.register(self._app)
        # lingering_time=0: after a 413 do not keep reading the rest of a huge upload.
        self._runner = web.AppRunner(self._app, shutdown_timeout=1.0, lingering_time=0)

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        spec.document()  # a spec that cannot be loaded stops the fake here, not mid-request
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.ctx.base_url = f"http://{host}:{port}"

    async def stop(self) -> None:
        await self.gateway.close_all(code=1001)
        await self._runner.cleanup()

    # -- what tests read --------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self.ctx.scenario

    @property
    def clock(self) -> DiscordClock:
        return self.ctx.clock

    @property
    def state(self) -> FakeState:
        return self.ctx.state

    @property
    def api_base(self) -> str:
        return self.ctx.api_base

    @property
    def gateway_url(self) -> str:
        return self.ctx.gateway_url

    @property
    def requests(self) -> list[RecordedRequest]:
        return self.ctx.state.requests

    @property
    def violations(self) -> list[Violation]:
        return self.ctx.violations

    def messages(self, channel_id: int | None = None) -> list[StoredMessage]:
        """Live messages of a channel (default: the scenario's first channel)."""
        return self.state.channel_messages(channel_id or self.scenario.channel.id)

    def take_violations(self) -> list[Violation]:
        """Return and clear recorded spec violations (for tests that provoke them on purpose)."""
        taken = list(self.ctx.violations)
        self.ctx.violations.clear()
        return taken

    def assert_no_violations(self) -> None:
        if self.ctx.violations:
            details = "\n".join(f"  - {v}" for v in self.ctx.violations)
            raise AssertionError(f"request bodies violate Discord's OpenAPI spec:\n{details}")

    async def wait_until(self, predicate: Callable[[], bool], within: float = 5.0) -> None:
        await self.ctx.notifier.wait_until(predicate, within)

    # -- what tests do ----------------------------------------------------------------------

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send any gateway dispatch event to the connected client."""
        await self.gateway.dispatch(event, data)

    def fail_next(
        self,
        method: str,
        path: str,
        *,
        status: int = 429,
        count: int = 1,
        retry_after: float = 0.05,
        scope: str = "user",
        transport: Literal["reset", "stall"] | None = None,
        stall_seconds: float = 30.0,
    ) -> FaultRule:
        """Answer the next ``count`` requests matching method (or "*") and a path glob.

        ``transport="reset"`` resets the connection instead of answering; ``"stall"`` keeps it
        silent for ``stall_seconds`` first (the client's timeout should fire meanwhile).
        """
        rule = FaultRule(method, path, status, count, retry_after, scope, transport, stall_seconds)
        self.ctx.faults.append(rule)
        return rule

    async def redeliver(self, handle: InteractionHandle) -> None:
        """Dispatch the same INTERACTION_CREATE again, as Discord may after a resumed session."""
        await self.dispatch("INTERACTION_CREATE", handle.record.payload)

    async def inject_slash(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[dict[str, Any]] | None = None,
        *,
        subcommand: str | None = None,
        group: str | None = None,
        invoker: Invoker | None = None,
    ) -> InteractionHandle:
        """A CHAT_INPUT command (type 2), as if a member ran ``/name [group] [subcommand]``.

        Option values may be scenario objects (FakeMember, FakeUser, FakeRole, FakeChannel, or
        ``Mentionable(...)``): they are sent as ids with Discord's ``data.resolved`` objects.
        """
        invoker = invoker or Invoker()
        built = command_options(options, ctx=self.ctx, invoker=invoker)
        data = self._command_data(name, built, subcommand, group, invoker)
        return await self._inject(APPLICATION_COMMAND, data, invoker)

    async def inject_autocomplete(
        self,
        name: str,
        options: Mapping[str, Any],
        focused: str,
        *,
        subcommand: str | None = None,
        group: str | None = None,
        invoker: Invoker | None = None,
    ) -> InteractionHandle:
        """An autocomplete request (type 4): ``focused`` names the option being typed."""
        invoker = invoker or Invoker()
        built = command_options(options, focused, ctx=self.ctx, invoker=invoker)
        data = self._command_data(name, built, subcommand, group, invoker)
        return await self._inject(AUTOCOMPLETE, data, invoker)

    async def inject_component(
        self,
        message: StoredMessage,
        custom_id: str,
        *,
        component_type: int = BUTTON,
        values: Sequence[str] | None = None,
        invoker: Invoker | None = None,
    ) -> InteractionHandle:
        """A component click (type 3) on a message the bot sent."""
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = list(values)
        return await self._inject(MESSAGE_COMPONENT, data, invoker, message)

    def post_member_message(
        self,
        files: Sequence[tuple[str, bytes, str | None]],
        *,
        member: FakeMember | None = None,
        channel_id: int | None = None,
        content: str = "",
    ) -> StoredMessage:
        """A message a member posted (not the bot), with attachments the CDN serves."""
        author = member or self.scenario.member
        channel = channel_id or self.scenario.channel.id
        found = self.scenario.find_channel(channel)
        assert found is not None
        message = self.ctx.new_message(channel, found[0].id)
        message.author_id = author.user.id
        message.content = content
        message.attachments = [
            StoredAttachment(self.clock.snowflake(), name, data, content_type)
            for name, data, content_type in files
        ]
        return message

    async def inject_message_command(
        self, name: str, message: StoredMessage, *, invoker: Invoker | None = None
    ) -> InteractionHandle:
        """A message context menu command (type 2, data.type 3) on ``message``."""
        invoker = invoker or Invoker()
        data = self._command_data(name, CommandOptions(), None, None, invoker, MESSAGE_COMMAND)
        del data["options"]
        data["target_id"] = str(message.id)
        data["resolved"] = {"messages": {str(message.id): self.ctx.message_payload(message)}}
        return await self._inject(APPLICATION_COMMAND, data, invoker)

    async def submit_modal(
        self,
        opened: InteractionHandle,
        values: Mapping[str, str] | None = None,
        *,
        invoker: Invoker | None = None,
    ) -> InteractionHandle:
        """A MODAL_SUBMIT (type 5) of the modal the bot showed in answer to ``opened``.

        Only a modal Discord showed can be submitted: ``opened`` must have been answered with
        a type 9 response. ``values`` maps text inputs' custom_ids to what the member typed.
        """
        record = opened.record
        if record.response_type != MODAL or record.response_data is None:
            raise AssertionError(f"interaction {record.id} was not answered with a modal")
        data = modal_submit_data(record.response_data, values or {})
        message = self.state.message(record.message_id) if record.message_id else None
        return await self._inject(MODAL_SUBMIT, data, invoker, message)

    def _command_data(
        self,
        name: str,
        options: CommandOptions,
        subcommand: str | None,
        group: str | None,
        invoker: Invoker,
        command_type: int = 1,
    ) -> dict[str, Any]:
        """Data of a command interaction; the id and guild_id come from the synced command."""
        guild = invoker.guild or self.scenario.guild
        guild_commands = self.state.guild_commands.get(guild.id, [])
        synced = next(
            (c for c in guild_commands if c["name"] == name and c.get("type", 1) == command_type),
            None,
        )
        data: dict[str, Any] = {"type": command_type, "name": name}
        if synced is not None:
            data["guild_id"] = str(guild.id)
        else:
            synced = next(
                (
                    c
                    for c in self.state.global_commands
                    if c["name"] == name and c.get("type", 1) == command_type
                ),
                None,
            )
        data["id"] = synced["id"] if synced else str(self.clock.snowflake())
        data["options"] = nest_options(options.options, subcommand, group)
        if options.resolved:
            data["resolved"] = options.resolved
        return data

    async def _inject(
        self,
        kind: int,
        data: dict[str, Any],
        invoker: Invoker | None,
        message: StoredMessage | None = None,
    ) -> InteractionHandle:
        payload = interaction_payload(self.ctx, kind, data, invoker or Invoker(), message)
        record = record_for(payload, message)
        self.state.interactions[record.id] = record
        await self.dispatch("INTERACTION_CREATE", payload)
        return InteractionHandle(self.ctx, record)
