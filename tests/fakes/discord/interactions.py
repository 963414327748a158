"""Realistic INTERACTION_CREATE payloads, and handles tests await instead of sleeping."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.discord import payloads
from tests.fakes.discord.clock import snowflake_time
from tests.fakes.discord.context import FakeContext
from tests.fakes.discord.scenario import (
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeRole,
    FakeUser,
)
from tests.fakes.discord.state import InteractionRecord, StoredAttachment, StoredMessage

DEFAULT_ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
BUTTON = 2
ACTION_ROW, TEXT_INPUT, LABEL = 1, 4, 18
GUILD_INSTALL, GUILD_CONTEXT = "0", 0

USER, CHANNEL, ROLE, MENTIONABLE, ATTACHMENT = 6, 7, 8, 9, 11
MODAL_SUBMIT = 5
MESSAGE_COMMAND = 3  # data.type of a message context menu command
# Option types inferred from Python values (bool before int: bool is an int subclass).
OPTION_TYPES: tuple[tuple[type, int], ...] = (
    (bool, 5),
    (int, 4),
    (float, 10),
    (str, 3),
    (FakeUser, USER),
    (FakeMember, USER),
    (FakeChannel, CHANNEL),
    (FakeRole, ROLE),
)


@dataclass(frozen=True)
class Invoker:
    """Where and by whom an interaction happens; defaults to the scenario's member in #general."""

    member: FakeMember | None = None
    channel: FakeChannel | None = None
    guild: FakeGuild | None = None
    locale: str = "en-US"  # the member's language, as their Discord client is set
    guild_locale: str = "en-US"  # the server's language (its Community "primary language")
    attachment_size_limit: int = DEFAULT_ATTACHMENT_SIZE_LIMIT


@dataclass(frozen=True)
class Upload:
    """The value of an ATTACHMENT option (type 11): a file the member attached to the command.

    ``declared_size`` makes Discord's stated size differ from the bytes (a lying size).
    """

    filename: str
    data: bytes
    content_type: str | None = "image/png"
    declared_size: int | None = None


@dataclass(frozen=True)
class Mentionable:
    """The value of a MENTIONABLE option (type 9): a user, a member or a role."""

    target: FakeUser | FakeMember | FakeRole


@dataclass
class CommandOptions:
    """Leaf options as Discord sends them, and the ``data.resolved`` objects they refer to."""

    options: list[dict[str, Any]] = field(default_factory=list)
    resolved: dict[str, dict[str, Any]] = field(default_factory=dict)


def command_options(
    options: Mapping[str, Any] | Sequence[dict[str, Any]] | None,
    focused: str | None = None,
    *,
    ctx: FakeContext,
    invoker: Invoker,
) -> CommandOptions:
    """``{"prompt": "cat", "member": scenario.admin}`` → typed options plus resolved data.

    Values may be str/int/float/bool, or a FakeUser/FakeMember (type 6), FakeChannel (7),
    FakeRole (8) or ``Mentionable(...)`` (9): those are sent as their id, with the objects in
    ``resolved`` as Discord does. Raw option dicts pass through unchanged, without resolved data.
    """
    result = CommandOptions()
    if options is None:
        return result
    if not isinstance(options, Mapping):
        result.options.extend(options)
        return result
    resolver = _Resolver(ctx, invoker, result.resolved)
    for name, value in options.items():
        if isinstance(value, Mentionable):
            option: dict[str, Any] = {"name": name, "type": MENTIONABLE}
            option["value"] = resolver.add(value.target)
        elif isinstance(value, Upload):
            option = {"name": name, "type": ATTACHMENT, "value": resolver.upload(value)}
        else:
            kind = next((t for cls, t in OPTION_TYPES if isinstance(value, cls)), None)
            if kind is None:
                raise TypeError(f"no Discord option type for {name}={value!r}")
            option = {"name": name, "type": kind, "value": value}
            if kind in (USER, CHANNEL, ROLE):
                option["value"] = resolver.add(value)
        if name == focused:
            option["focused"] = True
        result.options.append(option)
    return result


class _Resolver:
    """Fills ``data.resolved`` as Discord does; permissions are guild-level (no overwrites)."""

    def __init__(self, ctx: FakeContext, invoker: Invoker, resolved: dict[str, Any]) -> None:
        self.ctx = ctx
        self.scenario = scenario = ctx.scenario
        self.guild = invoker.guild or scenario.guild
        self.invoker_channel = (invoker.channel or self.guild.channels[0]).id
        self.invoker = invoker.member or scenario.member
        self.resolved = resolved

    def add(self, value: FakeUser | FakeMember | FakeChannel | FakeRole) -> str:
        """Record ``value`` in ``resolved`` and return its id as the option's string value."""
        if isinstance(value, FakeRole):
            self._put("roles", value.id, payloads.role(value))
            return str(value.id)
        if isinstance(value, FakeChannel):
            found = self.scenario.find_channel(value.id)
            guild = found[0] if found else self.guild
            permissions = guild.permissions_of(self.invoker)
            self._put("channels", value.id, payloads.resolved_channel(value, guild, permissions))
            return str(value.id)
        member = value if isinstance(value, FakeMember) else self._member(value)
        user = value.user if isinstance(value, FakeMember) else value
        self._put("users", user.id, payloads.user(user))
        if member is not None:  # a user of this guild: Discord adds the member (without user)
            self._put("members", user.id, payloads.resolved_member(member, self.guild))
        return str(user.id)

    def upload(self, value: Upload) -> str:
        """Store the file where the fake's CDN serves it; resolve it as Discord does."""
        stored = StoredAttachment(
            self.ctx.clock.snowflake(),
            value.filename,
            value.data,
            value.content_type,
            declared_size=value.declared_size,
        )
        self.ctx.state.uploads[stored.id] = stored
        channel = self.invoker_channel
        payload = payloads.attachment(stored, channel, self.ctx.base_url + "/attachments")
        payload["ephemeral"] = True
        self._put("attachments", stored.id, payload)
        return str(stored.id)

    def _member(self, user: FakeUser) -> FakeMember | None:
        return next((m for m in self.guild.members if m.user.id == user.id), None)

    def _put(self, kind: str, object_id: int, payload: dict[str, Any]) -> None:
        self.resolved.setdefault(kind, {})[str(object_id)] = payload


def nest_options(
    options: list[dict[str, Any]], subcommand: str | None, group: str | None
) -> list[dict[str, Any]]:
    """Wrap leaf options in their subcommand and subcommand group, as Discord sends them."""
    if subcommand is not None:
        options = [{"name": subcommand, "type": SUB_COMMAND, "options": options}]
    if group is not None:
        options = [{"name": group, "type": SUB_COMMAND_GROUP, "options": options}]
    return options


def interaction_payload(
    ctx: FakeContext,
    kind: int,
    data: dict[str, Any],
    invoker: Invoker,
    message: StoredMessage | None = None,
) -> dict[str, Any]:
    scenario = ctx.scenario
    guild = invoker.guild or scenario.guild
    channel = invoker.channel or guild.channels[0]
    member = invoker.member or scenario.member
    payload: dict[str, Any] = {
        "id": str(ctx.clock.snowflake()),
        "application_id": str(scenario.application_id),
        "type": kind,
        "data": data,
        "guild_id": str(guild.id),
        "guild": {"id": str(guild.id), "locale": invoker.guild_locale, "features": []},
        "channel_id": str(channel.id),
        "channel": payloads.channel(channel, guild),
        "member": payloads.member(member, guild),
        "token": "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48),
        "version": 1,
        "app_permissions": str(scenario.bot_permissions),
        "locale": invoker.locale,
        "guild_locale": invoker.guild_locale,
        "entitlements": [],
        "entitlement_sku_ids": [],
        "authorizing_integration_owners": {GUILD_INSTALL: str(guild.id)},
        "context": GUILD_CONTEXT,
        "attachment_size_limit": invoker.attachment_size_limit,
    }
    if message is not None:
        payload["message"] = ctx.message_payload(message)
    return payload


def modal_submit_data(modal: Mapping[str, Any], values: Mapping[str, str]) -> dict[str, Any]:
    """What Discord sends when a member submits a modal the bot showed (type 9 response data).

    Each text input sends its typed value, or the prefilled one if the member left it; like
    Discord's client, a value outside the input's length limits cannot be submitted.
    """

    def answered(text_input: Mapping[str, Any]) -> dict[str, Any]:
        custom_id = text_input["custom_id"]
        value = values.get(custom_id, text_input.get("value") or "")
        low = text_input.get("min_length") or (1 if text_input.get("required", True) else 0)
        high = text_input.get("max_length") or 4000
        if not low <= len(value) <= high:
            raise ValueError(f"{custom_id}: {len(value)} characters, not {low}-{high}")
        return {"type": TEXT_INPUT, "custom_id": custom_id, "value": value}

    components: list[dict[str, Any]] = []
    for component in modal["components"]:
        if component["type"] == ACTION_ROW:
            inputs = [answered(c) for c in component["components"] if c["type"] == TEXT_INPUT]
            components.append({"type": ACTION_ROW, "components": inputs})
        elif component["type"] == LABEL and component["component"]["type"] == TEXT_INPUT:
            components.append({"type": LABEL, "component": answered(component["component"])})
    unknown = set(values) - {
        c["custom_id"] for row in components for c in row.get("components", [row.get("component")])
    }
    if unknown:
        raise ValueError(f"the modal has no input {', '.join(sorted(unknown))}")
    return {"custom_id": modal["custom_id"], "components": components}


def record_for(payload: dict[str, Any], message: StoredMessage | None) -> InteractionRecord:
    interaction_id = int(payload["id"])
    return InteractionRecord(
        id=interaction_id,
        token=payload["token"],
        type=payload["type"],
        created_at=snowflake_time(interaction_id),
        channel_id=int(payload["channel_id"]),
        guild_id=int(payload["guild_id"]),
        attachment_size_limit=payload["attachment_size_limit"],
        payload=payload,
        message_id=None if message is None else message.id,
    )


class InteractionHandle:
    """An injected interaction: its id/token, and awaitables for what the bot answered."""

    def __init__(self, ctx: FakeContext, record: InteractionRecord) -> None:
        self._ctx = ctx
        self.record = record

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def token(self) -> str:
        return self.record.token

    async def wait_response(self, within: float = 5.0) -> InteractionRecord:
        """Until the bot acknowledged (any callback type accepted by the fake)."""
        await self._ctx.notifier.wait_until(lambda: self.record.acknowledged, within)
        return self.record

    async def wait_followups(self, count: int = 1, within: float = 5.0) -> list[StoredMessage]:
        """Until ``count`` followups arrived (the one that replaced a defer counts)."""
        await self._ctx.notifier.wait_until(
            lambda: len(self.record.followup_message_ids) >= count, within
        )
        return [self._message(i) for i in self.record.followup_message_ids]

    @property
    def original(self) -> StoredMessage | None:
        """The message that is this interaction's original response, if any."""
        message_id = self.record.original_message_id
        return None if message_id is None else self._ctx.state.message(message_id)

    @property
    def choices(self) -> list[dict[str, Any]]:
        """Autocomplete results (callback type 8)."""
        return list((self.record.response_data or {}).get("choices", []))

    def _message(self, message_id: int) -> StoredMessage:
        message = self._ctx.state.message(message_id)
        assert message is not None
        return message
