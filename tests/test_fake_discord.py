"""The fake Discord driven by the real discord.py: login, interactions, limits, faults, resume."""

from __future__ import annotations

import asyncio
import io

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakes.discord import (
    DiscordClock,
    Mentionable,
    connected_bot,
    running_fake_discord,
    spec,
)
from tests.fakes.discord.clock import snowflake_time
from tests.fakes.discord.harness import client_options
from tests.fakes.discord.scenario import (
    ADMIN_ID,
    ADMIN_ROLE_ID,
    CHANNEL_ID,
    EVERYONE_PERMISSIONS,
    GUILD_ID,
    MANAGE_GUILD,
    MANAGE_MESSAGES,
    MEMBER_ID,
    FakeUser,
)

MiB = 1024 * 1024
STYLES = ["watercolor", "oil painting", "pixel art", "photograph"]


class Clicker(discord.ui.View):
    @discord.ui.button(label="Again", custom_id="again")
    async def again(self, interaction: discord.Interaction, button: discord.ui.Button[Clicker]):
        await interaction.response.edit_message(content=f"clicked by {interaction.user.name}")


class FakeTestBot(commands.Bot):
    """A small bot exercising every response path the fake implements."""

    def __init__(self) -> None:
        super().__init__(command_prefix="!", **client_options())
        self.errors: list[Exception] = []
        self.gate = asyncio.Event()
        self.seen_guild_name: str | None = None
        self.seen: dict[str, object] = {}
        self._add_commands()

    async def setup_hook(self) -> None:
        await self.tree.sync()
        self.tree.copy_global_to(guild=discord.Object(GUILD_ID))
        await self.tree.sync(guild=discord.Object(GUILD_ID))

    def _add_commands(self) -> None:
        tree = self.tree

        @tree.command(description="Say pong with a button")
        async def ping(interaction: discord.Interaction):
            await interaction.response.send_message("pong", view=Clicker())

        @tree.command(description="Only you can see this")
        async def secret(interaction: discord.Interaction):
            await interaction.response.send_message("hidden", ephemeral=True)

        @tree.command(description="Defer, then send generated files")
        async def draw(
            interaction: discord.Interaction, prompt: str, count: int = 1, size: int = 8
        ):
            await interaction.response.defer(thinking=True)
            if count > 1 or size > 8:  # a real deployment wouldn't, the fake must refuse
                await self.gate.wait()
            files = [
                discord.File(io.BytesIO(_image(prompt, i, size)), filename=f"img{i}.png")
                for i in range(count)
            ]
            try:
                await interaction.followup.send(f"**{prompt}**", files=files)
            except discord.HTTPException as error:
                self.errors.append(error)

        @tree.command(description="Pick a style")
        async def style(interaction: discord.Interaction, name: str):
            await interaction.response.send_message(f"style {name}")

        @style.autocomplete("name")
        async def style_names(interaction: discord.Interaction, current: str):
            return [app_commands.Choice(name=s, value=s) for s in STYLES if current in s]

        @tree.command(description="Answers only when the test opens the gate")
        async def late(interaction: discord.Interaction):
            await self.gate.wait()
            try:
                await interaction.response.send_message("too late?")
            except discord.HTTPException as error:
                self.errors.append(error)

        @tree.command(description="Moderators only")
        @app_commands.default_permissions(manage_messages=True)
        async def purge(interaction: discord.Interaction):
            await interaction.response.send_message("purged", ephemeral=True)

        @tree.command(description="Who, where and which role")
        async def whois(
            interaction: discord.Interaction,
            member: discord.Member,
            note: str = "",
            role: discord.Role | None = None,
            channel: discord.TextChannel | None = None,
            target: discord.Member | discord.User | discord.Role | None = None,
        ):
            self.seen.update(member=member, role=role, channel=channel, target=target)
            await interaction.response.send_message(f"{member.name} {note}")

        @whois.autocomplete("note")
        async def whois_notes(interaction: discord.Interaction, current: str):
            member = interaction.namespace.member
            self.seen["autocompleted"] = member
            return [app_commands.Choice(name=f"about {member.name}", value=member.name)]

        quota = app_commands.Group(name="quota", description="Quota commands")

        @quota.command(description="Show the quota")
        async def show(interaction: discord.Interaction, scope: str):
            await interaction.response.send_message(f"quota of {scope}: 5 left")

        tree.add_command(quota)


def _image(prompt: str, index: int, size: int) -> bytes:
    seed = f"{prompt}-{index}".encode()
    return (b"\x89PNG\r\n\x1a\n" + seed * (size // len(seed) + 1))[: max(size, 8)]


@pytest.fixture
async def fake():
    async with running_fake_discord() as fake:
        yield fake


@pytest.fixture
async def bot(fake):
    async with connected_bot(fake, FakeTestBot) as bot:
        yield bot


async def test_login_ready_and_guild_create_fill_the_cache(fake, bot):
    assert bot.user.id == fake.scenario.bot.id
    assert bot.application_id == fake.scenario.application_id
    guild = bot.get_guild(GUILD_ID)
    assert guild is not None
    assert guild.name == "Imagine Test Guild"
    assert guild.get_channel(CHANNEL_ID).name == "general"
    assert guild.get_role(ADMIN_ROLE_ID).permissions.manage_guild
    assert (guild.member_count, guild.owner_id) == (3, ADMIN_ID)  # members need no intent
    identify = fake.gateway.connections[0].received
    assert any(m["op"] == 2 for m in identify)
    assert any(m["op"] == 1 for m in identify)  # discord.py heartbeats at once


async def test_wrong_token_is_a_login_failure(fake):
    with pytest.raises(discord.LoginFailure):
        async with connected_bot(fake, FakeTestBot, token="not-the-token"):
            pass
    assert fake.requests[-1].status == 401


async def test_command_sync_is_stored_with_ids(fake, bot):
    puts = [r for r in fake.requests if r.method == "PUT"]
    assert [r.path for r in puts] == [
        f"/applications/{bot.application_id}/commands",
        f"/applications/{bot.application_id}/guilds/{GUILD_ID}/commands",
    ]
    names = {c["name"] for c in fake.state.guild_commands[GUILD_ID]}
    assert names == {"ping", "secret", "draw", "style", "late", "purge", "whois", "quota"}
    assert all(c["id"].isdigit() for c in fake.state.global_commands)
    synced = await bot.tree.fetch_commands(guild=discord.Object(GUILD_ID))
    assert {c.name for c in synced} == names


async def test_synced_commands_are_answered_in_discords_shapes(fake, bot):
    """Discord answers with string snowflakes and permissions, whatever discord.py sent."""
    app = bot.application_id
    auth = {"Authorization": f"Bot {fake.scenario.token}"}
    sent = [c.to_dict(bot.tree) for c in bot.tree.get_commands()]
    assert next(c for c in sent if c["name"] == "purge")["default_member_permissions"] == 8192
    async with aiohttp.ClientSession(headers=auth) as http:
        for path, guild_id in (
            (f"/applications/{app}/commands", None),
            (f"/applications/{app}/guilds/{GUILD_ID}/commands", str(GUILD_ID)),
        ):
            listed = await _json(http, "GET", fake.api_base + path)
            answer = await _json(http, "PUT", fake.api_base + path, sent)
            assert spec.validate_response("GET", path, 200, listed) == []
            assert spec.validate_response("PUT", path, 200, answer) == []
            commands = {c["name"]: c for c in answer}
            assert commands == {c["name"]: c for c in listed}  # unchanged: same ids, versions
            purge, ping = commands["purge"], commands["ping"]
            assert purge["default_member_permissions"] == "8192"
            assert ping["default_member_permissions"] is None
            assert (ping["type"], ping["dm_permission"], ping["nsfw"]) == (1, True, False)
            assert ping["contexts"] is None
            assert ping["integration_types"] == [0]
            assert ping["application_id"] == str(app)
            assert all(isinstance(c["id"], str) and c["version"].isdigit() for c in answer)
            assert all(c.get("guild_id") == guild_id for c in answer)
    stored = next(c for c in fake.state.global_commands if c["name"] == "purge")
    assert stored["default_member_permissions"] == "8192"


async def _json(http, method, url, body=None):
    async with http.request(method, url, json=body) as response:
        assert response.status == 200
        return await response.json()


async def test_slash_command_response_is_recorded(fake, bot):
    handle = await fake.inject_slash("quota", {"scope": "guild"}, subcommand="show")
    record = await handle.wait_response()
    assert record.response_type == 4
    assert handle.original.content == "quota of guild: 5 left"
    assert not handle.original.ephemeral
    callback = next(r for r in fake.requests if r.path.endswith("/callback"))
    assert "Authorization" not in callback.headers
    assert callback.query == {"with_response": "1"}


async def test_user_role_channel_and_mentionable_options_arrive_resolved(fake, bot):
    scenario = fake.scenario
    admin_role = scenario.guild.roles[1]
    options = {
        "member": scenario.admin,
        "role": admin_role,
        "channel": scenario.channel,
        "target": Mentionable(scenario.member),
    }
    handle = await fake.inject_slash("whois", options)
    await handle.wait_response()
    assert handle.original.content == "bob "

    member = bot.seen["member"]
    assert isinstance(member, discord.Member)
    assert (member.id, member.name) == (ADMIN_ID, "bob")
    assert [r.id for r in member.roles] == [GUILD_ID, ADMIN_ROLE_ID]  # @everyone comes first
    assert member.joined_at is not None
    role, channel, target = bot.seen["role"], bot.seen["channel"], bot.seen["target"]
    assert isinstance(role, discord.Role)
    assert (role.id, role.name, role.permissions.manage_guild) == (ADMIN_ROLE_ID, "Admin", True)
    assert isinstance(channel, discord.TextChannel)
    assert channel.id == CHANNEL_ID
    assert isinstance(target, discord.Member)
    assert (target.id, target.name, target.roles[1:]) == (MEMBER_ID, "alice", [])

    data = handle.record.payload["data"]
    assert [(o["name"], o["type"], o["value"]) for o in data["options"]] == [
        ("member", 6, str(ADMIN_ID)),
        ("role", 8, str(ADMIN_ROLE_ID)),
        ("channel", 7, str(CHANNEL_ID)),
        ("target", 9, str(MEMBER_ID)),
    ]
    resolved = data["resolved"]
    assert set(resolved["users"]) == set(resolved["members"]) == {str(ADMIN_ID), str(MEMBER_ID)}
    partial = resolved["members"][str(ADMIN_ID)]
    assert "user" not in partial  # Discord sends the user once, in `users`
    assert "deaf" not in partial
    assert (partial["roles"], partial["permissions"]) == (
        [str(ADMIN_ROLE_ID)],
        str(EVERYONE_PERMISSIONS | MANAGE_GUILD | MANAGE_MESSAGES),
    )
    assert set(resolved["roles"]) == {str(ADMIN_ROLE_ID)}
    resolved_channel = resolved["channels"][str(CHANNEL_ID)]
    assert (resolved_channel["name"], resolved_channel["type"]) == ("general", 0)
    assert resolved_channel["permissions"] == str(EVERYONE_PERMISSIONS)  # the invoker's (alice)


async def test_a_user_outside_the_guild_resolves_without_a_member(fake, bot):
    stranger = FakeUser(1_500_000_000_000_000_099, "carol")
    handle = await fake.inject_slash(
        "whois", {"member": fake.scenario.member, "target": Mentionable(stranger)}
    )
    await handle.wait_response()
    target = bot.seen["target"]
    assert type(target) is discord.User
    assert (target.id, target.name) == (stranger.id, "carol")
    resolved = handle.record.payload["data"]["resolved"]
    assert str(stranger.id) in resolved["users"]
    assert str(stranger.id) not in resolved["members"]


async def test_autocomplete_sees_resolved_members(fake, bot):
    options = {"member": fake.scenario.admin, "note": "ab"}
    handle = await fake.inject_autocomplete("whois", options, focused="note")
    await handle.wait_response()
    assert isinstance(bot.seen["autocompleted"], discord.Member)
    assert handle.choices == [{"name": "about bob", "value": "bob"}]


async def test_ephemeral_flag_is_recorded(fake, bot):
    handle = await fake.inject_slash("secret")
    await handle.wait_response()
    assert handle.original.ephemeral
    assert handle.original.content == "hidden"


async def test_defer_then_followup_edits_the_thinking_message_with_identical_files(fake, bot):
    handle = await fake.inject_slash("draw", {"prompt": "a red fox", "count": 1})
    record = await handle.wait_response()
    assert record.response_type == 5
    [followup] = await handle.wait_followups(1)
    assert followup is handle.original
    assert not followup.loading
    assert followup.content == "**a red fox**"
    assert [a.data for a in followup.attachments] == [_image("a red fox", 0, 8)]
    assert followup.attachments[0].filename == "img0.png"
    assert len(fake.messages()) == 1


async def test_autocomplete_choices_are_recorded(fake, bot):
    handle = await fake.inject_autocomplete("style", {"name": "p"}, focused="name")
    record = await handle.wait_response()
    assert record.response_type == 8
    assert [c["value"] for c in handle.choices] == ["oil painting", "pixel art", "photograph"]


async def test_button_click_updates_the_message(fake, bot):
    handle = await fake.inject_slash("ping")
    await handle.wait_response()
    click = await fake.inject_component(handle.original, "again")
    record = await click.wait_response()
    assert record.response_type == 7
    assert handle.original.content == "clicked by alice"


async def test_late_ack_is_unknown_interaction(fake, bot):
    handle = await fake.inject_slash("late")
    fake.clock.advance(3.5)
    bot.gate.set()
    await fake.wait_until(lambda: bot.errors)
    [error] = bot.errors
    assert isinstance(error, discord.NotFound)
    assert error.code == 10062
    assert not handle.record.acknowledged


async def test_file_over_the_interaction_limit_is_413(fake, bot):
    handle = await fake.inject_slash("draw", {"prompt": "big", "size": 10 * MiB + 1})
    await handle.wait_response()
    bot.gate.set()
    await fake.wait_until(lambda: bot.errors)
    [error] = bot.errors
    assert (error.status, error.code) == (413, 40005)
    assert handle.original.loading  # the thinking message was never replaced


async def test_eleven_files_are_invalid_form_body(fake, bot):
    handle = await fake.inject_slash("draw", {"prompt": "many", "count": 11})
    await handle.wait_response()
    bot.gate.set()
    await fake.wait_until(lambda: bot.errors)
    [error] = bot.errors
    assert (error.status, error.code) == (400, 50035)
    assert "attachments" in error.text
    [violation] = fake.take_violations()  # the spec agrees: attachments has maxItems 10
    assert "attachments" in violation.message


async def test_followup_after_15_minutes_is_invalid_webhook_token(fake, bot):
    handle = await fake.inject_slash("draw", {"prompt": "slow", "count": 2})
    await handle.wait_response()
    fake.clock.advance(15 * 60 + 1)
    bot.gate.set()
    await fake.wait_until(lambda: bot.errors)
    [error] = bot.errors
    assert (error.status, error.code) == (401, 50027)


@pytest.mark.parametrize("status", [429, 502])  # discord.py waits ~1 s before a 5xx retry
async def test_a_429_with_via_or_a_5xx_is_retried(fake, bot, status):
    fake.fail_next("POST", "/channels/*/messages", status=status, retry_after=0.05)
    message = await bot.get_channel(CHANNEL_ID).send("after a rate limit")
    posts = [r for r in fake.requests if r.method == "POST" and r.path.startswith("/channels/")]
    assert [r.status for r in posts] == [status, 200]
    assert fake.messages()[-1].id == message.id
    assert fake.messages()[-1].content == "after a rate limit"


async def test_a_body_violating_the_spec_is_detected(fake):
    url = f"{fake.api_base}/channels/{CHANNEL_ID}/messages"
    headers = {"Authorization": f"Bot {fake.scenario.token}"}
    body = {"content": 5, "tts": "yes"}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=body, headers=headers) as r,
    ):
        assert r.status == 200
    violations = fake.take_violations()
    assert {v.message.split(":")[0] for v in violations} == {"content", "tts"}


def _field(name: str = "n", value: str = "v") -> dict[str, str]:
    return {"name": name, "value": value}


# Discord's embed limits (its docs' "Embed Limits"; the spec agrees on each but the total), each
# as the biggest body Discord accepts and the error path of one character (or field) more.
EMBED_LIMITS = {
    "title": (lambda n: {"title": "t" * n}, 256, "embeds.0.title"),
    "description": (lambda n: {"description": "d" * n}, 4096, "embeds.0.description"),
    "field name": (lambda n: {"fields": [_field(name="n" * n)]}, 256, "embeds.0.fields.0.name"),
    "field value": (lambda n: {"fields": [_field(value="v" * n)]}, 1024, "embeds.0.fields.0.value"),
    "fields": (lambda n: {"fields": [_field()] * n}, 25, "embeds.0.fields"),
    "footer": (lambda n: {"footer": {"text": "f" * n}}, 2048, "embeds.0.footer.text"),
    "author": (lambda n: {"author": {"name": "a" * n}}, 256, "embeds.0.author.name"),
    "total": (
        lambda n: {
            "description": "d" * 4000,
            "fields": [_field(value="v" * 1000), _field(value="v" * (n - 5002))],
        },
        6000,
        "embeds",
    ),
}


@pytest.mark.parametrize("limit", EMBED_LIMITS.values(), ids=EMBED_LIMITS.keys())
async def test_discords_embed_limits_are_enforced(fake, limit) -> None:
    build, most, path = limit
    url = f"{fake.api_base}/channels/{CHANNEL_ID}/messages"
    headers = {"Authorization": f"Bot {fake.scenario.token}"}
    async with aiohttp.ClientSession(headers=headers) as session:
        async with session.post(url, json={"embeds": [build(most)]}) as r:
            assert r.status == 200
        assert fake.take_violations() == []
        async with session.post(url, json={"embeds": [build(most + 1)]}) as r:
            assert r.status == 400
            body = await r.json()
    assert body["code"] == 50035
    errors = body["errors"]
    for key in path.split("."):
        errors = errors[key]
    assert errors["_errors"][0]["code"] in ("BASE_TYPE_MAX_LENGTH", "MAX_EMBED_SIZE_EXCEEDED")
    assert len(fake.messages()) == 1  # the refused one was not posted
    fake.take_violations()  # the spec caps all but the total as well


async def test_resume_after_a_4000_close(fake, bot):
    first = fake.gateway.connections[0]
    await fake.gateway.close_all(code=4000)
    await fake.wait_until(lambda: any(c.opened_by == "resume" for c in fake.gateway.live))
    resumed = fake.gateway.live[-1]
    assert resumed.path == "/gateway/resume"
    resume = next(m for m in resumed.received if m["op"] == 6)
    assert resume["d"]["session_id"] == first.session_id
    handle = await fake.inject_slash("secret")
    await handle.wait_response()


async def test_second_ack_limits_and_faults_over_raw_http(fake, bot):
    handle = await fake.inject_slash("late")
    hook = f"{fake.api_base}/webhooks/{bot.application_id}/{handle.token}"
    async with aiohttp.ClientSession() as http:
        callback = f"{fake.api_base}/interactions/{handle.id}/{handle.token}/callback"
        async with http.post(callback, json={"type": 5}) as r:
            assert r.status == 204  # no with_response: no body
        bot.gate.set()  # the bot now answers an interaction that was already acknowledged
        await fake.wait_until(lambda: bot.errors)
        assert (bot.errors[0].status, bot.errors[0].code) == (400, 40060)

        async with http.post(hook, params={"wait": "1"}, json={"content": "x" * 2001}) as r:
            assert r.status == 400
            body = await r.json()
            assert body["code"] == 50035
            assert body["errors"]["content"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
        fake.take_violations()  # the spec also caps content at 2000

        form = aiohttp.FormData()
        form.add_field("payload_json", '{"content": "big"}', content_type="application/json")
        for i in range(3):
            form.add_field(f"files[{i}]", b"\0" * (9 * MiB), filename=f"{i}.bin")
        async with http.post(hook, data=form) as r:
            assert (r.status, (await r.json())["code"]) == (413, 40005)

        async with http.post(f"{fake.api_base}/channels/{CHANNEL_ID}/messages", json={}) as r:
            assert r.status == 401  # no bot token


async def test_the_discord_clock_sets_interaction_times() -> None:
    clock = DiscordClock(offset=3600.0)
    async with (
        running_fake_discord(clock=clock) as fake,
        connected_bot(fake, FakeTestBot),
    ):
        assert fake.clock is clock
        handle = await fake.inject_slash("secret")
        await handle.wait_response()
        assert abs(snowflake_time(handle.id) - clock.now()) < 1.0
        assert handle.original is not None
        assert handle.original.ephemeral
