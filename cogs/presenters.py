"""How the bot words things in Discord: quota lines, result embeds, refusals, error notes.

The sentences themselves live in the message catalogs (cogs/locales/, see cogs/i18n.py); here
each is chosen and filled in, for the reader whose `Words` a presenter is given. The core's
errors carry data only. Kept apart from the cogs so they say the same thing the same way.
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
    GatewayConfigError,
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
    Pause,
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
from cogs.i18n import Words, words_for

# What a call to Discord can raise: discord.py lets transport faults through unwrapped.
DISCORD_FAULTS = (discord.HTTPException, aiohttp.ClientError, OSError, TimeoutError)
NO_MENTIONS = discord.AllowedMentions.none()
EMBED_COLOUR = discord.Colour.blurple()
log = logging.getLogger("imagine.cogs")
ERROR_PREFIX = "⚠️ "
INLINE_LIST_LIMIT = FIELD_VALUE_LIMIT // 2  # a list inside a note, which audit posts repeat


def private_words(interaction: discord.Interaction[Any]) -> Words:
    """What only this member reads (ephemeral answers, refusals): in their own language."""
    return words_for(interaction.locale)


def public_words(interaction: discord.Interaction[Any]) -> Words:
    """What everyone in the channel reads (results, places in line, their buttons): in the
    server's language; English where there is no server (a DM)."""
    return words_for(interaction.guild_locale)


def literal(text: str, limit: int) -> str:
    """Member text shown as typed: markdown escaped, so `**` or `||` are not formatting."""
    return truncate(discord.utils.escape_markdown(text), limit)


def relative_time(moment: datetime) -> str:
    """Discord renders this in each member's own time zone and language."""
    return f"<t:{int(moment.timestamp())}:R>"


def full_time(moment: datetime) -> str:
    """A date and time that Discord renders in each member's own time zone and language."""
    return f"<t:{int(moment.timestamp())}:f>"


def credits(words: Words, amount: int) -> str:
    return words("credit-amount", count=amount)


def priced(words: Words, amount: int, price: Price | None) -> str:
    """Credits, and what they cost the operator where CREDIT_PRICE is set."""
    if price is None:
        return credits(words, amount)
    cost = words.money(price.of(amount), price.currency, price.places)
    return words("credit-amount-priced", credits=credits(words, amount), price=cost)


def _listing(
    words: Words, items: Sequence[str], empty: str | None = None, separator: str = "\n"
) -> Listing:
    """Items that fit, the rest counted, in the reader's words; an empty list says "none"."""

    def more(hidden: int) -> str:
        return words("listing-more", count=hidden)

    return Listing(items, more, empty or words("setting-none"), separator=separator)


def quota_summary(words: Words, status: QuotaStatus, price: Price | None = None) -> str:
    """The guild's and (if any) the member's credits left, and when they reset; with a price
    (shown to admins), what the server's use so far cost."""
    remaining, limit = status.guild_remaining, credits(words, status.guild_limit)
    if price is None:
        lines = [words("quota-server-left", remaining=remaining, limit=limit)]
    else:
        used = priced(words, status.guild_used, price)
        lines = [words("quota-server-left-used", remaining=remaining, limit=limit, used=used)]
    if status.member_limit is not None and status.member_remaining is not None:
        limit = credits(words, status.member_limit)
        lines.append(words("quota-member-left", remaining=status.member_remaining, limit=limit))
    resets = relative_time(status.resets_at)
    lines.append(words("quota-resets", resets=resets, period=status.period))
    return "\n".join(lines)


def quota_refusal(words: Words, error: QuotaExceeded) -> str:
    if error.scope == "bot":  # the operator's budget over every server
        period, resets = error.period or "day", relative_time(error.resets_at)
        return words("quota-bot-spent", period=period, resets=resets)
    return words(
        "quota-exceeded",
        scope=error.scope,
        remaining=credits(words, error.remaining),
        cost=credits(words, error.cost),
        resets=relative_time(error.resets_at),
    )


def progress_line(words: Words, plan: PlannedRequest, elapsed: int) -> str:
    doing = "progress-editing" if plan.images else "progress-generating"
    return words(doing, model=plan.model.name, seconds=elapsed)


def spent_note(words: Words, spent: Spent) -> str:
    """What a request that delivered nothing cost, in the member's words."""
    if not spent.credits:
        return words("spent-nothing")
    amount = credits(words, spent.credits)
    return words("spent-known" if spent.known else "spent-maybe", credits=amount)


def refusal(words: Words, error: QuotaExceeded | QueueFull | ShuttingDown | StoreBusy) -> str:
    """Why a request was refused before anything was spent."""
    if isinstance(error, QuotaExceeded):
        return quota_refusal(words, error)
    if isinstance(error, QueueFull) and error.scope == "member" and not error.limit:
        return words("queue-not-waiting")
    if isinstance(error, QueueFull):
        message = "queue-member-full" if error.scope == "member" else "queue-full"
        return words(message, requests=_requests(words, error.limit))
    if isinstance(error, ShuttingDown):
        return words("bot-restarting-refused")
    return words("database-busy-refused")


def failure(words: Words, error: RequestFailed | Interrupted) -> str:
    """Why a request delivered nothing, and what it cost."""
    if isinstance(error, Interrupted):
        said = words("bot-restarting")
    else:
        said = image_failure(words, error.error)
    return words("failure-with-cost", failure=said, spent=spent_note(words, error.spent))


# By exact class: a new kind of failure needs its own sentence (tests check each has one).
_IMAGE_FAILURES: dict[type[ImageAPIError], str] = {
    ContentPolicyError: "image-content-policy",
    BadRequestError: "image-bad-request",
    GatewayConfigError: "image-gateway-config",
    AuthenticationError: "image-authentication",
    RateLimitedError: "image-rate-limited",
    InsufficientQuotaError: "image-insufficient-quota",
    UpstreamUnavailableError: "image-unavailable",
    ImageTimeoutError: "image-timeout",
    MalformedResponseError: "image-malformed",
    EditsUnsupportedError: "image-edits-unsupported",
}


_MASK_PROBLEMS = {
    "not_png": "edit-mask-not-png",
    "no_alpha": "edit-mask-no-alpha",
    "size": "edit-mask-size",
}


def _megabytes(size: int) -> float:
    return size / (1024 * 1024)


def input_refusal(words: Words, error: InputRefused) -> str:
    """Why an input image or mask was refused before anything was spent."""
    if isinstance(error, BadMask):
        return words(_MASK_PROBLEMS[error.reason])
    if isinstance(error, InputTooLarge):
        size, limit = _megabytes(error.size), _megabytes(error.limit)
        return words("edit-too-large", file=literal(error.filename, 100), size=size, limit=limit)
    if isinstance(error, NotAnImage):
        return words("edit-not-an-image", file=literal(error.filename, 100))
    if isinstance(error, TooManyPixels):
        return words(
            "edit-too-many-pixels",
            file=literal(error.filename, 100),
            megapixels=error.limit // 1_000_000,
        )
    if isinstance(error, Unreadable):
        return words("edit-unreadable", file=literal(error.filename, 100))
    raise AssertionError(f"no wording for {error!r}")


def edits_unsupported(words: Words, model_name: str) -> str:
    """A gateway without edits refunds in full: one line, naming the model."""
    return words("image-edits-unsupported-model", model=model_name)


def image_failure(words: Words, error: ImageAPIError) -> str:
    """What went wrong at the image service, never in its own words (they may hold the key)."""
    if type(error) is BadRequestError and error.param is not None:
        return words("image-bad-parameter", param=error.param)
    return words(_IMAGE_FAILURES[type(error)])


def rejection(words: Words, error: RequestRejected) -> str:
    """Why the catalog refused a request before anything was spent."""
    if isinstance(error, UnknownModel):
        return words("rejected-unknown-model", model=error.model_id, known=", ".join(error.known))
    if isinstance(error, EmptyPrompt):
        return words("rejected-empty-prompt")
    if isinstance(error, PromptTooLong):
        most = error.model.max_prompt_length
        return words(
            "rejected-prompt-too-long", length=error.length, model=error.model.name, most=most
        )
    if isinstance(error, SizeNotOffered):
        allowed = _sizes(words, error.model)
        return words("rejected-size", model=error.model.name, size=error.size, allowed=allowed)
    if isinstance(error, TooManyImages):
        return words("rejected-too-many-images", model=error.model.name, most=error.model.max_n)
    if isinstance(error, NoSuchOption):
        return words("rejected-no-such-option", model=error.model.name, option=error.option)
    if isinstance(error, ValueNotOffered):
        return words(
            "rejected-value",
            model=error.model.name,
            option=error.option,
            value=error.value,
            allowed=", ".join(error.allowed),
        )
    if isinstance(error, UnknownOptions):
        return words(
            "rejected-unknown-options", model=error.model.name, options=", ".join(error.options)
        )
    if isinstance(error, EditsNotOffered):
        return words("rejected-edits-not-offered", model=error.model.name)
    if isinstance(error, TooManyInputs):
        most = error.model.edit_max_images
        return words(
            "rejected-too-many-inputs", model=error.model.name, most=most, count=error.count
        )
    if isinstance(error, MaskNotOffered):
        return words("rejected-mask-not-offered", model=error.model.name)
    if isinstance(error, AspectSizeConflict):
        return words(
            "rejected-aspect-size",
            aspect=error.aspect,
            aspect_size=error.aspect_size,
            model=error.model.name,
            size=error.size,
        )
    if isinstance(error, ExtraConflict):
        return words(
            "rejected-extra-conflict",
            model=error.model.name,
            when_option=error.when_option,
            when_value=error.when_value,
            option=error.option,
            value=error.value,
            allowed=", ".join(error.allowed),
        )
    raise AssertionError(f"no wording for {error!r}")


def _sizes(words: Words, model: ModelSpec) -> str:
    """The sizes a model offers: its listed ones, and its range of free-form ones."""
    listed = ", ".join(model.sizes)
    custom = model.custom_size
    if custom is None:
        return listed
    return words(
        "rejected-sizes-custom",
        listed=listed,
        least=custom.min,
        most=custom.max,
        step=custom.multiple_of,
    )


# Discord's names of the permissions a command may require (discord.py's attribute names).
_PERMISSION_NAMES = {
    "manage_guild": "permission-manage-guild",
    "manage_channels": "permission-manage-channels",
}


def _permission_name(words: Words, attribute: str) -> str:
    """The permission as members see it in Discord's settings."""
    if attribute in _PERMISSION_NAMES:
        return words(_PERMISSION_NAMES[attribute])
    return attribute.replace("_", " ").title()  # Discord's own English name, as a fallback


def command_refusal(
    words: Words, error: app_commands.CheckFailure | app_commands.TransformerError
) -> str:
    """Why discord.py refused a command before it ran: a check, or an option's value."""
    if isinstance(error, app_commands.MissingPermissions):
        needed = words.series([_permission_name(words, p) for p in error.missing_permissions])
        return words("command-missing-permissions", permissions=needed)
    if isinstance(error, app_commands.NoPrivateMessage):
        return words("command-guild-only")
    if isinstance(error, app_commands.CommandOnCooldown):
        return words("command-cooldown", seconds=error.retry_after)
    if isinstance(error, app_commands.TransformerError):
        return words("command-bad-value", value=str(error.value))
    return words("command-refused")


def policy_refusal(words: Words, error: InvalidPolicy) -> str:
    """Why /quota set refused the admin's values."""
    if error.field is None:
        return words("quota-invalid-nothing")
    if error.field == "period":
        return words("quota-invalid-period")
    if isinstance(error, AboveCeiling):
        return words("quota-above-ceiling", ceiling=credits(words, error.ceiling))
    return words("quota-invalid-budget", budget=error.field, most=MAX_CREDITS)


def policy_saved(words: Words, policy: QuotaPolicy) -> str:
    return words("quota-saved", summary=policy_summary(words, policy))


def forgiveness(words: Words, forgiven: int, member_id: int | None) -> str:
    """What /quota reset did: whose use of this period it forgave (None: everyone's)."""
    if member_id is None:
        if forgiven:
            return words("quota-forgave-everyone", credits=credits(words, forgiven))
        return words("quota-nothing-to-forgive-everyone")
    member = f"<@{member_id}>"
    if forgiven:
        return words("quota-forgave-member", credits=credits(words, forgiven), member=member)
    return words("quota-nothing-to-forgive-member", member=member)


def usage_embed(
    words: Words,
    report: UsageReport,
    model_name: Callable[[str], str],
    price: Price | None = None,
) -> discord.Embed:
    """Totals, then the biggest spenders and models; lists are cut to whole lines."""
    summary = words(
        "usage-summary",
        credits=priced(words, report.credits, price),
        requests=_requests(words, report.requests),
        since=full_time(report.period_start),
    )
    resets = words("usage-resets", resets=relative_time(report.resets_at), period=report.period)
    description = f"{summary}\n{resets}"
    title = words("usage-title")
    if not report.requests:
        return _embed(title, description)

    def line(who: str, amount: str, requests: int) -> str:
        return words("usage-line", who=who, credits=amount, requests=_requests(words, requests))

    members = [
        line(f"<@{m.member_id}>", priced(words, m.credits, price), m.requests)
        for m in report.by_member
    ]
    models = [
        line(model_name(m.model), priced(words, m.credits, price), m.requests)
        for m in report.by_model
    ]
    kinds = [
        line(words(_KIND_NAMES[k.kind]), credits(words, k.credits), k.requests)
        for k in report.by_kind
    ]
    fields = (
        Field(words("usage-top-members"), _listing(words, members), inline=False),
        Field(words("usage-by-model"), _listing(words, models), inline=False),
        Field(words("usage-by-kind"), _listing(words, kinds), inline=False),
    )
    # A period with requests gets the chart below, which carries no words of its own.
    footer = words("usage-chart")
    return fitted_embed(
        colour=EMBED_COLOUR, title=title, description=description, fields=fields, footer=footer
    )


_KIND_NAMES = {"generation": "usage-kind-generation", "edit": "usage-kind-edit"}


def policy_summary(words: Words, policy: QuotaPolicy) -> str:
    """A guild's budgets in one sentence, as /quota set confirms them."""
    member = (
        words("quota-summary-member", credits=credits(words, policy.member_credits))
        if policy.member_credits
        else words("quota-summary-no-member")
    )
    return words(
        "quota-summary",
        credits=credits(words, policy.guild_credits),
        period=policy.period,
        member=member,
    )


def _embed(title: str | None, description: str | None, *fields: Field) -> discord.Embed:
    return fitted_embed(colour=EMBED_COLOUR, title=title, description=description, fields=fields)


def _requests(words: Words, count: int) -> str:
    return words("request-amount", count=count)


def defaults_applied(words: Words, used: DefaultsUsed) -> str:
    """Which options came from whose defaults: "yours: Model and Style; the server's: Quality"."""
    said = {}
    for whose, message in (("member", "defaults-mine"), ("server", "defaults-server")):
        options = [_option_field(words, option) for w, option, _ in used.applied if w == whose]
        if options:
            said[whose] = words(message, options=words.series(options))
    if len(said) == 2:
        return words("defaults-both", mine=said["member"], server=said["server"])
    return "".join(said.values())


def skipped_default(words: Words, whose: str, model_id: str) -> str:
    message = "defaults-skipped-mine" if whose == "member" else "defaults-skipped-server"
    return words(message, model=model_id)


def model_not_offered(words: Words, name: str) -> str:
    return words("model-not-offered", model=name)


def defaults_shown(
    words: Words, whose: str, options: RequestOptions | None, catalog: Catalog
) -> str:
    """One set of defaults, in one line; option names stay as members type them."""
    mine = whose == "member"
    if options is None or options == RequestOptions():
        return words("defaults-mine-none" if mine else "defaults-server-none")
    model = catalog.get(options.model) if options.model else None
    shown = [("model", model.name if model else options.model)] if options.model else []
    shown += [
        (label, value)
        for label, value in (
            ("size", options.size),
            ("aspect", options.aspect),
            ("quality", options.quality),
        )
        if value
    ]
    shown += list(options.extra.items())
    parts = ", ".join(words("defaults-option", option=o, value=v or "") for o, v in shown)
    return words("defaults-mine-shown" if mine else "defaults-server-shown", options=parts)


def defaults_cleared(words: Words, whose: str, removed: bool) -> str:
    if not removed:
        return words("defaults-none-to-clear")
    return words("defaults-mine-cleared" if whose == "member" else "defaults-server-cleared")


def option_label(name: str) -> str:
    """A model's own option as a member reads it: `output_format` is "Output format"."""
    return name.replace("_", " ").capitalize()


# The options the catalogs name, as result fields; another (a models file's own) is shown by its
# option name.
_OPTION_FIELDS = {
    "model": "field-model",
    "size": "field-size",
    "aspect": "field-aspect",
    "quality": "field-quality",
    "style": "field-style",
    "background": "field-background",
    "output_format": "field-output-format",
}


def _option_field(words: Words, name: str) -> str:
    return words(_OPTION_FIELDS[name]) if name in _OPTION_FIELDS else option_label(name)


def result_embed(
    words: Words, plan: PlannedRequest, result: Generated, requester: discord.abc.User
) -> discord.Embed:
    fields = [Field(words("field-model"), plan.model.name), Field(words("field-size"), plan.size)]
    if plan.quality:
        fields.append(Field(words("field-quality"), plan.quality))
    fields += [Field(_option_field(words, n), value) for n, value in plan.extra.items() if value]
    if result.revised_prompt and result.revised_prompt != plan.prompt:
        revised = literal(result.revised_prompt, FIELD_VALUE_LIMIT)
        fields.append(Field(words("result-revised-prompt"), revised, False))
    left = (
        words("database-uncounted") if result.quota is None else quota_summary(words, result.quota)
    )
    fields.append(Field(words("result-cost", credits=credits(words, result.credits)), left, False))
    notes = []
    if plan.defaults is not None:
        if plan.defaults.applied:
            applied = defaults_applied(words, plan.defaults)
            fields.append(Field(words("result-defaults-used"), applied, False))
        notes += [skipped_default(words, w, model_id) for w, model_id in plan.defaults.skipped]
    if result.reencoded:
        notes.append(words("result-reencoded"))
    if result.dropped:
        notes.append(words("result-dropped", count=result.dropped))
    return fitted_embed(
        colour=EMBED_COLOUR,
        description=literal(plan.prompt, 3000),
        fields=fields,
        footer=words.sentences(*notes) or None,
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


def _mentions(words: Words, mentions: Sequence[str]) -> str:
    """A list inside a sentence: some whole mentions, the rest counted."""
    return _listing(words, mentions, separator=", ").fit(INLINE_LIST_LIMIT)


def _strikes(words: Words, strike: StrikeOutcome | None) -> str:
    if strike is None:  # the database was busy: not counted
        return ""
    if strike.limit:
        text = words("strike-counted-of", count=strike.count, limit=strike.limit)
    else:
        text = words("strike-counted", count=strike.count)
    if strike.paused:
        return words.sentences(text, words("strike-paused"))
    return text


def rule_refusal(words: Words, refusal: Refusal, model_name: str) -> str:
    """The one line a member reads when a rule refuses their request (nothing was spent)."""
    if isinstance(refusal, Paused):
        if refusal.by_strikes:  # a pause's reason is a moderator's, never the strike limit's
            return words("rule-paused-strikes")
        if refusal.reason:
            return words("rule-paused-reason", reason=literal(refusal.reason, 200))
        return words("rule-paused")
    if isinstance(refusal, ChannelNotAllowed):
        channels = _mentions(words, [f"<#{i}>" for i in refusal.channel_ids])
        return words("rule-channel", channels=channels)
    if isinstance(refusal, RoleNotAllowed):
        roles = _mentions(words, [f"<@&{i}>" for i in refusal.role_ids])
        return words("rule-role", roles=roles)
    if isinstance(refusal, NsfwOnly):
        return words("rule-nsfw-only")
    if isinstance(refusal, ModelDisabled):
        return words("rule-model-disabled", model=model_name)
    if isinstance(refusal, BlockedTerm):
        term = literal(strip_invisible(refusal.quoted), 100)
        return words(
            "rule-blocked-builtin-term" if refusal.builtin else "rule-blocked-term", term=term
        )
    if isinstance(refusal, CoolingDown):
        return words("rule-cooldown", when=relative_time(refusal.until))
    if isinstance(refusal, Flagged):
        return with_strike(words, words("rule-flagged"), refusal.strike)
    if isinstance(refusal, ModerationDown):
        return words("rule-moderation-down")
    raise AssertionError(f"no wording for {refusal!r}")


def with_strike(words: Words, why: str, strike: StrikeOutcome | None) -> str:
    """A refusal (the gateway's safety refusal, or pre-moderation's), and the strike it cost."""
    return words.sentences(why, _strikes(words, strike))


def _pause_reason(words: Words, pause: Pause) -> str:
    """Why a member is paused: the moderator's words, or the strike limit (whose older rows
    carry an English reason of the bot's own, not shown)."""
    if pause.by is None:
        return words("policy-paused-strikes")
    return literal(pause.reason, 100) if pause.reason else ""


def yes_no(words: Words, flag: bool) -> str:
    return words("setting-on" if flag else "setting-off")


def policy_embed(
    words: Words,
    policy: GuildPolicy,
    quota: QuotaPolicy,
    model_names: Mapping[str, str],
    queue: GuildQueue,
) -> discord.Embed:
    """The guild's whole moderation and budget policy on one embed (/imagine-admin show)."""
    member = (
        credits(words, quota.member_credits)
        if quota.member_credits
        else words("quota-summary-no-member")
    )
    budgets = sorted(policy.role_budgets.items(), key=lambda item: -item[1])
    lists = [_entries(words, kind, policy) for kind in ("channel", "role")]
    limits = queue.limits
    budget = words(
        "policy-budgets-value",
        credits=credits(words, quota.guild_credits),
        period=quota.period,
        member=member,
    )
    role_budgets = [
        words("policy-role-budget", role=f"<@&{role}>", credits=credits(words, amount))
        for role, amount in budgets
    ]
    off = words("setting-off")
    cooldown = policy.cooldown_seconds
    paused = [
        f"<@{member_id}>" + (f": {reason}" if (reason := _pause_reason(words, p)) else "")
        for member_id, p in policy.paused.items()
    ]
    live = [
        words(
            "policy-live-member", member=f"<@{m.member_id}>", running=m.running, waiting=m.waiting
        )
        for m in queue.members
    ]
    return _embed(
        words("policy-title"),
        None,
        Field(words("policy-budgets"), budget, inline=False),
        Field(words("policy-role-budgets"), _listing(words, role_budgets), inline=False),
        *(Field(title, _listing(words, lines, empty)) for title, lines, empty in lists),
        Field(
            words("policy-models"),
            _listing(
                words,
                [
                    f"{'✅' if policy.model_enabled(model_id) else '🚫'} {name}"
                    for model_id, name in model_names.items()
                ],
            ),
        ),
        Field(words("policy-nsfw-only"), yes_no(words, policy.nsfw_only)),
        Field(
            words("policy-cooldown"),
            words("duration-seconds-bare", seconds=cooldown) if cooldown else off,
        ),
        Field(
            words("policy-strike-limit"),
            words.number(policy.strike_limit) if policy.strike_limit else off,
        ),
        Field(
            words("policy-audit-channel"),
            f"<#{policy.audit_channel_id}>" if policy.audit_channel_id else words("setting-none"),
        ),
        Field(
            words("policy-blocked-terms"),
            words(
                "policy-blocked-terms-value",
                count=len(policy.blocked_terms),
                builtin=yes_no(words, policy.builtin_terms),
            ),
        ),
        Field(words("policy-paused"), _listing(words, paused), inline=False),
        Field(
            words("policy-queue"),
            words(
                "policy-queue-value",
                running=limits.guild_concurrency,
                member_running=limits.member_concurrency,
                waiting=_requests(words, limits.queue_limit),
                member_waiting=limits.member_queue_limit,
            ),
            inline=False,
        ),
        Field(
            words("policy-live-queue", running=queue.running, waiting=queue.waiting),
            _listing(words, live),
            inline=False,
        ),
    )


def audit_generation_embed(
    words: Words,
    requester: discord.abc.User,
    channel_id: int,
    plan: PlannedRequest,
    spent: int,
    link: str | None,
    thumbnail: str | None = None,
) -> discord.Embed:
    """One generation or edit, for the moderators' audit channel; an edit shows its input."""
    embed = _audit_embed(
        words,
        words("audit-edited" if plan.images else "audit-generated"),
        requester,
        channel_id,
        plan.prompt,
        Field(words("field-model"), plan.model.name),
        Field(words("field-size"), plan.size),
        Field(words("field-quality"), plan.quality or words("audit-quality-default")),
        Field(words("audit-images"), words.number(plan.n)),
        Field(words("audit-credits"), words.number(spent)),
        Field(
            words("audit-result"),
            words("audit-jump", link=link) if link else words("audit-not-delivered"),
        ),
    )
    if thumbnail:
        embed.set_thumbnail(url=thumbnail)
    return embed


def audit_refusal_embed(
    words: Words,
    requester: discord.abc.User,
    channel_id: int,
    prompt: str,
    refusal: Refusal,
    model_name: str,
) -> discord.Embed:
    """A request a rule refused, with the sentence the member read (in the server's language)."""
    return _audit_embed(
        words,
        words("audit-refused", rule=words("rule-name", rule=refusal.rule)),
        requester,
        channel_id,
        prompt,
        Field(words("audit-why"), rule_refusal(words, refusal, model_name), inline=False),
    )


def audit_strike_embed(
    words: Words,
    requester: discord.abc.User,
    channel_id: int,
    prompt: str,
    why: str,
    strike: StrikeOutcome | None,
) -> discord.Embed:
    """A strike (the gateway's safety refusal or pre-moderation), and whether it paused."""
    fields = [Field(words("audit-why"), why, inline=False)]
    strikes = words("audit-strikes")
    if strike is None:
        fields.append(Field(strikes, words("audit-strikes-uncounted")))
    else:
        count = (
            words("audit-strikes-count-of", count=strike.count, limit=strike.limit)
            if strike.limit
            else words.number(strike.count)
        )
        fields.append(Field(strikes, count))
        paused = words("setting-yes" if strike.paused else "setting-no")
        fields.append(Field(words("audit-paused"), paused))
    return _audit_embed(words, words("audit-strike"), requester, channel_id, prompt, *fields)


def _audit_embed(
    words: Words,
    title: str,
    requester: discord.abc.User,
    channel_id: int,
    prompt: str,
    *fields: Field,
) -> discord.Embed:
    return _embed(
        title,
        literal(prompt, 3000),
        Field(words("audit-member"), f"<@{requester.id}>"),
        Field(words("audit-channel"), f"<#{channel_id}>"),
        *fields,
    )


# What an /imagine-admin list change says: added, removed, already there, not there.
_LIST_CHANGES: dict[EntryKind, tuple[str, str, str, str]] = {
    "term": ("list-blocked", "list-unblocked", "list-already-blocked", "list-not-blocked"),
    "channel": ("list-channel-added", "list-removed", "list-already-listed", "list-not-listed"),
    "role": ("list-role-added", "list-removed", "list-already-listed", "list-not-listed"),
    "disabled_model": (
        "list-model-disabled",
        "list-model-enabled",
        "list-model-already-disabled",
        "list-model-already-enabled",
    ),
}


def list_change(words: Words, kind: EntryKind, add: bool, changed: bool, shown: str) -> str:
    """What an /imagine-admin list change did, in one line."""
    added, removed, already, absent = _LIST_CHANGES[kind]
    if changed:
        return words(added if add else removed, entry=shown)
    return words(already if add else absent, entry=shown)


def pause_change(words: Words, member_id: int, *, pausing: bool, changed: bool) -> str:
    member = f"<@{member_id}>"
    if pausing:
        return words("member-paused" if changed else "member-already-paused", member=member)
    return words("member-unpaused" if changed else "member-not-paused", member=member)


def role_budget_change(words: Words, role_id: int, amount: int | None, changed: bool) -> str:
    """What /quota role did."""
    role = f"<@&{role_id}>"
    if amount is not None:
        return words("quota-role-budget-set", role=role, credits=credits(words, amount))
    if changed:
        return words("quota-role-budget-removed", role=role)
    return words("quota-role-budget-unchanged", role=role)


def entry_list(words: Words, kind: EntryKind, policy: GuildPolicy) -> str:
    """One of the guild's lists, as `/imagine-admin … list` shows it."""
    title, lines, empty = _entries(words, kind, policy)
    return f"**{title}**\n{_listing(words, lines, empty).fit(FIELD_VALUE_LIMIT)}"


def quoted_term(words: Words, term: str) -> str:
    """A blocked term as lists and answers show it: escaped, in the reader's quotes."""
    return words("quoted", text=literal(term, 100))


def _entries(words: Words, kind: EntryKind, policy: GuildPolicy) -> tuple[str, list[str], str]:
    """A list's title, its lines, and what an empty list means."""
    if kind == "term":
        terms = [quoted_term(words, t) for t in policy.blocked_terms]
        return words("entries-terms"), terms, words("entries-no-terms")
    if kind == "channel":
        channels = [f"<#{c}>" for c in sorted(policy.channel_ids)]
        return words("entries-channels"), channels, words("entries-everywhere")
    if kind == "role":
        roles = [f"<@&{r}>" for r in sorted(policy.role_ids)]
        return words("entries-roles"), roles, words("entries-everyone")
    raise AssertionError(f"no list of {kind}")


def invalid_setting(words: Words, error: InvalidSetting | InvalidTerm | InvalidQueueLimit) -> str:
    """Why /imagine-admin or /quota role refused the admin's value."""
    if isinstance(error, InvalidQueueLimit):
        return words("setting-invalid-queue", limit=error.field, least=error.least, most=error.most)
    if isinstance(error, InvalidTerm):
        if error.reason == "empty":
            return words("setting-term-empty")
        if error.reason == "too_many":
            return words("setting-too-many-terms", most=MAX_BLOCKED_TERMS)
        return words("setting-term-too-long", most=MAX_TERM_LENGTH)
    if error.field is None:
        return words("setting-nothing")
    if error.field == "cooldown_seconds":
        return words("setting-invalid-cooldown", most=MAX_COOLDOWN_SECONDS)
    if error.field == "strike_limit":
        return words("setting-invalid-strike-limit", most=MAX_STRIKE_LIMIT)
    return words("setting-invalid-role-budget", most=MAX_CREDITS)


def duration(words: Words, seconds: float, *, rough: bool = True) -> str:
    """A rough duration: "about 40 s", "about 3 min" (without "about" where `rough` is off)."""
    if seconds < 90:
        amount = max(5, round(seconds / 5) * 5)
        return words("duration-seconds" if rough else "duration-seconds-bare", seconds=amount)
    minutes = round(seconds / 60)
    return words("duration-minutes" if rough else "duration-minutes-bare", minutes=minutes)


def queue_place(words: Words, position: Position) -> str:
    """A waiting request's deferred message."""
    place = position.place
    return words(
        "queue-place",
        place=place,
        ordinal=words.ordinal(place),
        duration=duration(words, position.estimate_seconds),
    )


def left_line(words: Words, error: LeftLine, timeout_seconds: float, model_name: str) -> str:
    """Why a request that waited in line never ran."""
    if error.refusal is not None:
        return words("left-line-refused", why=rule_refusal(words, error.refusal, model_name))
    if error.reason is LeaveReason.TIMED_OUT:
        waited = duration(words, timeout_seconds, rough=False)
        return words("left-line-timed-out", duration=waited)
    return words("left-line-cancelled")


def expelled_note(words: Words, count: int) -> str:
    """What a rule change did to the requests waiting in line, added to the admin's answer."""
    if not count:
        return ""
    return words("queue-expelled", count=count, requests=_requests(words, count))


def cancel_outcome(words: Words, cancelled: bool, found: bool) -> str:
    """What the member who pressed Cancel is told."""
    if cancelled:
        return words("cancel-done")
    return words("cancel-running" if found else "cancel-gone")


# -- history and privacy (/imagine-history, /imagine-forget) ----------------------------------

HISTORY_PROMPT_LIMIT = 150
MODEL_NAME_LIMIT = 40  # ten entries of at most ~370 characters fit an embed's description
USE_AGAIN_LABEL_LIMIT = 100


def history_outcome(words: Words, entry: Entry, guild_id: int) -> str:
    """What became of a request: delivered (with a jump link while the result exists),
    refunded, or refused, and by which rule."""
    if entry.outcome == "refused":
        return words("history-refused-rule", rule=words("rule-name", rule=entry.why or ""))
    if entry.outcome == "pending":
        return words("history-pending")
    if entry.outcome == "unknown":
        return words("history-unknown")
    if entry.outcome == "refunded":
        if entry.why == ContentPolicyError.__name__:
            return words("history-refunded-safety")
        return words("history-refunded")
    if entry.message_id is not None and entry.channel_id is not None:
        link = f"https://discord.com/channels/{guild_id}/{entry.channel_id}/{entry.message_id}"
        return words("history-delivered-link", link=link)
    return words("history-delivered")


def history_line(words: Words, entry: Entry, model_name: str, guild_id: int) -> str:
    """One entry of /imagine-history: when, model and options, credits, outcome, prompt."""
    options = " ".join(o for o in (entry.size, entry.quality) if o)
    if entry.n > 1:
        options += f" ×{entry.n}"
    if entry.kind == "edit":
        options += " · " + words("history-edit")
    refused = entry.outcome == "refused"
    cost = words("history-nothing-spent") if refused else credits(words, entry.credits)
    prompt = (
        words("quoted", text=literal(entry.prompt, HISTORY_PROMPT_LIMIT))
        if entry.prompt
        else words("history-no-prompt")
    )
    return (
        f"{full_time(entry.created_at)} · {literal(model_name, MODEL_NAME_LIMIT)}"
        f" · {options} · {cost} · {history_outcome(words, entry, guild_id)}\n{prompt}"
    )


def history_embed(
    words: Words,
    page: Page,
    member_id: int,
    own: bool,
    model_name: Callable[[str], str],
    guild_id: int,
) -> discord.Embed:
    """A page of a member's history in this server, newest first."""
    heading = words("history-mine") if own else words("history-member", member=f"<@{member_id}>")
    lines = [history_line(words, e, model_name(e.model), guild_id) for e in page.entries]
    if not lines:
        lines = [words("history-empty-page" if page.number else "history-empty")]
    return fitted_embed(
        colour=EMBED_COLOUR,
        title=words("history-title"),
        description=f"{heading}\n\n" + "\n\n".join(lines),
        footer=words("history-page", page=page.number + 1),
    )


def use_again_label(words: Words, entry: Entry) -> str:
    label = strip_invisible(entry.prompt or "") or words("use-again-empty")
    return truncate(label, USE_AGAIN_LABEL_LIMIT)


def use_again_description(words: Words, entry: Entry, model_name: str) -> str:
    said = words(
        "use-again-description",
        model=model_name,
        size=entry.size,
        credits=credits(words, entry.credits),
    )
    return truncate(said, 100)


def forgotten(words: Words, count: int, member_id: int | None = None) -> str:
    """What /imagine-forget (or its admin form, for `member_id`) erased."""
    if member_id is None:
        if not count:
            return words("forgotten-nothing-mine")
        return words("forgotten-mine", count=count)
    member = f"<@{member_id}>"
    if not count:
        return words("forgotten-nothing-member", member=member)
    return words("forgotten-member", count=count, member=member)
