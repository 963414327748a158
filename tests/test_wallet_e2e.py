"""The operator's wallet end to end: the real discord.py on the fake Discord and gateway, the
operator's command line as a real process against the running bot's database (SQLite and
PostgreSQL)."""

from __future__ import annotations

import asyncio
import base64
import csv
import dataclasses
import io
import logging
import os
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PIL import Image

from bot.config import Settings
from bot.store import open_store
from bot.usage_chart import HEIGHT, WIDTH
from cogs.i18n import words_for
from cogs.presenters import error_text
from tests.databases import query, setting_for
from tests.fakes.discord import payloads
from tests.fakes.discord.interactions import Invoker
from tests.fakes.discord.scenario import ADMIN_ID, GUILD_ID, MEMBER_ID
from tests.test_imagine_e2e import wait_for_images, wait_for_private_note
from tests.test_quota_commands import run, spend

ROOT = Path(__file__).resolve().parents[1]
NOT_APPROVED = words_for("en-US")("guild-not-approved")
# The operator's commands read the bot's settings, so a token of the right shape (a user id, a
# time, an HMAC); they never log in with it.
TOKEN = base64.urlsafe_b64encode(b"123456789012345678").decode().rstrip("=") + ".unused.by-cli"
CLI_ENV = {"DISCORD_TOKEN": TOKEN, "IMAGE_API_KEY": "unused-by-the-cli"}


async def operator(database: str | Path, *args: str, **settings: str) -> tuple[int, str, str]:
    """`python -m bot ARGS` as the operator runs it, next to the bot, on its database."""
    clean = {k: v for k, v in os.environ.items() if k.lower() not in Settings.model_fields}
    env = {**clean, **CLI_ENV, setting_for(database).upper(): str(database), **settings}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


def refusals(bot, rule: str) -> float:
    value = bot.metrics.registry.get_sample_value("imagine_refusals_total", {"rule": rule})
    return value or 0.0


@pytest.fixture
def admin(discord_fake):
    return Invoker(member=discord_fake.scenario.admin)


# -- the bot's budget ----------------------------------------------------------------------------


async def test_a_spent_bot_budget_refuses_privately_before_the_defer(
    start_bot, discord_fake, gateway, database, quota_clock
) -> None:
    async with start_bot(**{setting_for(database): database}, bot_credits=2) as bot:
        await spend(bot, ADMIN_ID, 2)
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        record = await handle.wait_response()
        assert record.response_type == 4  # answered at once: no public "thinking…"
        note = handle.original
        assert note.ephemeral
        # The next UTC midnight, as a Discord timestamp each member reads in their own time zone.
        midnight = int(
            datetime.combine(quota_clock().date() + timedelta(days=1), time(), UTC).timestamp()
        )
        assert note.content == error_text(
            f"This bot has used its credits for today; try again <t:{midnight}:R>."
        )
        assert gateway.requests == []
        assert refusals(bot, "bot_budget") == 1
        assert refusals(bot, "quota") == 0
        assert await bot.quota.find(handle.id) is None


async def test_a_budget_turned_on_counts_the_period_spent_without_it(
    start_bot, discord_fake, gateway
) -> None:
    async with start_bot() as bot:
        await spend(bot, ADMIN_ID, 2)
    async with start_bot(bot_credits=2) as bot:
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        assert (
            "This bot has used its credits"
            in (await wait_for_private_note(discord_fake, handle)).content
        )
        assert gateway.requests == []


# -- approved servers ----------------------------------------------------------------------------


async def test_an_unapproved_server_is_refused_until_the_operator_approves_it(
    start_bot, discord_fake, gateway, database
) -> None:
    async with start_bot(**{setting_for(database): database}, guild_access="approved") as bot:
        for name, options, subcommand in (
            ("imagine", {"prompt": "a fox"}, None),
            ("quota", None, "show"),
        ):
            handle = await discord_fake.inject_slash(name, options, subcommand=subcommand)
            record = await handle.wait_response()
            assert record.response_type == 4
            assert handle.original.ephemeral
            assert handle.original.content == error_text(NOT_APPROVED)
        assert gateway.requests == []
        assert await query(database, "SELECT COUNT(*) FROM ledger") == [(0,)]
        assert refusals(bot, "not_approved") == 2

        code, out, err = await operator(database, "guilds", "approve", str(GUILD_ID))
        assert (code, err) == (0, "")
        assert out.startswith(f"guild {GUILD_ID} approved")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        while not await bot.access.allowed(GUILD_ID):  # the bot's cache lets go within 2 s
            assert loop.time() < deadline, "the running bot never saw the approval"
            await asyncio.sleep(0.05)
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        await wait_for_images(discord_fake, handle)
        assert len(gateway.requests) == 1

        await operator(database, "guilds", "revoke", str(GUILD_ID))
        deadline = loop.time() + 10
        while await bot.access.allowed(GUILD_ID):
            assert loop.time() < deadline, "the running bot never saw the revocation"
            await asyncio.sleep(0.05)
        reroll = await discord_fake.inject_component(handle.original, f"imagine:reroll:{handle.id}")
        assert (await wait_for_private_note(discord_fake, reroll)).content == error_text(
            NOT_APPROVED
        )
        assert len(gateway.requests) == 1


async def test_joining_an_unapproved_server_is_logged_with_its_id_and_name(
    start_bot, discord_fake, caplog
) -> None:
    caplog.set_level(logging.WARNING, "imagine.cogs.access")
    async with start_bot(guild_access="approved") as bot:
        guild = dataclasses.replace(discord_fake.scenario.guild, id=4242, name="Stranger Things")
        joined = payloads.guild_create(guild)
        del joined["unavailable"]  # a guild that just added the bot, not one coming back
        await discord_fake.dispatch("GUILD_CREATE", joined)
        await discord_fake.wait_until(lambda: "4242" in caplog.text)
        assert "Stranger Things" in caplog.text
        assert "python -m bot guilds approve 4242" in caplog.text
        records = {r.guild_id: r for r in await bot.access.records()}
        assert records[4242].name == "Stranger Things"
        assert not records[4242].approved


# -- ceilings ------------------------------------------------------------------------------------


async def test_an_admin_cannot_set_above_the_ceiling_but_a_granted_server_can(
    start_bot, discord_fake, database, admin
) -> None:
    async with start_bot(**{setting_for(database): database}, quota_guild_credits_max=150) as bot:
        reply = await run(
            discord_fake, "quota", {"guild_credits": 151}, subcommand="set", invoker=admin
        )
        assert reply.content == error_text(
            "This server's budget can be at most 150 credits: the bot's operator sets that ceiling."
        )
        assert (await bot.quota.policy(GUILD_ID)).guild_credits == 100
        code, out, _ = await operator(database, "guilds", "grant", str(GUILD_ID), "500")
        assert code == 0
        assert "may now set up to 500 credits" in out
        reply = await run(
            discord_fake, "quota", {"guild_credits": 500}, subcommand="set", invoker=admin
        )
        assert "**500 credits**" in reply.content
        assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_limit == 500


async def test_a_server_held_to_a_lowered_ceiling_is_logged_once_at_start(
    start_bot, discord_fake, caplog
) -> None:
    async with start_bot(quota_guild_credits_max=1_000) as bot:
        await bot.quota.set_policy(GUILD_ID, guild_credits=800, actor_id=ADMIN_ID)
    caplog.set_level(logging.WARNING, "imagine.bot")
    async with start_bot(quota_guild_credits_max=300) as bot:
        assert (await bot.quota.status(GUILD_ID, MEMBER_ID)).guild_limit == 300
    held = [r.getMessage() for r in caplog.records if "held to it" in r.getMessage()]
    assert len(held) == 1
    assert f"{GUILD_ID} (800 > 300)" in held[0]
    assert "QUOTA_GUILD_CREDITS_MAX" in held[0]


# -- money and the chart -------------------------------------------------------------------------


async def test_admins_see_money_beside_credits_and_members_do_not(
    start_bot, discord_fake, admin
) -> None:
    async with start_bot(credit_price="0.04", credit_currency="USD") as bot:
        await spend(bot, MEMBER_ID, 3)
        await spend(bot, ADMIN_ID, 9)
        shown = await run(discord_fake, "quota", subcommand="show", invoker=admin)
        assert "12 credits · $0.48 used" in shown.content
        member = await run(discord_fake, "quota", subcommand="show")
        assert "$" not in member.content
        [embed] = (await run(discord_fake, "usage", invoker=admin)).embeds
        assert "**12 credits · $0.48** in 2 requests" in embed["description"]
        assert f"<@{ADMIN_ID}>: 9 credits · $0.36 (1 request)" in embed["fields"][0]["value"]


async def test_usage_carries_a_chart_of_the_period(bot, discord_fake, admin) -> None:
    await spend(bot, MEMBER_ID, 3)
    await spend(bot, ADMIN_ID, 5, model="openai/gpt-image-1")
    reply = await run(discord_fake, "usage", invoker=admin)
    [embed] = reply.embeds
    assert embed["image"]["url"] == "attachment://usage.png"
    [attachment] = reply.attachments
    image = Image.open(io.BytesIO(attachment.data))
    assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT))
    assert len(image.convert("RGB").getcolors(maxcolors=100_000) or []) > 5


async def test_the_chart_is_explained_in_the_admins_language(bot, discord_fake, admin) -> None:
    """The picture carries no words (its font has no Japanese); the embed says what it shows."""
    await spend(bot, MEMBER_ID, 3)
    for locale in ("de", "ja", "en-US"):
        invoker = dataclasses.replace(admin, locale=locale, guild_locale="fr")
        [embed] = (await run(discord_fake, "usage", invoker=invoker)).embeds
        assert embed["footer"]["text"] == words_for(locale)("usage-chart")
    assert words_for("de")("usage-chart") != words_for("en-US")("usage-chart")


async def test_empty_usage_has_no_chart(bot, discord_fake, admin) -> None:
    reply = await run(discord_fake, "usage", invoker=admin)
    assert reply.attachments == []


# -- the operator's command line -----------------------------------------------------------------


async def test_guilds_list_shows_budget_spending_and_approval(database) -> None:
    async with await open_store(database):
        pass  # migrated
    code, _, _ = await operator(database, "guilds", "approve", "77")
    assert code == 0
    code, _, _ = await operator(database, "guilds", "grant", "88", "400")
    assert code == 0
    code, out, err = await operator(
        database, "guilds", "list", BOT_CREDITS="1000", CREDIT_PRICE="0.5", CREDIT_CURRENCY="EUR"
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split("\t") == ["guild_id", "name", "budget", "spent", "approved"]
    assert lines[1].split("\t") == ["77", "-", "100/day", "0 (0.00 EUR)", "yes"]
    assert lines[2].split("\t") == ["88", "-", "100/day (granted 400)", "0 (0.00 EUR)", "no"]
    assert lines[3] == "bot: 0 (0.00 EUR) of 1000 this day"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("guilds", "approve", "abc"), "'abc' is not a guild id"),
        (("guilds", "approve", "0"), "'0' is not a guild id"),
        (("guilds", "grant", "5", "-3"), "credits must be a whole number from 0 to 1000000"),
        (("guilds", "grant", "5", "1000001"), "credits must be a whole number"),
        (("guilds", "frobnicate"), "invalid choice: 'frobnicate'"),
        (("usage", "--since", "yesterday"), "'yesterday' is not a date like 2025-01-31"),
    ],
)
async def test_bad_operator_input_is_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    code, out, err = await operator(tmp_path / "imagine.sqlite3", *args)
    assert code == 2
    assert out == ""
    [line] = err.splitlines()
    assert expected in line
    assert "Traceback" not in err


async def test_usage_csv_matches_the_ledger(start_bot, discord_fake, database) -> None:
    async with start_bot(**{setting_for(database): database}) as bot:
        for member, cost, model in ((MEMBER_ID, 3, "openai/dall-e-3"), (ADMIN_ID, 4, "flux/x"),
                                    (MEMBER_ID, 2, "openai/dall-e-3")):  # fmt: skip
            await spend(bot, member, cost, model)
        await bot.access.remember(GUILD_ID, 'Cats, "the" club')  # a name CSV must quote
        refunded = await bot.quota.reserve(
            interaction_id=999, guild_id=GUILD_ID, member_id=1, cost=7, model="m", size="s"
        )
        await bot.quota.refund(refunded.interaction_id, "failed")
        code, out, err = await operator(
            database, "usage", "--csv", "--since", "2025-01-01", CREDIT_PRICE="0.04",
            CREDIT_CURRENCY="USD",
        )  # fmt: skip
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    ledger = await query(
        database,
        "SELECT model, COUNT(*), SUM(credits) FROM ledger WHERE state <> 'refunded'"
        " GROUP BY model ORDER BY SUM(credits) DESC",
    )
    assert [(r["model"], int(r["requests"]), int(r["credits"])) for r in rows] == [
        (m, int(n), int(c)) for m, n, c in ledger
    ]
    assert {r["guild_id"] for r in rows} == {str(GUILD_ID)}
    assert {r["guild_name"] for r in rows} == {'Cats, "the" club'}
    assert [(r["amount"], r["currency"]) for r in rows] == [("0.20", "USD"), ("0.16", "USD")]
    code, out, _ = await operator(database, "usage", "--since", "2025-01-01")
    assert out.splitlines()[-1] == "total: 9 in 3 requests"
    code, out, _ = await operator(database, "usage", "--since", "2025-01-16")  # the day after
    assert out.splitlines()[-1] == "total: 0 in 0 requests"
