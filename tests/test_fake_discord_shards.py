"""Sharding in the fake Discord: GET /gateway/bot, guilds split by shard, events routed to it."""

from __future__ import annotations

import contextlib
import json

import aiohttp
import discord
from discord.ext import commands

from tests.fakes.discord import connected_bot, running_fake_discord, spec
from tests.fakes.discord.gateway import IDENTIFY, INVALID_SHARD
from tests.fakes.discord.harness import client_options
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import GUILD_ID, SECOND_GUILD_ID, sharded_scenario


class ShardedBot(commands.AutoShardedBot):
    """Answers /where with the shard that received the interaction."""

    def __init__(self, **options: object) -> None:
        super().__init__(command_prefix="!", **client_options(), **options)  # type: ignore[arg-type]

        @self.tree.command(name="where", description="Which shard am I on?")
        async def where(interaction: discord.Interaction) -> None:
            assert interaction.guild is not None
            await interaction.response.send_message(f"shard {interaction.guild.shard_id}")

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No 5 s pause between shards: the fake has no identify rate limit."""


def second_guild() -> Invoker:
    guild = sharded_scenario().guilds[1]
    return Invoker(guild=guild, member=guild.members[0])


async def test_gateway_bot_answers_discords_shape_with_the_recommended_count() -> None:
    async with (
        running_fake_discord(sharded_scenario(shards=3)) as fake,
        aiohttp.ClientSession() as session,
    ):
        headers = {"Authorization": f"Bot {fake.scenario.token}"}
        async with session.get(f"{fake.api_base}/gateway/bot", headers=headers) as response:
            body = await response.json()
    assert body["shards"] == 3
    assert body["url"] == fake.gateway_url
    assert spec.validate_response("GET", "/gateway/bot", 200, body) == []


async def test_automatic_sharding_asks_the_count_and_splits_the_guilds() -> None:
    async with (
        running_fake_discord(sharded_scenario()) as fake,
        connected_bot(fake, ShardedBot) as bot,
    ):
        assert any(r.path == "/gateway/bot" for r in fake.requests)
        assert sorted(c.shard for c in fake.gateway.live) == [(0, 2), (1, 2)]
        for connection in fake.gateway.live:
            guilds = [d["id"] for e, d in connection.dispatched if e == "GUILD_CREATE"]
            expected = SECOND_GUILD_ID if connection.shard == (0, 2) else GUILD_ID
            assert guilds == [str(expected)]
        assert {g.id: g.shard_id for g in bot.guilds} == {GUILD_ID: 1, SECOND_GUILD_ID: 0}
        first = await fake.inject_slash("where")
        second = await fake.inject_slash("where", invoker=second_guild())
        await first.wait_response()
        await second.wait_response()
        assert first.record.response_data is not None
        assert second.record.response_data is not None
        assert first.record.response_data["content"] == "shard 1"
        assert second.record.response_data["content"] == "shard 0"


async def test_two_clients_with_one_shard_each_see_only_their_guilds() -> None:
    async with (
        running_fake_discord(sharded_scenario()) as fake,
        connected_bot(fake, lambda: ShardedBot(shard_count=2, shard_ids=[0])) as zero,
        connected_bot(fake, lambda: ShardedBot(shard_count=2, shard_ids=[1])) as one,
    ):
        assert [g.id for g in zero.guilds] == [SECOND_GUILD_ID]
        assert [g.id for g in one.guilds] == [GUILD_ID]
        handles = [
            await fake.inject_slash("where"),
            await fake.inject_slash("where", invoker=second_guild()),
        ]
        for handle in handles:
            await handle.wait_response()
        by_shard = {
            c.shard: [d["guild_id"] for e, d in c.dispatched if e == "INTERACTION_CREATE"]
            for c in fake.gateway.live
        }
        assert by_shard == {(0, 2): [str(SECOND_GUILD_ID)], (1, 2): [str(GUILD_ID)]}


async def test_an_impossible_shard_is_closed_with_4010() -> None:
    async with running_fake_discord(sharded_scenario()) as fake, aiohttp.ClientSession() as session:
        async with session.ws_connect(fake.gateway_url) as socket:
            await socket.receive_json()  # HELLO
            identify = {"token": fake.scenario.token, "shard": [2, 2], "intents": 1}
            await socket.send_str(json.dumps({"op": IDENTIFY, "d": identify}))
            with contextlib.suppress(aiohttp.WSServerHandshakeError):
                await socket.receive()
            assert socket.close_code == INVALID_SHARD
        assert fake.gateway.live == []
