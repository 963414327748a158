"""Discord JSON objects (users, guilds, messages, …) built from the scenario and stored state."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from tests.fakes.discord.clock import snowflake_time
from tests.fakes.discord.scenario import (
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeRole,
    FakeUser,
    Scenario,
)
from tests.fakes.discord.state import StoredAttachment, StoredMessage

JOINED_AT = "2024-01-01T00:00:00+00:00"


def iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat()


def user(u: FakeUser) -> dict[str, Any]:
    return {
        "id": str(u.id),
        "username": u.username,
        "discriminator": "0",
        "global_name": None if u.bot else u.username.title(),
        "avatar": None,
        "bot": u.bot,
        "public_flags": 0,
    }


def role(r: FakeRole) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "name": r.name,
        "color": 0,
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "position": r.position,
        "permissions": str(r.permissions),
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def channel(c: FakeChannel, guild: FakeGuild) -> dict[str, Any]:
    if c.is_thread:
        return thread(c, guild)
    return {
        "id": str(c.id),
        "type": c.type,
        "guild_id": str(guild.id),
        "name": c.name,
        "position": c.position,
        "permission_overwrites": _overwrites(c, guild),
        "nsfw": c.nsfw,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "parent_id": None if c.parent_id is None else str(c.parent_id),
        "flags": 0,
    }


def thread(c: FakeChannel, guild: FakeGuild) -> dict[str, Any]:
    """A public thread: no overwrites or nsfw of its own, it follows its parent channel."""
    return {
        "id": str(c.id),
        "type": c.type,
        "guild_id": str(guild.id),
        "name": c.name,
        "parent_id": str(c.parent_id),
        "owner_id": str(guild.owner_id),
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "total_message_sent": 0,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": JOINED_AT,
            "locked": False,
        },
    }


def _overwrites(c: FakeChannel, guild: FakeGuild) -> list[dict[str, Any]]:
    if not c.bot_denied:
        return []
    bot = next(m.user for m in guild.members if m.user.bot)
    return [{"id": str(bot.id), "type": 1, "allow": "0", "deny": str(c.bot_denied)}]


def member(m: FakeMember, guild: FakeGuild | None = None) -> dict[str, Any]:
    """A guild member; with ``guild`` it carries ``permissions`` as interactions do."""
    payload: dict[str, Any] = {
        "user": user(m.user),
        "roles": [str(r) for r in m.role_ids],
        "nick": None,
        "avatar": None,
        "joined_at": JOINED_AT,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
        "communication_disabled_until": None,
    }
    if guild is not None:
        payload["permissions"] = str(guild.permissions_of(m))
    return payload


def resolved_member(m: FakeMember, guild: FakeGuild) -> dict[str, Any]:
    """A member in ``data.resolved.members``: partial, without ``user``, ``deaf`` and ``mute``."""
    payload = member(m, guild)
    for key in ("user", "deaf", "mute"):
        del payload[key]
    return payload


def resolved_channel(c: FakeChannel, guild: FakeGuild, permissions: int) -> dict[str, Any]:
    """A channel in ``data.resolved.channels``: partial, with the invoker's ``permissions``."""
    payload = {**channel(c, guild), "permissions": str(permissions)}
    for key in ("guild_id", "permission_overwrites"):
        payload.pop(key, None)
    return payload


def guild_create(g: FakeGuild) -> dict[str, Any]:
    return {
        "id": str(g.id),
        "name": g.name,
        "icon": None,
        "owner_id": str(g.owner_id),
        "region": "us-west",
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "features": [],
        "mfa_level": 0,
        "system_channel_id": None,
        "preferred_locale": "en-US",
        "premium_tier": 0,
        "nsfw_level": 0,
        "roles": [role(r) for r in g.roles],
        "emojis": [],
        "stickers": [],
        "joined_at": JOINED_AT,
        "large": False,
        "unavailable": False,
        "member_count": len(g.members),
        "members": [member(m) for m in g.members],
        "channels": [channel(c, g) for c in g.channels if not c.is_thread],
        "threads": [thread(c, g) for c in g.channels if c.is_thread],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
    }


GUILD_INSTALL = 0
LOCALIZATIONS = ("name_localizations", "description_localizations")


def application_command(
    sent: dict[str, Any],
    command_id: str,
    application_id: int,
    version: str,
    guild_id: str | None = None,
) -> dict[str, Any]:
    """A command as Discord stores and answers it (spec: ApplicationCommandResponse).

    Whatever the bot sent, Discord answers with snowflakes and ``default_member_permissions``
    as strings (discord.py sends the bits as a number), and fills in its defaults.
    """
    permissions = sent.get("default_member_permissions")
    contexts = sent.get("contexts")
    command: dict[str, Any] = {
        "id": command_id,
        "application_id": str(application_id),
        "version": version,
        "default_member_permissions": None if permissions is None else str(int(permissions)),
        "type": int(sent.get("type") or 1),
        "name": sent["name"],
        "description": sent.get("description") or "",
        "dm_permission": bool(sent.get("dm_permission", True)),
        "contexts": None if contexts is None else [int(c) for c in contexts],
        "integration_types": [int(t) for t in sent.get("integration_types") or [GUILD_INSTALL]],
        "options": copy.deepcopy(sent.get("options") or []),
        "nsfw": bool(sent.get("nsfw", False)),
    }
    for key in LOCALIZATIONS:
        if sent.get(key):
            command[key] = dict(sent[key])
    if guild_id is not None:
        command["guild_id"] = guild_id
    return command


def without_localizations(value: Any) -> Any:
    """Commands as Discord lists them by default: no localization dictionaries at any depth."""
    if isinstance(value, list):
        return [without_localizations(item) for item in value]
    if isinstance(value, dict):
        return {k: without_localizations(v) for k, v in value.items() if k not in LOCALIZATIONS}
    return value


def application(s: Scenario) -> dict[str, Any]:
    """``GET /oauth2/applications/@me``; discord.py's AppInfo needs all of these."""
    return {
        "id": str(s.application_id),
        "name": s.application_name,
        "description": "Generates images under per-guild quotas.",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": user(s.app_owner),
        "verify_key": "0" * 64,
        "flags": 0,
        "bot": user(s.bot),
        "team": None,
        "summary": "",
    }


def ready(
    s: Scenario,
    session_id: str,
    resume_gateway_url: str,
    guilds: list[FakeGuild],
    shard: tuple[int, int],
) -> dict[str, Any]:
    """READY for one shard: it lists only the guilds that shard holds."""
    return {
        "v": 10,
        "user": {**user(s.bot), "verified": True, "mfa_enabled": False, "flags": 0},
        "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
        "session_id": session_id,
        "resume_gateway_url": resume_gateway_url,
        "application": {"id": str(s.application_id), "flags": 0},
        "private_channels": [],
        "relationships": [],
        "presences": [],
        "shard": list(shard),
    }


def attachment(a: StoredAttachment, channel_id: int, attachment_base: str) -> dict[str, Any]:
    """An Attachment object whose URLs are the fake's own loopback CDN."""
    url = f"{attachment_base}/{channel_id}/{a.id}/{a.filename}"
    return {
        "id": str(a.id),
        "filename": a.filename,
        "size": a.size,
        "url": url,
        "proxy_url": url,
        "content_type": a.content_type,
        "description": a.description,
    }


def message(m: StoredMessage, s: Scenario, attachment_base: str) -> dict[str, Any]:
    """A full Message object; attachments link back to the fake's own download route."""
    created = snowflake_time(m.id)
    author = next((u for u in s.users() if u.id == m.author_id), s.bot)
    payload: dict[str, Any] = {
        "id": str(m.id),
        "channel_id": str(m.channel_id),
        "author": user(author),
        "content": m.content,
        "timestamp": iso(created),
        "edited_timestamp": iso(created) if m.edited else None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [attachment(a, m.channel_id, attachment_base) for a in m.attachments],
        "embeds": m.embeds,
        "components": m.components,
        "pinned": False,
        "type": 0 if m.interaction_id is None else 20,
        "flags": m.flags,
    }
    if m.guild_id is not None:
        payload["guild_id"] = str(m.guild_id)
    if m.interaction_id is not None:
        payload["webhook_id"] = str(s.application_id)
        payload["application_id"] = str(s.application_id)
    return payload
