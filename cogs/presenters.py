"""How the bot words things in Discord: quota lines, result embeds, refusals, error notes.

Every sentence a member or an admin reads is here; the core's errors carry data only. Kept
apart from the cogs so the imagine and quota cogs say the same thing the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import aiohttp
import discord
from discord import app_commands

from bot.catalog import (
    AspectSizeConflict,
    Catalog,
    EditsNotOffered,
    EmptyPrompt,
    ExtraConflict,
    MaskNotOffered,
    ModelSpec,
    NoSuchOption,
    PlannedRequest,
    PromptTooLong,
    RequestOptions,
    RequestRejected,
    SizeNotOffered,
    TooManyImages,
    TooManyInputs,
    UnknownModel,
    UnknownOptions,
    ValueNotOffered,
)
from bot.defaults import DefaultsUsed
from bot.edit_inputs import (
    BadMask,
    InputRefused,
    InputTooLarge,
    NotAnImage,
    TooManyPixels,
    Unreadable,
)
from bot.generation import (
    Generated,
    Interrupted,
    LeftLine,
    RequestFailed,
    ShuttingDown,
    Spent,
    StoreBusy,
)
from bot.history import Entry, Page
from bot.images import (
    AuthenticationError,
    BadRequestError,
    ContentPolicyError,
    EditsUnsupportedError,
    ImageAPIError,
    ImageTimeoutError,
    InsufficientQuotaError,
    MalformedResponseError,
    RateLimitedError,
    UpstreamUnavailableError,
)
from bot.money import Price
from bot.policy import (
    MAX_BLOCKED_TERMS,
    MAX_COOLDOWN_SECONDS,
    MAX_STRIKE_LIMIT,
    BlockedTerm,
    ChannelNotAllowed,
    CoolingDown,
    EntryKind,
    Flagged,
    GuildPolicy,
    InvalidSetting,
    ModelDisabled,
    ModerationDown,
    NsfwOnly,
    Paused,
    Refusal,
    RoleNotAllowed,
    StrikeOutcome,
)
from bot.queue import GuildQueue, LeaveReason, Position, QueueFull
from bot.queue_limits import InvalidQueueLimit
from bot.quota import (
    MAX_CREDITS,
    AboveCeiling,
    InvalidPolicy,
    QuotaExceeded,
    QuotaPolicy,
    QuotaStatus,
    UsageReport,
)
from bot.terms import MAX_TERM_LENGTH, InvalidTerm
from bot.text import strip_invisible
from cogs.discord_limits import (
    CONTENT_LIMIT,
    FIELD_VALUE_LIMIT,
    Author,
    Field,
    Listing,
    fitted_embed,
    truncate,
)

# What a call to Discord can raise: discord.py lets transport faults through unwrapped.
DISCORD_FAULTS = (discord.HTTPException, aiohttp.ClientError, OSError, TimeoutError)
NO_MENTIONS = discord.AllowedMentions.none()
EMBED_COLOUR = discord.Colour.blurple()
log = logging.getLogger("imagine.cogs")
ERROR_PREFIX = "⚠️ "
INLINE_LIST_LIMIT = FIELD_VALUE_LIMIT // 2  # a list inside a note, which audit posts repeat
RESTARTING = "The bot is restarting and stopped your request. Please try again in a minute."
NOT_STARTED = (
    "Discord did not take the bot's answer, so your request did not start. Nothing was spent; "
    "please try again."
)
UNCOUNTED = "The bot's database is busy: these credits are counted as soon as it is back."
REMIX_TITLE = "Remix"
REMIX_PROMPT_LABEL = "Prompt"
REROLL_TOO_OLD = "This image is too old to re-roll; use /imagine again."
REMIX_TOO_OLD = "This image is too old to remix; use /imagine again."
DELETE_REFUSED = "Only the member who asked for this image or a moderator can delete it."
CANCEL_REFUSED = "Only the member who asked for this request or a moderator can cancel it."
UNEXPECTED = (
    "Something went wrong on our side. Please try again; admins can find details in the log."
)
NOT_APPROVED = "This server is not approved to use the bot yet; ask its operator."
_BOT_PERIODS = {
    "day": "for today; try again after 00:00 UTC",
    "week": "for this week; try again after Monday 00:00 UTC",
    "month": "for this month; try again after the 1st, 00:00 UTC",
}
_BUDGET_NAMES = {"guild_credits": "server budget", "member_credits": "per-member budget"}


def literal(text: str, limit: int) -> str:
    """Member text shown as typed: markdown escaped, so `**` or `||` are not formatting."""
    return truncate(discord.utils.escape_markdown(text), limit)


def relative_time(moment: datetime) -> str:
    """Discord renders this in each member's own time zone and language."""
    return f"<t:{int(moment.timestamp())}:R>"


def credits(amount: int) -> str:
    return f"{amount} credit" if amount == 1 else f"{amount} credits"


def priced(amount: int, price: Price | None) -> str:
    """Credits, and what they cost the operator where CREDIT_PRICE is set."""
    return credits(amount) if price is None else f"{credits(amount)} · {price.format(amount)}"


def quota_summary(status: QuotaStatus, price: Price | None = None) -> str:
    """The guild's and (if any) the member's credits left, and when they reset; with a price
    (shown to admins), what the server's use so far cost."""
    lines = [f"Server: **{status.guild_remaining}** of {credits(status.guild_limit)} left"]
    if price is not None:
        lines[0] += f"; {priced(status.guild_used, price)} used"
    if status.member_limit is not None and status.member_remaining is not None:
        lines.append(f"You: **{status.member_remaining}** of {credits(status.member_limit)} left")
    lines.append(f"Resets {relative_time(status.resets_at)} (every {status.period}, UTC)")
    return "\n".join(lines)


def quota_refusal(error: QuotaExceeded) -> str:
    if error.scope == "bot":  # the operator's budget over every server
        return f"This bot has used its credits {_BOT_PERIODS[error.period or 'day']}."
    whose = "This server has" if error.scope == "guild" else "You have"
    return (
        f"{whose} {credits(error.remaining)} left and this request costs {credits(error.cost)}. "
        f"The quota resets {relative_time(error.resets_at)}. Nothing was spent."
    )


def progress_line(plan: PlannedRequest, elapsed: int) -> str:
    doing = "Editing" if plan.images else "Generating"
    return f"🎨 {doing} with {plan.model.name}… {elapsed} s"


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


def refusal(error: QuotaExceeded | QueueFull | ShuttingDown | StoreBusy) -> str:
    """Why a request was refused before anything was spent."""
    if isinstance(error, QuotaExceeded):
        return quota_refusal(error)
    if isinstance(error, QueueFull) and error.scope == "member" and not error.limit:
        return (
            "Requests do not wait in line in this server, and yours could not start now. "
            "Please try again in a few minutes. Nothing was spent."
        )
    if isinstance(error, QueueFull) and error.scope == "member":
        return (
            f"You already have {_requests(error.limit)} waiting in line, as many as one member "
            "may. Please wait for one to start. Nothing was spent."
        )
    if isinstance(error, QueueFull):
        return (
            f"This server's queue is full ({_requests(error.limit)} waiting). Please try again "
            "in a few minutes. Nothing was spent."
        )
    if isinstance(error, ShuttingDown):
        return f"{RESTARTING} Nothing was spent."
    return "The bot's database is busy right now. Nothing was spent; please try again in a moment."


def failure(error: RequestFailed | Interrupted) -> str:
    """Why a request delivered nothing, and what it cost."""
    if isinstance(error, Interrupted):
        return f"{RESTARTING} {spent_note(error.spent)}"
    return f"{image_failure(error.error)} {spent_note(error.spent)}"


# By exact class: a new kind of failure needs its own sentence (tests check each has one).
_IMAGE_FAILURES: dict[type[ImageAPIError], str] = {
    ContentPolicyError: "The image service's safety filter blocked this prompt. Try rewording it.",
    BadRequestError: "The image service rejected this request.",
    AuthenticationError: (
        "The bot's image API key was refused by the image service. "
        "A bot admin needs to check the key."
    ),
    RateLimitedError: "The image service is busy right now. Please try again in a minute.",
    InsufficientQuotaError: (
        "The bot's image service account is out of credit. A bot admin needs to top it up."
    ),
    UpstreamUnavailableError: "The image service is unavailable right now. Please try again later.",
    ImageTimeoutError: "The image service took too long to answer. Please try again later.",
    MalformedResponseError: "The image service sent back something that was not a usable image.",
    EditsUnsupportedError: "This image service does not offer edits.",
}


NO_IMAGE = "That message has no image attachment to edit."
EDIT_PROMPT_LABEL = "What to change"
EDIT_MODAL_TITLE = "Edit with imagine"
_MASK_PROBLEMS = {
    "not_png": "is not a PNG",
    "no_alpha": "has no transparency (its transparent pixels mark what to change)",
    "size": "is not the same size as the first image",
}


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def input_refusal(error: InputRefused) -> str:
    """Why an input image or mask was refused before anything was spent."""
    if isinstance(error, InputTooLarge):
        return (
            f"`{literal(error.filename, 100)}` is {_megabytes(error.size)}; edits take images up "
            f"to {_megabytes(error.limit)}. Nothing was spent."
        )
    if isinstance(error, NotAnImage):
        return (
            f"`{literal(error.filename, 100)}` is not a whole PNG, JPEG or WebP image. "
            "Nothing was spent."
        )
    if isinstance(error, TooManyPixels):
        return (
            f"`{literal(error.filename, 100)}` has too many pixels to edit (at most "
            f"{error.limit // 1_000_000} megapixels). Nothing was spent."
        )
    if isinstance(error, BadMask):
        return f"The mask {_MASK_PROBLEMS[error.reason]}. Nothing was spent."
    if isinstance(error, Unreadable):
        return (
            f"Discord did not hand over `{literal(error.filename, 100)}`; please try again. "
            "Nothing was spent."
        )
    raise AssertionError(f"no wording for {error!r}")


def edits_unsupported(model_name: str) -> str:
    """A gateway without edits refunds in full: one line, naming the model."""
    return f"This image service does not offer edits for {model_name}. Nothing was spent."


def image_failure(error: ImageAPIError) -> str:
    """What went wrong at the image service, never in its own words (they may hold the key)."""
    if isinstance(error, BadRequestError) and error.param is not None:
        return (
            f"The image service rejected this request: the `{error.param}` option is not accepted."
        )
    return _IMAGE_FAILURES[type(error)]


def rejection(error: RequestRejected) -> str:
    """Why the catalog refused a request before anything was spent."""
    if isinstance(error, UnknownModel):
        return f"Unknown model `{error.model_id}`. Choose one of: {', '.join(error.known)}."
    if isinstance(error, EmptyPrompt):
        return "The prompt is empty."
    if isinstance(error, PromptTooLong):
        return (
            f"The prompt is {error.length} characters; {error.model.name} takes at most "
            f"{error.model.max_prompt_length}."
        )
    if isinstance(error, SizeNotOffered):
        return (
            f"{error.model.name} does not offer size `{error.size}`. "
            f"Allowed: {_sizes(error.model)}."
        )
    if isinstance(error, TooManyImages):
        return f"{error.model.name} makes 1 to {error.model.max_n} images per request."
    if isinstance(error, NoSuchOption):
        return f"{error.model.name} has no {error.option} option."
    if isinstance(error, ValueNotOffered):
        return (
            f"{error.model.name} does not offer {error.option} `{error.value}`. "
            f"Allowed: {', '.join(error.allowed)}."
        )
    if isinstance(error, UnknownOptions):
        return f"{error.model.name} takes no option {', '.join(error.options)}."
    if isinstance(error, EditsNotOffered):
        return f"{error.model.name} cannot edit images. Nothing was spent."
    if isinstance(error, TooManyInputs):
        return (
            f"{error.model.name} edits at most {error.model.edit_max_images} image(s) at once; "
            f"you gave {error.count}. Nothing was spent."
        )
    if isinstance(error, MaskNotOffered):
        return f"{error.model.name} takes no mask. Nothing was spent."
    if isinstance(error, AspectSizeConflict):
        return (
            f"Aspect `{error.aspect}` is {error.aspect_size} on {error.model.name}, not "
            f"`{error.size}`: give one of the two."
        )
    if isinstance(error, ExtraConflict):
        return (
            f"{error.model.name} cannot combine {error.when_option} `{error.when_value}` with "
            f"{error.option} "
            f"`{error.value}`. Allowed with it: {', '.join(error.allowed)}."
        )
    raise AssertionError(f"no wording for {error!r}")


def _sizes(model: ModelSpec) -> str:
    """The sizes a model offers: its listed ones, and its range of free-form ones."""
    listed = ", ".join(model.sizes)
    custom = model.custom_size
    if custom is None:
        return listed
    return (
        f"{listed}, or any WxH with sides {custom.min}-{custom.max} "
        f"in steps of {custom.multiple_of}"
    )


# discord.py's attribute names where Discord's own menus use other words.
_PERMISSION_NAMES = {"manage_guild": "Manage Server", "manage_channels": "Manage Channels"}


def _permission_name(attribute: str) -> str:
    """The permission as members see it in Discord's settings."""
    return _PERMISSION_NAMES.get(attribute, attribute.replace("_", " ").title())


def command_refusal(error: app_commands.CheckFailure | app_commands.TransformerError) -> str:
    """Why discord.py refused a command before it ran: a check, or an option's value."""
    if isinstance(error, app_commands.MissingPermissions):
        needed = ", ".join(_permission_name(p) for p in error.missing_permissions)
        return f"You need the {needed} permission to use this command."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works only in a server."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.TransformerError):
        return f"`{error.value}` is not a valid value for this option."
    return "You can't use this command here."


def policy_refusal(error: InvalidPolicy) -> str:
    """Why /quota set refused the admin's values."""
    if error.field is None:
        return "Nothing to change: give a server budget, member budget or period."
    if error.field == "period":
        return "The period must be day, week or month."
    if isinstance(error, AboveCeiling):
        return (
            f"This server's budget can be at most {credits(error.ceiling)}: the bot's operator "
            "sets that ceiling."
        )
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


def usage_embed(
    report: UsageReport, model_name: Callable[[str], str], price: Price | None = None
) -> discord.Embed:
    """Totals, then the biggest spenders and models; lists are cut to whole lines."""
    description = (
        f"**{priced(report.credits, price)}** in {_requests(report.requests)} "
        f"since <t:{int(report.period_start.timestamp())}:f>.\n"
        f"Resets {relative_time(report.resets_at)} (every {report.period}, UTC)."
    )
    if not report.requests:
        return _embed("Credits used this period", description)
    members = [
        f"<@{m.member_id}>: {priced(m.credits, price)} ({_requests(m.requests)})"
        for m in report.by_member
    ]
    models = [
        f"{model_name(m.model)}: {priced(m.credits, price)} ({_requests(m.requests)})"
        for m in report.by_model
    ]
    kinds = [
        f"{_KIND_NAMES[k.kind]}: {credits(k.credits)} ({_requests(k.requests)})"
        for k in report.by_kind
    ]
    return _embed(
        "Credits used this period",
        description,
        Field("Top members", Listing(members), inline=False),
        Field("By model", Listing(models), inline=False),
        Field("Generations and edits", Listing(kinds), inline=False),
    )


_KIND_NAMES = {"generation": "Generations", "edit": "Edits"}


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


def _embed(title: str | None, description: str | None, *fields: Field) -> discord.Embed:
    return fitted_embed(colour=EMBED_COLOUR, title=title, description=description, fields=fields)


def _requests(count: int) -> str:
    return "1 request" if count == 1 else f"{count} requests"


_WHOSE = {"member": "yours", "server": "the server's"}


def defaults_applied(used: DefaultsUsed) -> str:
    """Which options came from whose defaults: "yours: model, style; the server's: quality"."""
    by_whose = {
        name: [option_label(option).lower() for w, option, _ in used.applied if w == whose]
        for whose, name in _WHOSE.items()
    }
    return "; ".join(
        f"{whose}: {', '.join(options)}" for whose, options in by_whose.items() if options
    )


def skipped_default(whose: str, model_id: str) -> str:
    owner = "Your" if whose == "member" else "The server's"
    return f"{owner} default model `{model_id}` is not offered here now, so it was skipped."


def model_not_offered(name: str) -> str:
    return f"{name} is not offered in this server."


def defaults_shown(whose: str, options: RequestOptions | None, catalog: Catalog) -> str:
    """One set of defaults, in one line."""
    owner = "Your defaults in this server" if whose == "member" else "This server's defaults"
    if options is None or options == RequestOptions():
        return f"{owner}: none; /imagine uses " + (
            "the server's and the catalog's." if whose == "member" else "the catalog's."
        )
    model = catalog.get(options.model) if options.model else None
    parts = [f"model {model.name if model else options.model}"] if options.model else []
    parts += [
        f"{label} {value}"
        for label, value in (
            ("size", options.size),
            ("aspect", options.aspect),
            ("quality", options.quality),
        )
        if value
    ]
    parts += [f"{option_label(name).lower()} {value}" for name, value in options.extra.items()]
    return f"{owner}: {', '.join(parts)}."


def defaults_cleared(whose: str, removed: bool) -> str:
    if not removed:
        return "There were no defaults to clear."
    return (
        "✅ Your defaults are cleared."
        if whose == "member"
        else "✅ The server's defaults are cleared."
    )


def option_label(name: str) -> str:
    """A model's own option as a member reads it: `output_format` is "Output format"."""
    return name.replace("_", " ").capitalize()


def result_embed(
    plan: PlannedRequest, result: Generated, requester: discord.abc.User
) -> discord.Embed:
    fields = [Field("Model", plan.model.name), Field("Size", plan.size)]
    if plan.quality:
        fields.append(Field("Quality", plan.quality))
    fields += [Field(option_label(name), value) for name, value in plan.extra.items() if value]
    if result.revised_prompt and result.revised_prompt != plan.prompt:
        fields.append(
            Field("Revised prompt", literal(result.revised_prompt, FIELD_VALUE_LIMIT), False)
        )
    left = UNCOUNTED if result.quota is None else quota_summary(result.quota)
    fields.append(Field(f"Cost: {credits(result.credits)}", left, False))
    notes = []
    if plan.defaults is not None:
        if plan.defaults.applied:
            fields.append(Field("Defaults used", defaults_applied(plan.defaults), False))
        notes += [skipped_default(whose, model_id) for whose, model_id in plan.defaults.skipped]
    if result.reencoded:
        notes.append("Re-encoded as WebP to fit Discord's upload limit.")
    if result.dropped:
        notes.append(f"{result.dropped} image(s) the generator sent (and billed) were unusable.")
    return fitted_embed(
        colour=EMBED_COLOUR,
        description=literal(plan.prompt, 3000),
        fields=fields,
        footer=" ".join(notes) or None,
        author=Author(requester.display_name, requester.display_avatar.url),
    )


def error_text(message: str) -> str:
    return truncate(ERROR_PREFIX + message, CONTENT_LIMIT)


async def send_error(interaction: discord.Interaction[Any], message: str) -> None:
    """Tell only the requester; a public "thinking" message is removed first, never left behind."""
    text = error_text(message)
    if not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    try:
        await interaction.delete_original_response()
    except DISCORD_FAULTS:
        log.debug("could not delete the deferred message of interaction %s", interaction.id)
    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


# -- moderation (/imagine-admin, policy refusals, the audit channel) --------------------------


async def acknowledge(interaction: discord.Interaction[Any]) -> None:
    """Answer Discord before touching the database: a busy one must not miss the 3 seconds."""
    await interaction.response.defer(ephemeral=True, thinking=True)


async def reply(interaction: discord.Interaction[Any], text: str) -> None:
    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


def _mentions(mentions: Sequence[str]) -> str:
    """A list inside a sentence: some whole mentions, the rest counted."""
    return Listing(mentions, separator=", ").fit(INLINE_LIST_LIMIT)


def _strikes(strike: StrikeOutcome | None) -> str:
    if strike is None:  # the database was busy: not counted
        return ""
    of = f" of {strike.limit}" if strike.limit else ""
    text = f"This counts as a strike ({strike.count}{of} this period)."
    if strike.paused:
        text += " You are now paused from /imagine until a moderator unpauses you."
    return text


def rule_refusal(refusal: Refusal, model_name: str) -> str:
    """The one line a member reads when a rule refuses their request (nothing was spent)."""
    if isinstance(refusal, Paused):
        why = f" ({literal(refusal.reason, 200)})" if refusal.reason else ""
        return f"You are paused from /imagine in this server{why}. A moderator can unpause you."
    if isinstance(refusal, ChannelNotAllowed):
        channels = _mentions([f"<#{i}>" for i in refusal.channel_ids])
        return f"/imagine works only in {channels} in this server."
    if isinstance(refusal, RoleNotAllowed):
        roles = _mentions([f"<@&{i}>" for i in refusal.role_ids])
        return f"/imagine is only for members with one of these roles: {roles}."
    if isinstance(refusal, NsfwOnly):
        return "In this server /imagine works only in age-restricted channels."
    if isinstance(refusal, ModelDisabled):
        return f"{model_name} is turned off in this server; choose another model."
    if isinstance(refusal, BlockedTerm):
        where = " outside age-restricted channels" if refusal.builtin else ""
        quoted = literal(strip_invisible(refusal.quoted), 100)
        return f"Your prompt contains a term this server blocks{where}: “{quoted}”."
    if isinstance(refusal, CoolingDown):
        return f"Slow down: you can use /imagine again {relative_time(refusal.until)}."
    if isinstance(refusal, Flagged):
        return f"The moderation check flagged this prompt. {_strikes(refusal.strike)}".rstrip()
    if isinstance(refusal, ModerationDown):
        return "The moderation check is unavailable right now. Please try again in a minute."
    raise AssertionError(f"no wording for {refusal!r}")


def upstream_strike(error_message: str, strike: StrikeOutcome | None) -> str:
    """The gateway's safety refusal, and the strike it cost."""
    return f"{error_message} {_strikes(strike)}".rstrip()


def yes_no(flag: bool) -> str:
    return "on" if flag else "off"


def policy_embed(
    policy: GuildPolicy, quota: QuotaPolicy, model_names: Mapping[str, str], queue: GuildQueue
) -> discord.Embed:
    """The guild's whole moderation and budget policy on one embed (/imagine-admin show)."""
    member = credits(quota.member_credits) if quota.member_credits else "no per-member budget"
    budgets = sorted(policy.role_budgets.items(), key=lambda item: -item[1])
    lists = [_entries(kind, policy) for kind in ("channel", "role")]
    limits = queue.limits
    return _embed(
        "/imagine policy of this server",
        None,
        Field(
            "Budgets",
            f"Server: {credits(quota.guild_credits)} per {quota.period}\nEach member: {member}",
            inline=False,
        ),
        Field(
            "Role budgets",
            Listing([f"<@&{role}>: {credits(amount)}" for role, amount in budgets]),
            inline=False,
        ),
        *(Field(title, Listing(lines, empty)) for title, lines, empty in lists),
        Field(
            "Models",
            Listing(
                [
                    f"{'✅' if policy.model_enabled(model_id) else '🚫'} {name}"
                    for model_id, name in model_names.items()
                ]
            ),
        ),
        Field("NSFW only", yes_no(policy.nsfw_only)),
        Field("Cooldown", f"{policy.cooldown_seconds} s" if policy.cooldown_seconds else "off"),
        Field("Strike limit", str(policy.strike_limit) if policy.strike_limit else "off"),
        Field(
            "Audit channel",
            f"<#{policy.audit_channel_id}>" if policy.audit_channel_id else "none",
        ),
        Field(
            "Blocked terms",
            f"{len(policy.blocked_terms)} of this server; built-in list "
            f"{yes_no(policy.builtin_terms)} (outside age-restricted channels)",
        ),
        Field(
            "Paused members",
            Listing(
                [
                    f"<@{member_id}>" + (f": {literal(p.reason, 100)}" if p.reason else "")
                    for member_id, p in policy.paused.items()
                ]
            ),
            inline=False,
        ),
        Field(
            "Queue",
            f"{limits.guild_concurrency} running at once, {limits.member_concurrency} per "
            f"member; up to {_requests(limits.queue_limit)} waiting, "
            f"{limits.member_queue_limit} per member",
            inline=False,
        ),
        Field(
            f"Live queue: {queue.running} running, {queue.waiting} waiting",
            Listing(
                [
                    f"<@{m.member_id}>: {m.running} running, {m.waiting} waiting"
                    for m in queue.members
                ]
            ),
            inline=False,
        ),
    )


def audit_generation_embed(
    requester: discord.abc.User,
    channel_id: int,
    plan: PlannedRequest,
    spent: int,
    link: str | None,
    thumbnail: str | None = None,
) -> discord.Embed:
    """One generation or edit, for the moderators' audit channel; an edit shows its input."""
    embed = _audit_embed(
        "Edited" if plan.images else "Generated",
        requester,
        channel_id,
        plan.prompt,
        Field("Model", plan.model.name),
        Field("Size", plan.size),
        Field("Quality", plan.quality or "default"),
        Field("Images", str(plan.n)),
        Field("Credits", str(spent)),
        Field("Result", f"[Jump to the result]({link})" if link else "not delivered"),
    )
    if thumbnail:
        embed.set_thumbnail(url=thumbnail)
    return embed


def audit_refusal_embed(
    requester: discord.abc.User, channel_id: int, prompt: str, refusal: Refusal, model_name: str
) -> discord.Embed:
    """A request a rule refused, with the sentence the member read."""
    return _audit_embed(
        f"Refused: {refusal.rule}",
        requester,
        channel_id,
        prompt,
        Field("Why", rule_refusal(refusal, model_name), inline=False),
    )


def audit_strike_embed(
    requester: discord.abc.User,
    channel_id: int,
    prompt: str,
    why: str,
    strike: StrikeOutcome | None,
) -> discord.Embed:
    """A strike (the gateway's safety refusal or pre-moderation), and whether it paused."""
    fields = [Field("Why", why, inline=False)]
    if strike is None:
        fields.append(Field("Strikes this period", "not counted (the database was busy)"))
    else:
        limit = f" of {strike.limit}" if strike.limit else ""
        fields.append(Field("Strikes this period", f"{strike.count}{limit}"))
        fields.append(Field("Paused", "yes" if strike.paused else "no"))
    return _audit_embed("Strike", requester, channel_id, prompt, *fields)


def _audit_embed(
    title: str, requester: discord.abc.User, channel_id: int, prompt: str, *fields: Field
) -> discord.Embed:
    return _embed(
        title,
        literal(prompt, 3000),
        Field("Member", f"<@{requester.id}>"),
        Field("Channel", f"<#{channel_id}>"),
        *fields,
    )


SAVED = "✅ Saved. `/imagine-admin show` shows the whole policy."


def list_change(kind: EntryKind, add: bool, changed: bool, shown: str) -> str:
    """What an /imagine-admin list change did, in one line."""
    what = {
        "term": ("Blocked", "Unblocked", "already blocked", "not blocked"),
        "channel": ("/imagine now works in", "Removed", "already listed", "not listed"),
        "role": ("/imagine is now open to", "Removed", "already listed", "not listed"),
        "disabled_model": ("Disabled", "Enabled", "already disabled", "already enabled"),
    }[kind]
    if changed:
        return f"✅ {what[0] if add else what[1]} {shown}."
    return f"Nothing changed: {shown} is {what[2] if add else what[3]}."


def pause_change(member_id: int, *, pausing: bool, changed: bool) -> str:
    if pausing:
        return f"✅ Paused <@{member_id}>." if changed else f"<@{member_id}> is already paused."
    return f"✅ Unpaused <@{member_id}>." if changed else f"<@{member_id}> is not paused."


def role_budget_change(role_id: int, amount: int | None, changed: bool) -> str:
    """What /quota role did."""
    if amount is not None:
        return f"✅ Members with <@&{role_id}> now get {credits(amount)} per period."
    if changed:
        return f"✅ <@&{role_id}> no longer has its own budget; the member default applies."
    return f"Nothing changed: <@&{role_id}> has no budget of its own."


def entry_list(kind: EntryKind, policy: GuildPolicy) -> str:
    """One of the guild's lists, as `/imagine-admin … list` shows it."""
    title, lines, empty = _entries(kind, policy)
    return f"**{title}**\n{Listing(lines, empty).fit(FIELD_VALUE_LIMIT)}"


def _entries(kind: EntryKind, policy: GuildPolicy) -> tuple[str, list[str], str]:
    """A list's title, its lines, and what an empty list means."""
    if kind == "term":
        return "Blocked terms", [f"“{literal(t, 100)}”" for t in policy.blocked_terms], "none"
    if kind == "channel":
        return "Channels", [f"<#{c}>" for c in sorted(policy.channel_ids)], "everywhere"
    if kind == "role":
        return "Roles", [f"<@&{r}>" for r in sorted(policy.role_ids)], "everyone"
    raise AssertionError(f"no list of {kind}")


_LIMIT_NAMES = {
    "guild_concurrency": "Requests running at once in the server",
    "member_concurrency": "Requests running at once per member",
    "queue_limit": "Requests waiting in line",
}


def invalid_setting(error: InvalidSetting | InvalidTerm | InvalidQueueLimit) -> str:
    """Why /imagine-admin or /quota role refused the admin's value."""
    if isinstance(error, InvalidQueueLimit):
        return (
            f"{_LIMIT_NAMES[error.field]} must be from {error.least} to {error.most} "
            "(this bot's own limit). Nothing was changed."
        )
    if isinstance(error, InvalidTerm):
        if error.reason == "empty":
            return "A blocked term needs at least one letter or digit."
        if error.reason == "too_many":
            return (
                f"This server already has {MAX_BLOCKED_TERMS} blocked terms, the most it may: "
                "remove one first. Nothing was added."
            )
        return f"A blocked term can be at most {MAX_TERM_LENGTH} characters long."
    if error.field is None:
        return "Nothing to change: give at least one setting."
    if error.field == "cooldown_seconds":
        return f"The cooldown must be from 0 to {MAX_COOLDOWN_SECONDS:,} seconds."
    if error.field == "strike_limit":
        return f"The strike limit must be from 0 to {MAX_STRIKE_LIMIT}."
    return f"A role's budget must be from 1 to {MAX_CREDITS:,} credits."


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st…"""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def duration(seconds: float) -> str:
    """A rough duration: "about 40 s", "about 3 min"."""
    if seconds < 90:
        return f"about {max(5, round(seconds / 5) * 5)} s"
    return f"about {round(seconds / 60)} min"


def queue_place(position: Position) -> str:
    """A waiting request's deferred message."""
    return (
        f"⏳ {ordinal(position.place)} in line, {duration(position.estimate_seconds)}. "
        "Your credits are set aside; Cancel gives them back."
    )


def left_line(error: LeftLine, timeout_seconds: float, model_name: str) -> str:
    """Why a request that waited in line never ran."""
    if error.refusal is not None:
        return (
            "Your request was taken out of the line before it started: "
            f"{rule_refusal(error.refusal, model_name)} Nothing was spent."
        )
    if error.reason is LeaveReason.TIMED_OUT:
        return (
            f"Your request waited more than {duration(timeout_seconds).removeprefix('about ')} "
            "in line and was cancelled. Nothing was spent; please try again later."
        )
    return "Your request was cancelled before it started. Nothing was spent."


def expelled_note(count: int) -> str:
    """What a rule change did to the requests waiting in line, added to the admin's answer."""
    if not count:
        return ""
    was = "was" if count == 1 else "were"
    return f" {_requests(count)} waiting in line {was} taken out of it and refunded."


def cancel_outcome(cancelled: bool, found: bool) -> str:
    """What the member who pressed Cancel is told."""
    if cancelled:
        return "✅ Cancelled: the request left the line and its credits were given back."
    if found:
        return "⚠️ This request is already being generated and can no longer be cancelled."
    return "⚠️ This request is no longer waiting in line."


# -- history and privacy (/imagine-history, /imagine-forget) ----------------------------------

HISTORY_REFUSED = "Only members with Manage Server can see another member's history."
USE_AGAIN_REFUSED = "You can use again only your own requests."
USE_AGAIN_GONE = "This request is no longer in your history; use /imagine again."
FORGET_REFUSED = "Only the member who asked can confirm this."
FORGET_CONFIRM = (
    "This erases your prompts and your /imagine history in this server, for good: the history "
    "list, the prompts kept for Re-roll and the links to your results. Credits you spent stay "
    "spent, and posts in the moderators' audit channel stay. Press **Erase** to go ahead."
)
HISTORY_PROMPT_LIMIT = 150
MODEL_NAME_LIMIT = 40  # ten entries of at most ~370 characters fit an embed's description
USE_AGAIN_LABEL_LIMIT = 100

# Refusal rules as a member's history words them (the names of bot/policy.py and the metric).
_RULE_WORDS = {
    "paused": "you were paused",
    "channel": "not allowed in that channel",
    "role": "not allowed for your roles",
    "nsfw_only": "only in age-restricted channels",
    "model": "model turned off",
    "blocked_term": "blocked term",
    "cooldown": "cooldown",
    "pre_moderation": "flagged by the moderation check",
    "pre_moderation_unavailable": "moderation check unavailable",
    "quota": "over the budget",
    "bot_budget": "the bot's own budget was spent",
    "queue_full": "queue full",
    "member_queue_full": "your share of the queue was waiting",
    "shutting_down": "bot restarting",
}


def history_outcome(entry: Entry, guild_id: int) -> str:
    """What became of a request: delivered (with a jump link while the result exists),
    refunded, or refused, and by which rule."""
    if entry.outcome == "refused":
        return f"refused: {_RULE_WORDS.get(entry.why or '', entry.why or 'a rule')}"
    if entry.outcome == "pending":
        return "in progress"
    if entry.outcome == "unknown":
        return "outcome unknown"
    if entry.outcome == "refunded":
        if entry.why == ContentPolicyError.__name__:
            return "refunded: refused by the image service's safety filter"
        return "refunded"
    if entry.message_id is not None and entry.channel_id is not None:
        link = f"https://discord.com/channels/{guild_id}/{entry.channel_id}/{entry.message_id}"
        return f"delivered ([jump to it]({link}))"
    return "delivered"


def history_line(entry: Entry, model_name: str, guild_id: int) -> str:
    """One entry of /imagine-history: when, model and options, credits, outcome, prompt."""
    options = " ".join(o for o in (entry.size, entry.quality) if o)
    if entry.n > 1:
        options += f" ×{entry.n}"
    if entry.kind == "edit":
        options += " · edit"
    cost = "nothing spent" if entry.outcome == "refused" else credits(entry.credits)
    prompt = (
        f"“{literal(entry.prompt, HISTORY_PROMPT_LIMIT)}”"
        if entry.prompt
        else "*prompt no longer kept*"
    )
    return (
        f"<t:{int(entry.created_at.timestamp())}:f> · {literal(model_name, MODEL_NAME_LIMIT)}"
        f" · {options} · {cost} · {history_outcome(entry, guild_id)}\n{prompt}"
    )


def history_embed(
    page: Page, member_id: int, own: bool, model_name: Callable[[str], str], guild_id: int
) -> discord.Embed:
    """A page of a member's history in this server, newest first."""
    whose = "Your" if own else f"<@{member_id}>'s"
    lines = [history_line(e, model_name(e.model), guild_id) for e in page.entries]
    if not lines:
        lines = ["Nothing here." if page.number else "No requests in this server yet."]
    text = f"{whose} requests in this server, newest first.\n\n" + "\n\n".join(lines)
    return fitted_embed(
        colour=EMBED_COLOUR,
        title="/imagine history",
        description=text,
        footer=f"Page {page.number + 1}",
    )


def use_again_label(entry: Entry) -> str:
    return truncate(strip_invisible(entry.prompt or "") or "(empty)", USE_AGAIN_LABEL_LIMIT)


def use_again_description(entry: Entry, model_name: str) -> str:
    return truncate(f"{model_name} · {entry.size} · {credits(entry.credits)} last time", 100)


def forgotten(count: int, member_id: int | None = None) -> str:
    """What /imagine-forget (or its admin form, for `member_id`) erased."""
    whose = "your" if member_id is None else f"<@{member_id}>'s"
    if not count:
        return f"Nothing to erase: {whose} history in this server is empty."
    entries = "1 entry" if count == 1 else f"{count} entries"
    return f"✅ Erased {entries} of {whose} history in this server."
