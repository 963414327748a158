"""The operator's commands: `python -m bot guilds …` and `python -m bot usage`.

They work while the bot runs, against the same database (a running bot sees an approval within
a few seconds, a grant at its next request). One line each; bad input is one line on stderr
and exit status 2.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import sys
from datetime import UTC, date, datetime
from typing import NoReturn

from bot.config import Settings, SettingsError, load_settings
from bot.guild_access import CACHE_SECONDS, GuildAccess
from bot.money import Price
from bot.quota import MAX_CREDITS, BotBudget, QuotaDefaults, QuotaService, Window
from bot.store import Store, StoreError, StoreUnavailable, open_store
from bot.wallet import guild_lines, usage_lines

COMMANDS = ("guilds", "usage")
EXIT_USAGE = 2
MAX_ID = 2**63 - 1
CSV_COLUMNS = ("guild_id", "guild_name", "model", "requests", "credits", "amount", "currency")


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line (not the usage block) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        hint = f"see {self.prog} --help"
        print(f"imagine: {message} ({hint})", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _guild_id(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not a guild id (a number, as Discord shows)")
    return int(text)


def _credits(text: str) -> int:
    if not text.isdigit() or int(text) > MAX_CREDITS:
        raise argparse.ArgumentTypeError(f"credits must be a whole number from 0 to {MAX_CREDITS}")
    return int(text)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-01-31") from None


def parser(prog: str = "python -m bot") -> argparse.ArgumentParser:
    top = _Parser(prog=prog, description=__doc__)
    commands = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    guilds = commands.add_parser("guilds", help="the guilds, their budgets and approvals")
    actions = guilds.add_subparsers(dest="action", required=True, parser_class=_Parser)
    actions.add_parser("list", help="id, name, budget, spent this period, approved")
    for name, text in (("approve", "let a guild use the bot"), ("revoke", "stop serving it")):
        actions.add_parser(name, help=text).add_argument("guild_id", type=_guild_id)
    grant = actions.add_parser("grant", help="let a guild's admins set up to CREDITS")
    grant.add_argument("guild_id", type=_guild_id)
    grant.add_argument("credits", type=_credits)
    usage = commands.add_parser("usage", help="credits (and money) per guild and model")
    usage.add_argument("--since", type=_day, help="from this UTC day (default: BOT_PERIOD's)")
    usage.add_argument("--csv", action="store_true", help="comma-separated, with a header")
    return top


def main(argv: list[str], prog: str = "python -m bot") -> int:
    args = parser(prog).parse_args(argv)
    try:
        settings = load_settings()
        for line in asyncio.run(_run(settings, args)):
            print(line)
    except (SettingsError, StoreError, StoreUnavailable) as error:
        print(f"imagine: {error}", file=sys.stderr)
        return EXIT_USAGE
    return 0


async def _run(settings: Settings, args: argparse.Namespace) -> list[str]:
    async with await open_store(settings.database, pool_size=1) as store:
        quota = _quota(settings, store)
        access = GuildAccess(store, settings.guild_access)
        if args.command == "usage":
            return await _usage(settings, store, args.since, as_csv=args.csv)
        if args.action == "list":
            return await _list(settings, store, quota, access)
        if args.action == "grant":
            await access.grant(args.guild_id, args.credits)
            return [
                f"guild {args.guild_id} may now set up to {args.credits} credits per period; "
                "its next request sees it"
            ]
        await access.approve(args.guild_id, args.action == "approve")
        done = "approved" if args.action == "approve" else "no longer approved"
        note = "" if settings.guild_access == "approved" else " (GUILD_ACCESS=open serves all)"
        within = f"a running bot sees it within {CACHE_SECONDS:g} s"
        return [f"guild {args.guild_id} {done}; {within}{note}"]


def _quota(settings: Settings, store: Store) -> QuotaService:
    return QuotaService(
        store,
        QuotaDefaults(
            settings.quota_guild_credits, settings.quota_member_credits, settings.quota_period
        ),
        ceiling=settings.guild_credits_ceiling,
        bot_budget=BotBudget(settings.bot_credits, settings.bot_period),
    )


async def _list(
    settings: Settings, store: Store, quota: QuotaService, access: GuildAccess
) -> list[str]:
    price = settings.price
    lines = ["guild_id\tname\tbudget\tspent\tapproved"]
    for g in await guild_lines(store, quota, access):
        grant = f" (granted {g.credits_max})" if g.credits_max is not None else ""
        lines.append(
            f"{g.guild_id}\t{g.name or '-'}\t{g.budget}/{g.period}{grant}\t"
            f"{_amount(g.spent, price)}\t{'yes' if g.approved else 'no'}"
        )
    bot = await quota.bot_status()
    limit = f" of {bot.limit}" if bot.limit else " (no BOT_CREDITS)"
    lines.append(f"bot: {_amount(bot.used, price)}{limit} this {bot.period}")
    return lines


async def _usage(
    settings: Settings, store: Store, since: date | None, *, as_csv: bool
) -> list[str]:
    start = (
        Window.containing(settings.bot_period, datetime.now(UTC)).start
        if since is None
        else datetime(since.year, since.month, since.day, tzinfo=UTC)
    )
    price = settings.price
    rows = await usage_lines(store, start)
    if as_csv:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for r in rows:
            amount = "" if price is None else str(price.of(r.credits))
            currency = "" if price is None else price.currency
            writer.writerow(
                [r.guild_id, r.name or "", r.model, r.requests, r.credits, amount, currency]
            )
        return [out.getvalue().removesuffix("\n")]
    lines = [f"since {start:%Y-%m-%d} 00:00 UTC", "guild_id\tname\tmodel\trequests\tcredits"]
    lines += [
        f"{r.guild_id}\t{r.name or '-'}\t{r.model}\t{r.requests}\t{_amount(r.credits, price)}"
        for r in rows
    ]
    total = sum(r.credits for r in rows)
    lines.append(f"total: {_amount(total, price)} in {sum(r.requests for r in rows)} requests")
    return lines


def _amount(credits: int, price: Price | None) -> str:
    return str(credits) if price is None else f"{credits} ({price.format(credits)})"
