"""Who and what exists in the fake Discord: the bot, its application, guilds, channels, members."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

# Permission bits (https://discord.com/developers/docs/topics/permissions).
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_GUILD = 1 << 5
MANAGE_MESSAGES = 1 << 13
EVERYONE_PERMISSIONS = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_APPLICATION_COMMANDS
)

TEXT_CHANNEL = 0
PUBLIC_THREAD = 11


@dataclass(frozen=True)
class FakeUser:
    id: int
    username: str
    bot: bool = False


@dataclass(frozen=True)
class FakeRole:
    id: int
    name: str
    permissions: int
    position: int = 0


@dataclass(frozen=True)
class FakeChannel:
    """A text channel, or a thread (``type=PUBLIC_THREAD``) inside ``parent_id``.

    ``nsfw`` marks an age-restricted channel (a thread is age-restricted when its parent is).
    ``bot_denied``: permission bits a member overwrite takes from the bot in this channel.
    """

    id: int
    name: str
    position: int = 0
    type: int = TEXT_CHANNEL
    nsfw: bool = False
    parent_id: int | None = None
    bot_denied: int = 0

    @property
    def is_thread(self) -> bool:
        return self.type == PUBLIC_THREAD


@dataclass(frozen=True)
class FakeMember:
    user: FakeUser
    role_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class FakeGuild:
    id: int
    name: str
    owner_id: int
    roles: tuple[FakeRole, ...]
    channels: tuple[FakeChannel, ...]
    members: tuple[FakeMember, ...]

    def member(self, user_id: int) -> FakeMember:
        return next(m for m in self.members if m.user.id == user_id)

    def channel(self, channel_id: int) -> FakeChannel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def permissions_of(self, member: FakeMember) -> int:
        """Guild-level permissions: @everyone (id == guild id) plus the member's roles."""
        return _combine(r.permissions for r in self.roles if r.id in {self.id, *member.role_ids})


@dataclass(frozen=True)
class Scenario:
    token: str
    bot: FakeUser
    application_name: str
    app_owner: FakeUser
    guilds: tuple[FakeGuild, ...]
    bot_permissions: int = EVERYONE_PERMISSIONS
    shards: int = 1  # the shard count GET /gateway/bot recommends

    @property
    def application_id(self) -> int:
        """A bot's application id equals its user id."""
        return self.bot.id

    @property
    def guild(self) -> FakeGuild:
        return self.guilds[0]

    @property
    def channel(self) -> FakeChannel:
        return self.guild.channels[0]

    @property
    def member(self) -> FakeMember:
        """The regular (non-admin) member, the default author of injected interactions."""
        return self.guild.members[0]

    @property
    def admin(self) -> FakeMember:
        return next(m for m in self.guild.members if m.user.id == self.guild.owner_id)

    def users(self) -> list[FakeUser]:
        """Every user the scenario knows: the bot and each guild's members."""
        return [self.bot, *(m.user for g in self.guilds for m in g.members)]

    def find_channel(self, channel_id: int) -> tuple[FakeGuild, FakeChannel] | None:
        for guild in self.guilds:
            channel = guild.channel(channel_id)
            if channel is not None:
                return guild, channel
        return None


def _combine(bits: Iterable[int]) -> int:
    result = 0
    for value in bits:
        result |= value
    return result


BOT_ID = 1_100_000_000_000_000_001
GUILD_ID = 1_200_000_000_000_000_001
CHANNEL_ID = 1_300_000_000_000_000_001
ADMIN_ROLE_ID = 1_400_000_000_000_000_001
MEMBER_ID = 1_500_000_000_000_000_001
ADMIN_ID = 1_500_000_000_000_000_002
# Shaped like Discord's: the bot's id in base64url, a timestamp, an HMAC.
TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.imagine-fake-bot-token-not-real"


def default_scenario() -> Scenario:
    """One guild "Imagine Test Guild" with #general, @everyone + Admin, member alice, admin bob."""
    bot = FakeUser(BOT_ID, "imagine-bot", bot=True)
    member = FakeUser(MEMBER_ID, "alice")
    admin = FakeUser(ADMIN_ID, "bob")
    guild = FakeGuild(
        id=GUILD_ID,
        name="Imagine Test Guild",
        owner_id=ADMIN_ID,
        roles=(
            FakeRole(GUILD_ID, "@everyone", EVERYONE_PERMISSIONS),
            FakeRole(ADMIN_ROLE_ID, "Admin", MANAGE_GUILD | MANAGE_MESSAGES, position=1),
        ),
        channels=(FakeChannel(CHANNEL_ID, "general"),),
        members=(
            FakeMember(member),
            FakeMember(admin, (ADMIN_ROLE_ID,)),
            FakeMember(bot),
        ),
    )
    return Scenario(
        token=TOKEN, bot=bot, application_name="Imagine", app_owner=admin, guilds=(guild,)
    )


# The moderation scenario: the default guild plus roles, an age-restricted channel, a thread,
# an audit channel and a channel the bot may not post in.
SUPPORTER_ROLE_ID = 1_400_000_000_000_000_011
PATRON_ROLE_ID = 1_400_000_000_000_000_012
ARTIST_ROLE_ID = 1_400_000_000_000_000_013
MODERATOR_ROLE_ID = 1_400_000_000_000_000_014
ART_CHANNEL_ID = 1_300_000_000_000_000_011
NSFW_CHANNEL_ID = 1_300_000_000_000_000_012
ART_THREAD_ID = 1_300_000_000_000_000_013
AUDIT_CHANNEL_ID = 1_300_000_000_000_000_014
LOCKED_CHANNEL_ID = 1_300_000_000_000_000_015
PATRON_ID = 1_500_000_000_000_000_011
MODERATOR_ID = 1_500_000_000_000_000_012


def moderation_scenario() -> Scenario:
    """`default_scenario()` plus Supporter, Patron and Artist roles; carol holds the first two;
    dave is a Moderator (Manage Messages, not Manage Server); #art with a thread, #nsfw
    (age-restricted), #audit, and #locked where the bot may not post."""
    base = default_scenario()
    guild = base.guild
    carol = FakeMember(FakeUser(PATRON_ID, "carol"), (SUPPORTER_ROLE_ID, PATRON_ROLE_ID))
    dave = FakeMember(FakeUser(MODERATOR_ID, "dave"), (MODERATOR_ROLE_ID,))
    roles = (
        FakeRole(SUPPORTER_ROLE_ID, "Supporter", 0, position=2),
        FakeRole(PATRON_ROLE_ID, "Patron", 0, position=3),
        FakeRole(ARTIST_ROLE_ID, "Artist", 0, position=4),
        FakeRole(MODERATOR_ROLE_ID, "Moderator", MANAGE_MESSAGES, position=5),
    )
    channels = (
        FakeChannel(ART_CHANNEL_ID, "art", position=1),
        FakeChannel(NSFW_CHANNEL_ID, "nsfw", position=2, nsfw=True),
        FakeChannel(ART_THREAD_ID, "art-thread", type=PUBLIC_THREAD, parent_id=ART_CHANNEL_ID),
        FakeChannel(AUDIT_CHANNEL_ID, "audit", position=3),
        FakeChannel(LOCKED_CHANNEL_ID, "locked", position=4, bot_denied=SEND_MESSAGES),
    )
    moderated = FakeGuild(
        id=guild.id,
        name=guild.name,
        owner_id=guild.owner_id,
        roles=guild.roles + roles,
        channels=guild.channels + channels,
        members=(*guild.members, carol, dave),
    )
    return Scenario(
        token=base.token,
        bot=base.bot,
        application_name=base.application_name,
        app_owner=base.app_owner,
        guilds=(moderated,),
    )


# (id >> 22) differs by one from GUILD_ID's: the two guilds sit on different shards of 2.
SECOND_GUILD_ID = GUILD_ID + (1 << 22)
SECOND_CHANNEL_ID = CHANNEL_ID + 1


def sharded_scenario(shards: int = 2) -> Scenario:
    """The default scenario plus "Second Guild", on the other shard of 2 (GUILD_ID is on 1).

    The same members are in both guilds; GET /gateway/bot recommends ``shards``.
    """
    base = default_scenario()
    first = base.guild
    roles = tuple(
        dataclasses.replace(r, id=SECOND_GUILD_ID) if r.id == first.id else r for r in first.roles
    )
    second = dataclasses.replace(
        first,
        id=SECOND_GUILD_ID,
        name="Second Guild",
        roles=roles,
        channels=(FakeChannel(SECOND_CHANNEL_ID, "general"),),
    )
    return dataclasses.replace(base, guilds=(first, second), shards=shards)
