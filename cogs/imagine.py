"""/imagine: parse the options, defer, hand the request to the core, render what comes back.

Results carry persistent Re-roll, Remix, Edit and Delete buttons (`ResultButton`, one row built from
`RESULT_ACTIONS`); a request waiting in the fair queue shows its place and a Cancel button (a
`ResultButton` too). Edits (cogs/edit.py) are served by the same `serve` and `run`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import logging
import re
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import bind_interaction
from bot.catalog import ModelSpec, PlannedRequest, RequestOptions, RequestRejected
from bot.defaults import Resolved, resolve
from bot.edit_inputs import InputRefused
from bot.fitting import shrink
from bot.generation import (
    DuplicateRequest,
    Generated,
    Interrupted,
    LeftLine,
    Requester,
    RequestFailed,
    Reserved,
    ShuttingDown,
    StoreBusy,
    refusal_rule,
)
from bot.images import ContentPolicyError, EditsUnsupportedError
from bot.policy import GATEWAY_STRIKE, Asker, Flagged
from bot.policy import Refusal as RuleRefusal
from bot.queue import QueueFull
from bot.quota import QuotaExceeded, Reservation
from bot.rule_changes import enforce_on_line, refusal_on_joining
from bot.store import StoreUnavailable
from cogs.access import admitted
from cogs.command_text import described
from cogs.enforcement import AuditChannel, asker_of
from cogs.errors import is_duplicate, report_unexpected, tell
from cogs.i18n import Words
from cogs.presenters import (
    DISCORD_FAULTS,
    NO_MENTIONS,
    audit_generation_embed,
    audit_refusal_embed,
    audit_strike_embed,
    cancel_outcome,
    edits_unsupported,
    failure,
    image_failure,
    input_refusal,
    left_line,
    private_words,
    progress_line,
    public_words,
    queue_place,
    refusal,
    rejection,
    result_embed,
    rule_refusal,
    send_error,
    with_strike,
)
from cogs.remix import remix_modal
from cogs.settings import focused

if TYPE_CHECKING:
    from bot.app import ImagineBot

log = logging.getLogger("imagine.cogs.imagine")

MAX_AUTOCOMPLETE = 25
PROGRESS_SETTLE_SECONDS = 5
DELIVERY_ATTEMPTS = 2  # per route: the edit, then the channel
REFUSALS = (QuotaExceeded, QueueFull, ShuttingDown, StoreBusy)  # refused before anything ran
QUEUE_EDIT_INTERVAL = 3.0  # at most one edit of a waiting request's place per this many seconds
PROMPT_OPTION_MAX = 6000  # Discord's cap on a string option; each model's own cap is checked too


# Each action's label (a message id: said in the server's language), emoji and style.
_BUTTONS = {
    "reroll": ("button-reroll", "🎲", discord.ButtonStyle.primary),
    "remix": ("button-remix", "🔀", discord.ButtonStyle.secondary),
    "edit": ("button-edit", "✏️", discord.ButtonStyle.secondary),
    "delete": ("button-delete", "🗑️", discord.ButtonStyle.secondary),
    "cancel": ("button-cancel", "✖️", discord.ButtonStyle.secondary),
}
# The result row, in order; each action targets the request ("id") or its requester ("owner").
# A new result button is one entry here, one in `_BUTTONS` and one handler.
RESULT_ACTIONS: tuple[tuple[str, Literal["id", "owner"]], ...] = (
    ("reroll", "id"),
    ("remix", "id"),
    ("edit", "id"),
    ("delete", "owner"),
)
# An edit's inputs are not kept, so its result cannot be run again as it was.
_NOT_FOR_EDITS = frozenset({"reroll", "remix"})


class ResultButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=rf"imagine:(?P<action>{'|'.join(_BUTTONS)}):(?P<target>[0-9]+)",
):
    """Re-roll, Remix, Edit or Cancel (target: the request's interaction id), or Delete (target:
    the requester's id). Cancel sits on a request waiting in line, the others on a result; Edit
    is handled by the Edit cog.

    The state lives in the custom_id, so the buttons keep working after a restart. discord.py
    only logs what a dynamic item raises, so an unexpected failure is reported here instead.
    """

    def __init__(self, words: Words, action: str, target: int) -> None:
        label, emoji, style = _BUTTONS[action]
        super().__init__(
            discord.ui.Button(
                label=words(label), emoji=emoji, style=style, custom_id=f"imagine:{action}:{target}"
            )
        )
        self.action = action
        self.target = target

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> ResultButton:
        return cls(public_words(interaction), match["action"], int(match["target"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        cog = interaction.client.get_cog(ImagineCog.__cog_name__)
        assert isinstance(cog, ImagineCog)
        handlers: dict[str, Callable[[discord.Interaction[Any], int], Awaitable[None]]] = {
            "reroll": cog.rerun,
            "remix": cog.remix,
            "delete": cog.delete,
            "cancel": cog.cancel,
        }
        editor = interaction.client.get_cog("Edit")
        if editor is not None:
            handlers["edit"] = editor.edit_result
        try:
            if not await admitted(interaction):
                return
            handler = handlers[self.action]
            await handler(interaction, self.target)
        except Exception as error:
            await report_unexpected(interaction, error, f"button {self.action}")


def result_view(
    words: Words, request_id: int, owner_id: int, *, edit: bool = False
) -> discord.ui.View:
    """The result row; an edit's result has no Re-roll or Remix (its inputs are not kept)."""
    view = discord.ui.View(timeout=None)
    for action, target in RESULT_ACTIONS:
        if edit and action in _NOT_FOR_EDITS:
            continue
        view.add_item(ResultButton(words, action, request_id if target == "id" else owner_id))
    return view


def cancel_view(words: Words, request_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ResultButton(words, "cancel", request_id))
    return view


class NotRerollable(Exception):
    """The request behind a Re-roll button is gone (another guild's, or its prompt purged)."""


class RuleBroken(Exception):
    """A rule of the guild's moderation policy refused the request; nothing was reserved."""

    def __init__(self, refusal: RuleRefusal, plan: PlannedRequest) -> None:
        super().__init__(refusal)
        self.refusal = refusal
        self.plan = plan


class ImagineCog(commands.Cog, name="Imagine"):
    progress_interval: float = 10.0
    # How long a reservation may take before Discord is answered: a refusal within it is
    # private from the start; a slower store gets the public "thinking…" first.
    answer_within: float = 1.0
    retry_delay: float = 0.5  # before a delivery tries again after a transport fault

    def __init__(self, bot: ImagineBot) -> None:
        self.bot = bot
        self.audit = AuditChannel(bot)

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(ResultButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(ResultButton)

    @app_commands.command(name="imagine", description=described("cmd-imagine"))
    @app_commands.guild_only()
    @app_commands.describe(
        prompt=described("cmd-imagine-prompt"),
        model=described("cmd-imagine-model"),
        size=described("cmd-size"),
        quality=described("cmd-quality"),
        n=described("cmd-count"),
        aspect=described("cmd-imagine-aspect"),
        style=described("cmd-imagine-style"),
        background=described("cmd-imagine-background"),
        output_format=described("cmd-imagine-output-format"),
    )
    async def imagine(
        self,
        interaction: discord.Interaction[ImagineBot],
        prompt: app_commands.Range[str, 1, PROMPT_OPTION_MAX],
        model: str | None = None,
        size: str | None = None,
        quality: str | None = None,
        n: app_commands.Range[int, 1, 10] = 1,
        aspect: str | None = None,
        style: str | None = None,
        background: str | None = None,
        output_format: str | None = None,
    ) -> None:
        chosen = {"style": style, "background": background, "output_format": output_format}
        extra = {name: value for name, value in chosen.items() if value is not None}
        typed = RequestOptions(model, size, aspect, quality, n, extra)
        with self.bot.finishing():
            await self.serve(interaction, self._reserve_new(interaction, prompt, typed))

    async def _reserve_new(
        self, interaction: discord.Interaction[Any], prompt: str, typed: RequestOptions
    ) -> Reserved:
        """What the member typed, filled in from the defaults, planned and reserved."""
        resolved = await self._with_defaults(interaction, typed)
        plan = self.bot.catalog.plan_options(prompt, resolved.options)
        plan = dataclasses.replace(plan, defaults=resolved.used or None)
        return await self.reserve(interaction, plan)

    async def reserve(
        self, interaction: discord.Interaction[Any], plan: PlannedRequest
    ) -> Reserved:
        """The guild's moderation rules, then the credits (the member's role budget, if any).

        Raises `RuleBroken`, or what `GenerationService.reserve` raises. The cooldown starts
        in the rules' check, and is withdrawn if the reservation refuses; a duplicate delivery
        leaves the first delivery's cooldown alone. Rules changed while pre-moderation or the
        credits were awaited are applied once the request is in line: it is given back, refused.
        """
        asker = asker_of(interaction)
        policy, generation = self.bot.policy, self.bot.generation
        judged_by = await policy.policy(asker.guild_id)  # what `check` reads, with no await
        broken = await policy.check(asker, plan.model.id, plan.prompt, request_id=interaction.id)
        if broken is not None:
            raise RuleBroken(broken, plan)
        try:
            budget = await policy.member_credits(asker.guild_id, asker.role_ids)
            request = await generation.reserve(_requester(interaction, budget, asker), plan)
        except REFUSALS as refused:
            policy.not_accepted(asker.guild_id, asker.member_id, interaction.id)
            if not isinstance(refused, StoreBusy):  # a busy database would not take it either
                await self._remember_refusal(interaction, plan, refusal_rule(refused))
            raise
        refusal = await refusal_on_joining(policy, request, judged_by)
        if refusal is not None:
            policy.not_accepted(asker.guild_id, asker.member_id, interaction.id)
            await asyncio.shield(generation.withdraw(request, f"refused: {refusal.rule}"))
            raise RuleBroken(refusal, plan)
        return request

    async def _remember_refusal(
        self, interaction: discord.Interaction[Any], plan: PlannedRequest, rule: str
    ) -> None:
        """Put a refused request in the member's history; the refusal stands if this fails."""
        try:
            await self.bot.history.refused(
                interaction.id,
                _guild_id(interaction),
                interaction.user.id,
                _channel_id(interaction),
                plan,
                rule,
            )
        except StoreUnavailable as error:
            log.warning("could not record refused interaction %s: %s", interaction.id, error)

    @imagine.autocomplete("model")
    async def model_autocomplete(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        """The catalog's models this guild has not disabled."""
        return await self.offered_models(interaction, current, edits=False)

    async def offered_models(
        self, interaction: discord.Interaction[ImagineBot], current: str, *, edits: bool
    ) -> list[app_commands.Choice[str]]:
        """Models this guild has not disabled (with `edits`, only those that edit) matching
        what the member typed."""
        assert interaction.guild_id is not None
        policy = await self.bot.policy.policy(interaction.guild_id)
        wanted = current.strip().lower()
        return [
            app_commands.Choice(name=m.name, value=m.id)
            for m in self.bot.catalog.models
            if (m.edits or not edits)
            and policy.model_enabled(m.id)
            and (wanted in m.name.lower() or wanted in m.id.lower())
        ][:MAX_AUTOCOMPLETE]

    @imagine.autocomplete("size")
    async def size_autocomplete(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        spec = await self._chosen_model(interaction)
        return _matching(spec.sizes if spec else [], current)

    @imagine.autocomplete("quality")
    async def quality_autocomplete(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        spec = await self._chosen_model(interaction)
        return _matching(spec.qualities if spec else [], current)

    @imagine.autocomplete("aspect")
    async def aspect_autocomplete(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        """The aspects the chosen model can draw, each named with the size it is sent as."""
        spec = await self._chosen_model(interaction)
        wanted = current.strip().lower()
        return [
            app_commands.Choice(name=f"{aspect} ({size})", value=aspect)
            for aspect, size in (spec.aspects if spec else {}).items()
            if wanted in aspect
        ][:MAX_AUTOCOMPLETE]

    @imagine.autocomplete("style")
    @imagine.autocomplete("background")
    @imagine.autocomplete("output_format")
    async def extra_autocomplete(
        self, interaction: discord.Interaction[ImagineBot], current: str
    ) -> list[app_commands.Choice[str]]:
        """The chosen model's own values for one of its options; none for a model without it."""
        spec = await self._chosen_model(interaction)
        data: dict[str, Any] = dict(interaction.data or {})
        option = focused(list(data.get("options") or [])) or ""
        return _matching(spec.extra_params.get(option, []) if spec else [], current)

    @imagine.autocomplete("n")
    async def n_autocomplete(
        self, interaction: discord.Interaction[ImagineBot], current: int | str
    ) -> list[app_commands.Choice[int]]:
        spec = await self._chosen_model(interaction)
        counts = range(1, (spec.max_n if spec else 1) + 1)
        return [app_commands.Choice(name=str(count), value=count) for count in counts]

    async def _chosen_model(self, interaction: discord.Interaction[ImagineBot]) -> ModelSpec | None:
        """The model typed, else the one the member's or the server's defaults would use."""
        typed = RequestOptions(model=getattr(interaction.namespace, "model", None))
        try:
            model_id = (await self._with_defaults(interaction, typed)).options.model
        except StoreBusy:  # suggestions for the catalog's default beat none
            model_id = typed.model
        return self.bot.catalog.get(model_id or self.bot.catalog.default_model)

    async def _with_defaults(
        self, interaction: discord.Interaction[Any], typed: RequestOptions
    ) -> Resolved:
        """What the member typed, filled in from their defaults and the server's."""
        guild_id = _guild_id(interaction)
        try:
            layers = await self.bot.defaults.layers(guild_id, interaction.user.id)
            policy = await self.bot.policy.policy(guild_id)
        except StoreUnavailable as error:
            log.warning("could not read the defaults of %s: %s", interaction.id, error)
            raise StoreBusy from error
        return resolve(typed, layers, self.bot.catalog, policy.model_enabled)

    async def rerun(
        self, interaction: discord.Interaction[Any], request_id: int, prompt: str | None = None
    ) -> None:
        """A new request with an earlier one's model and options: Re-roll, or Remix with the
        prompt the member edited. Checked, reserved and charged like any other."""
        with self.bot.finishing():
            await self.serve(interaction, self._reserve_again(interaction, request_id, prompt))

    async def _reserve_again(
        self, interaction: discord.Interaction[Any], request_id: int, prompt: str | None
    ) -> Reserved:
        original = await self._original(interaction, request_id)
        assert original.prompt is not None  # _original refuses a purged one
        plan = self.bot.catalog.plan_options(prompt or original.prompt, options_of(original))
        # The rules may have changed since (a paused member, a disabled model, a new term).
        return await self.reserve(interaction, plan)

    async def _original(
        self, interaction: discord.Interaction[Any], request_id: int
    ) -> Reservation:
        """The ledger row a button names; NotRerollable if it is another guild's or purged."""
        original = await self.bot.quota.find(request_id)
        if (
            original is None
            or original.guild_id != interaction.guild_id
            or not original.prompt
            or original.kind != "generation"
        ):
            raise NotRerollable
        return original

    async def remix(self, interaction: discord.Interaction[Any], request_id: int) -> None:
        """Open the Remix form with the request's prompt; its submission comes to `rerun`."""
        try:
            original = await self._original(interaction, request_id)
        except NotRerollable:
            await send_error(interaction, private_words(interaction)("remix-too-old"))
            return
        assert original.prompt is not None
        model = self.bot.catalog.get(original.model)
        limit = model.max_prompt_length if model else len(original.prompt)
        modal = remix_modal(private_words(interaction), request_id, original.prompt, limit)
        await interaction.response.send_modal(modal)
        modal.stop()  # no state kept: the submission is routed by its custom_id (cogs.remix)

    async def delete(self, interaction: discord.Interaction[Any], owner_id: int) -> None:
        """The requester may delete a result, and so may a member with Manage Messages; the
        prompt leaves the ledger with it."""
        if interaction.user.id != owner_id and not interaction.permissions.manage_messages:
            await send_error(interaction, private_words(interaction)("delete-refused"))
            return
        await interaction.response.defer()
        await interaction.delete_original_response()
        if interaction.message is not None:
            await self.bot.history.result_deleted(_guild_id(interaction), interaction.message.id)

    async def serve(
        self,
        interaction: discord.Interaction[Any],
        reservation: Coroutine[Any, Any, Reserved],
        thumbnail: str | None = None,
    ) -> None:
        """Reserve, answer Discord, generate, deliver.

        A refusal that comes within `answer_within` is the first, private answer: no public
        "thinking…" ever shows. A slower reservation is awaited after the defer, never cancelled
        midway (it may already hold the credits). A request whose defer Discord did not take
        never runs: its credits and its cooldown go back.
        """
        bind_interaction(interaction)  # a button's interaction has not passed the command tree
        reserving = asyncio.ensure_future(reservation)
        await asyncio.wait([reserving], timeout=self.answer_within)
        deferred = None if reserving.done() else await self._defer(interaction)
        words = private_words(interaction)
        try:
            request = await asyncio.shield(reserving)
        except DuplicateRequest:
            log.info("ignored a second delivery of interaction %s", interaction.id)
            return
        except REFUSALS as refused:
            await tell(interaction, refusal(words, refused))
            return
        except RequestRejected as rejected:
            await tell(interaction, rejection(words, rejected))
            return
        except NotRerollable:
            await tell(interaction, words("reroll-too-old"))
            return
        except InputRefused as refused:
            await tell(interaction, input_refusal(words, refused))
            return
        except RuleBroken as broken:
            await self._refuse(interaction, broken, thumbnail)
            return
        try:
            if deferred is None:
                deferred = await self._defer(interaction)
        finally:  # not taken, or cancelled on the way: the request will not run
            if not deferred:
                who = request.who  # nor hold back the retry the member is told to make
                self.bot.policy.not_accepted(who.guild_id, who.member_id, who.interaction_id)
                await asyncio.shield(self.bot.generation.withdraw(request, "no answer to Discord"))
        if not deferred:
            await tell(interaction, words("not-started"))
            return
        await self.run(interaction, request, thumbnail)

    async def _refuse(
        self, interaction: discord.Interaction[Any], broken: RuleBroken, thumbnail: str | None
    ) -> None:
        """Tell the member which rule refused them, and the moderators' audit channel."""
        plan, model_name = broken.plan, broken.plan.model.name
        await tell(
            interaction, rule_refusal(private_words(interaction), broken.refusal, model_name)
        )
        await self._remember_refusal(interaction, plan, broken.refusal.rule)
        refusal = broken.refusal
        if isinstance(refusal, Flagged) and refusal.strike is not None and refusal.strike.paused:
            await enforce_on_line(self.bot.policy, self.bot.generation, _guild_id(interaction))
        embed = audit_refusal_embed(
            public_words(interaction),
            interaction.user,
            _channel_id(interaction),
            plan.prompt,
            broken.refusal,
            model_name,
        )
        if thumbnail:
            embed.set_thumbnail(url=thumbnail)
        await self.audit.post(_guild_id(interaction), embed)

    async def _defer(self, interaction: discord.Interaction[Any]) -> bool:
        """Show "thinking…"; False when Discord did not take it (an expired token, a fault).

        Discord answers 40060 when it delivered the interaction twice and the other delivery
        acknowledged it first. The reservation tells which delivery runs the request (the one
        that recorded it); the token is shared, so that one can still edit the response.
        """
        try:
            await interaction.response.defer(thinking=True)
        except DISCORD_FAULTS as error:
            if not is_duplicate(error):
                log.warning("could not defer interaction %s: %s", interaction.id, _describe(error))
                return False
            log.info("interaction %s was already acknowledged by another delivery", interaction.id)
        return True

    async def run(
        self, interaction: discord.Interaction[Any], request: Reserved, thumbnail: str | None = None
    ) -> None:
        """Generate while showing progress, then deliver; every failure ends in a private note."""
        words = private_words(interaction)
        try:
            result = await self._generate(interaction, request)
        except RequestFailed as failed:
            if isinstance(failed.error, ContentPolicyError):
                await self._strike(interaction, request.plan, failed, thumbnail)
            elif isinstance(failed.error, EditsUnsupportedError):
                await tell(interaction, edits_unsupported(words, request.plan.model.name))
            else:
                await tell(interaction, failure(words, failed))
            return
        except Interrupted as interrupted:
            await tell(interaction, failure(words, interrupted))
            return
        except LeftLine as left:
            timeout = self.bot.settings.queue_timeout_seconds
            await tell(interaction, left_line(words, left, timeout, request.plan.model.name))
            return
        except ShuttingDown as stopped:
            await tell(interaction, refusal(words, stopped))
            return
        except asyncio.CancelledError:
            await asyncio.shield(tell(interaction, words("bot-restarting")))
            raise
        message = await self._deliver(interaction, request.plan, result)
        if message is not None:
            await self._remember_delivery(interaction, message)
        link = None if message is None else message.jump_url
        embed = audit_generation_embed(
            public_words(interaction),
            interaction.user,
            _channel_id(interaction),
            request.plan,
            result.credits,
            link,
            thumbnail,
        )
        await self.audit.post(_guild_id(interaction), embed)

    async def _remember_delivery(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        """Keep the result's message id for the history's jump link; a busy database costs
        only the link."""
        try:
            await self.bot.history.delivered(interaction.id, message.id)
        except StoreUnavailable as error:
            log.warning("could not record the result of interaction %s: %s", interaction.id, error)

    async def _strike(
        self,
        interaction: discord.Interaction[Any],
        plan: PlannedRequest,
        failed: RequestFailed,
        thumbnail: str | None,
    ) -> None:
        """The gateway's safety system refused the prompt: one strike, audited."""
        guild_id = _guild_id(interaction)
        strike = await self.bot.policy.add_strike(guild_id, interaction.user.id, GATEWAY_STRIKE)
        words = private_words(interaction)
        await tell(interaction, with_strike(words, failure(words, failed), strike))
        if strike is not None and strike.paused:  # the member's other requests wait no longer
            await enforce_on_line(self.bot.policy, self.bot.generation, guild_id)
        server = public_words(interaction)
        embed = audit_strike_embed(
            server,
            interaction.user,
            _channel_id(interaction),
            plan.prompt,
            image_failure(server, failed.error),
            strike,
        )
        if thumbnail:
            embed.set_thumbnail(url=thumbnail)
        await self.audit.post(guild_id, embed)

    async def _generate(
        self, interaction: discord.Interaction[Any], request: Reserved
    ) -> Generated:
        """Generate, editing the place in line, then the time spent, into the deferred message."""
        progress = asyncio.create_task(self._show_progress(interaction, request))
        try:
            return await self.bot.generation.run(request, interaction.filesize_limit)
        finally:
            progress.cancel()
            # An edit already on its way must land before the result or the error, not after
            # (bounded: a rate-limited edit must not hold the result back for long).
            await asyncio.wait([progress], timeout=PROGRESS_SETTLE_SECONDS)

    async def _show_progress(
        self, interaction: discord.Interaction[Any], request: Reserved
    ) -> None:
        try:
            if await self._show_place(interaction, request):
                # The line is behind it: drop the place and the Cancel button at once.
                await self._edit_progress(interaction, request.plan, 0, view=None)
            started = time.monotonic()
            while True:
                await asyncio.sleep(self.progress_interval)
                elapsed = int(time.monotonic() - started)
                await self._edit_progress(interaction, request.plan, elapsed)
        except DISCORD_FAULTS:
            return

    async def _show_place(self, interaction: discord.Interaction[Any], request: Reserved) -> bool:
        """While the request waits, show its place and a Cancel button, edited as the line
        moves but at most once per `QUEUE_EDIT_INTERVAL`; returns whether it showed anything."""
        ticket, shown, last_edit = request.ticket, None, -QUEUE_EDIT_INTERVAL
        loop = asyncio.get_running_loop()
        words = public_words(interaction)
        while (position := ticket.position()) is not None:
            line = queue_place(words, position)
            if line != shown:
                await asyncio.sleep(max(0.0, last_edit + QUEUE_EDIT_INTERVAL - loop.time()))
                if (position := ticket.position()) is None:
                    break
                line = queue_place(words, position)
                await interaction.edit_original_response(
                    content=line,
                    view=cancel_view(words, request.who.interaction_id),
                    allowed_mentions=NO_MENTIONS,
                )
                shown, last_edit = line, loop.time()
            await ticket.moved()
        return shown is not None

    async def _edit_progress(
        self,
        interaction: discord.Interaction[Any],
        plan: PlannedRequest,
        elapsed: int,
        **extra: Any,
    ) -> None:
        await interaction.edit_original_response(
            content=progress_line(public_words(interaction), plan, elapsed),
            allowed_mentions=NO_MENTIONS,
            **extra,
        )

    async def cancel(self, interaction: discord.Interaction[Any], request_id: int) -> None:
        """The requester may take a waiting request out of the line, and so may a member with
        Manage Messages; a running one cannot be cancelled (its cost is already incurred).

        Who may is decided from the ticket, never from the custom_id, so a forged button can
        cancel nothing it should not."""
        ticket = self.bot.generation.queue.find(request_id)
        if ticket is not None and ticket.guild_id != interaction.guild_id:
            ticket = None
        if (
            ticket is not None
            and interaction.user.id != ticket.member_id
            and not interaction.permissions.manage_messages
        ):
            await send_error(interaction, private_words(interaction)("cancel-refused"))
            return
        cancelled = ticket is not None and ticket.cancel()
        await interaction.response.send_message(
            cancel_outcome(private_words(interaction), cancelled, ticket is not None),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    async def _deliver(
        self, interaction: discord.Interaction[Any], plan: PlannedRequest, result: Generated
    ) -> discord.Message | None:
        """Put the images in place of the progress message, trying hard: the server paid for them.

        Returns the delivered message, None when the delivery was lost.

        A fault on the way (a reset connection, a timeout, a 5xx) is tried again. A 413 despite
        fitting means Discord's real limit is lower than the interaction said: halve the files
        and try again. Any other refusal (an expired token above all) sends the images to the
        channel instead; a loss is logged once.
        """

        delivered: list[discord.Message] = []

        async def edit() -> None:
            message = await interaction.edit_original_response(
                content=None,
                attachments=_files(result),
                allowed_mentions=NO_MENTIONS,
                **_result_message(interaction, plan, result),
            )
            delivered.append(message)

        error = await self._attempt(edit, interaction, "edit")
        if isinstance(error, discord.HTTPException) and error.status == 413:
            try:
                smaller = await asyncio.to_thread(shrink, result.images)
            except Exception:  # Pillow cannot shrink it: the channel may still take it
                log.exception("could not shrink the images of interaction %s", interaction.id)
            else:
                result = dataclasses.replace(result, images=smaller)
                error = await self._attempt(edit, interaction, "edit")
        if error is None:
            return delivered[-1]
        error = await self._post_to_channel(interaction, plan, result, delivered)
        if error is None:
            return delivered[-1]
        log.error(
            "lost delivery of interaction %s (credits were spent): %s",
            interaction.id,
            _describe(error),
        )
        return None

    async def _post_to_channel(
        self,
        interaction: discord.Interaction[Any],
        plan: PlannedRequest,
        result: Generated,
        delivered: list[discord.Message],
    ) -> BaseException | None:
        channel = interaction.channel
        if not isinstance(channel, discord.abc.Messageable):
            return LookupError("no channel to post to")

        async def post() -> None:
            message = await channel.send(
                files=_files(result),
                allowed_mentions=NO_MENTIONS,
                **_result_message(interaction, plan, result),
            )
            delivered.append(message)

        return await self._attempt(post, interaction, "post to the channel")

    async def _attempt(
        self,
        send: Callable[[], Awaitable[None]],
        interaction: discord.Interaction[Any],
        how: str,
    ) -> BaseException | None:
        """Send, again after a transient fault; None when sent, else the last fault."""
        for attempt in range(1, DELIVERY_ATTEMPTS + 1):
            try:
                await send()
                return None
            except DISCORD_FAULTS as error:
                log.warning(
                    "delivery of interaction %s by %s failed (attempt %d): %s",
                    interaction.id,
                    how,
                    attempt,
                    _describe(error),
                )
                if not _transient(error) or attempt == DELIVERY_ATTEMPTS:
                    return error
            await asyncio.sleep(self.retry_delay)
        raise AssertionError("unreachable")  # the loop returns on its last attempt


def _transient(error: BaseException) -> bool:
    """A fault that trying again may cure: transport trouble, a timeout, a 5xx."""
    return not isinstance(error, discord.HTTPException) or error.status >= 500


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def options_of(original: Reservation) -> RequestOptions:
    """What a ledger row asked for; rows from before options were kept have only columns."""
    if original.options is not None:
        return RequestOptions.from_json(original.options)
    return RequestOptions(original.model, original.size, None, original.quality, original.n)


def _requester(
    interaction: discord.Interaction[Any], member_credits: int | None, asker: Asker
) -> Requester:
    return Requester(
        interaction.id,
        _guild_id(interaction),
        interaction.user.id,
        _channel_id(interaction),
        member_credits,
        asker,
    )


def _guild_id(interaction: discord.Interaction[Any]) -> int:
    assert interaction.guild_id is not None  # /imagine and its buttons are guild only
    return interaction.guild_id


def _channel_id(interaction: discord.Interaction[Any]) -> int:
    assert interaction.channel_id is not None  # guild interactions have a channel
    return interaction.channel_id


def _result_message(
    interaction: discord.Interaction[Any], plan: PlannedRequest, result: Generated
) -> dict[str, Any]:
    """The embed and the buttons of a result (its files go as `attachments` or `files`), in
    the server's language: everyone in the channel reads them."""
    words = public_words(interaction)
    return {
        "embed": result_embed(words, plan, result, interaction.user),
        "view": result_view(words, interaction.id, interaction.user.id, edit=bool(plan.images)),
    }


def _files(result: Generated) -> list[discord.File]:
    return [
        discord.File(io.BytesIO(image.data), filename=f"imagine-{index}.{image.extension}")
        for index, image in enumerate(result.images, start=1)
    ]


def _matching(values: list[str], current: str) -> list[app_commands.Choice[str]]:
    wanted = current.strip().lower()
    return [
        app_commands.Choice(name=value, value=value) for value in values if wanted in value.lower()
    ][:MAX_AUTOCOMPLETE]


async def setup(bot: ImagineBot) -> None:
    await bot.add_cog(ImagineCog(bot))
