"""How the bot words things in Discord: quota lines, result embeds, refusals, error notes.

Every sentence a member or an admin reads is here; the core's errors carry data only. Kept
apart from the cogs so the imagine and quota cogs say the same thing the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import discord

from bot.catalog import PlannedRequest
from bot.generation import (
    Generated,
    Interrupted,
    RequestFailed,
    ShuttingDown,
    Spent,
    StoreBusy,
)
from bot.quota import (
    MAX_CREDITS,
    InvalidPolicy,
    QuotaExceeded,
    QuotaPolicy,
    QuotaStatus,
    UsageReport,
)

NO_MENTIONS = discord.AllowedMentions.none()
EMBED_COLOUR = discord.Colour.blurple()
log = logging.getLogger("imagine.cogs")
ERROR_PREFIX = "⚠️ "
MAX_LISTED = 15
FIELD_VALUE_LIMIT = 1024
_MORE_RESERVE = 20  # room left in a field for the "…and N more" line
RESTARTING = "The bot is restarting and stopped your request. Please try again in a minute."
REROLL_TOO_OLD = "This image is too old to re-roll; use /imagine again."
DELETE_REFUSED = "Only the member who asked for this image or a moderator can delete it."
_BUDGET_NAMES = {"guild_credits": "server budget", "member_credits": "per-member budget"}


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def literal(text: str, limit: int) -> str:
    """Member text shown as typed: markdown escaped, so `**` or `||` are not formatting."""
    return truncate(discord.utils.escape_markdown(text), limit)


def relative_time(moment: datetime) -> str:
    """Discord renders this in each member's own time zone and language."""
    return f"<t:{int(moment.timestamp())}:R>"


def credits(amount: int) -> str:
    return f"{amount} credit" if amount == 1 else f"{amount} credits"


def quota_summary(status: QuotaStatus) -> str:
    """The guild's and (if any) the member's credits left, and when they reset."""
    lines = [f"Server: **{status.guild_remaining}** of {credits(status.guild_limit)} left"]
    if status.member_limit is not None and status.member_remaining is not None:
        lines.append(f"You: **{status.member_remaining}** of {credits(status.member_limit)} left")
    lines.append(f"Resets {relative_time(status.resets_at)} (every {status.period}, UTC)")
    return "\n".join(lines)


def quota_refusal(error: QuotaExceeded) -> str:
    whose = "This server has" if error.scope == "guild" else "You have"
    return (
        f"{whose} {credits(error.remaining)} left and this request costs {credits(error.cost)}. "
        f"The quota resets {relative_time(error.resets_at)}. Nothing was spent."
    )


def progress_line(plan: PlannedRequest, elapsed: int) -> str:
    return f"🎨 Generating with {plan.model.name}… {elapsed} s"


def spent_note(spent: Spent) -> str:
    """What a request that delivered nothing cost, in the member's words."""
    if not spent.credits:
        return "Nothing was spent."
    if spent.known:
        return f"It still cost {credits(spent.credits)}."
    return (
        f"It may have cost {credits(spent.credits)}: the image service may have billed it, "
        "so the credits stay spent."
    )


def refusal(error: QuotaExceeded | ShuttingDown | StoreBusy) -> str:
    """Why a request was refused before anything was spent."""
    if isinstance(error, QuotaExceeded):
        return quota_refusal(error)
    if isinstance(error, ShuttingDown):
        return f"{RESTARTING} Nothing was spent."
    return "The bot's database is busy right now. Nothing was spent; please try again in a moment."


def failure(error: RequestFailed | Interrupted) -> str:
    """Why a request delivered nothing, and what it cost."""
    if isinstance(error, Interrupted):
        return f"{RESTARTING} {spent_note(error.spent)}"
    return f"{error.error.user_message} {spent_note(error.spent)}"


def policy_refusal(error: InvalidPolicy) -> str:
    """Why /quota set refused the admin's values."""
    if error.field is None:
        return "Nothing to change: give a server budget, member budget or period."
    if error.field == "period":
        return "The period must be day, week or month."
    return (
        f"The {_BUDGET_NAMES[error.field]} must be a whole number from 0 to {MAX_CREDITS:,} "
        "credits."
    )


def policy_saved(policy: QuotaPolicy) -> str:
    return f"✅ Saved. {policy_summary(policy)}"


def forgiveness(forgiven: int, member_id: int | None) -> str:
    """What /quota reset did: whose use of this period it forgave (None: everyone's)."""
    who = "everyone in this server" if member_id is None else f"<@{member_id}>"
    if forgiven:
        return f"✅ Forgave {credits(forgiven)} that {who} used this period."
    return f"Nothing to forgive: {who} used no credits this period."


def usage_embed(report: UsageReport, model_name: Callable[[str], str]) -> discord.Embed:
    """Totals, then the biggest spenders and models; lists are cut to whole lines."""
    embed = discord.Embed(
        title="Credits used this period",
        description=(
            f"**{credits(report.credits)}** in {_requests(report.requests)} "
            f"since <t:{int(report.period_start.timestamp())}:f>.\n"
            f"Resets {relative_time(report.resets_at)} (every {report.period}, UTC)."
        ),
        colour=EMBED_COLOUR,
    )
    if not report.requests:
        return embed
    members = [
        f"<@{m.member_id}>: {credits(m.credits)} ({_requests(m.requests)})"
        for m in report.by_member
    ]
    models = [
        f"{model_name(m.model)}: {credits(m.credits)} ({_requests(m.requests)})"
        for m in report.by_model
    ]
    embed.add_field(name="Top members", value=_listing(members), inline=False)
    embed.add_field(name="By model", value=_listing(models), inline=False)
    return embed


def policy_summary(policy: QuotaPolicy) -> str:
    """A guild's budgets in one sentence, as /quota set confirms them."""
    member = (
        f"each member up to **{credits(policy.member_credits)}**"
        if policy.member_credits
        else "no per-member budget"
    )
    return (
        f"This server may spend **{credits(policy.guild_credits)}** per {policy.period}; {member}."
    )


def _listing(lines: Sequence[str]) -> str:
    """Up to MAX_LISTED whole lines within an embed field; the rest is counted, never cut."""
    shown: list[str] = []
    size = 0
    for line in lines[:MAX_LISTED]:
        size += len(line) + 1
        if size > FIELD_VALUE_LIMIT - _MORE_RESERVE:
            break
        shown.append(line)
    if hidden := len(lines) - len(shown):
        shown.append(f"…and {hidden} more")
    return "\n".join(shown)


def _requests(count: int) -> str:
    return "1 request" if count == 1 else f"{count} requests"


def result_embed(
    plan: PlannedRequest, result: Generated, requester: discord.abc.User
) -> discord.Embed:
    embed = discord.Embed(description=literal(plan.prompt, 3000), colour=EMBED_COLOUR)
    embed.set_author(
        name=truncate(requester.display_name, 256), icon_url=requester.display_avatar.url
    )
    embed.add_field(name="Model", value=plan.model.name)
    embed.add_field(name="Size", value=plan.size)
    if plan.quality:
        embed.add_field(name="Quality", value=plan.quality)
    if result.revised_prompt and result.revised_prompt != plan.prompt:
        embed.add_field(
            name="Revised prompt", value=literal(result.revised_prompt, 1024), inline=False
        )
    embed.add_field(
        name=f"Cost: {credits(result.credits)}", value=quota_summary(result.quota), inline=False
    )
    notes = []
    if result.reencoded:
        notes.append("Re-encoded as WebP to fit Discord's upload limit.")
    if result.dropped:
        notes.append(f"{result.dropped} image(s) the generator sent (and billed) were unusable.")
    if notes:
        embed.set_footer(text=" ".join(notes))
    return embed


def error_text(message: str) -> str:
    return truncate(ERROR_PREFIX + message, 2000)


async def send_error(interaction: discord.Interaction[Any], message: str) -> None:
    """Tell only the requester; a public "thinking" message is removed first, never left behind."""
    text = error_text(message)
    if not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    try:
        await interaction.delete_original_response()
    except discord.HTTPException:
        log.debug("could not delete the deferred message of interaction %s", interaction.id)
    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
