"""One image request, from reservation to settled credits, with no Discord in it.

Two steps, so that what is checked fast can refuse before Discord is answered, with the fair
queue between them: `reserve` joins the line and takes the credits (or refuses), `run` waits for
its turn, calls the API and settles. A request that leaves the line without running is refunded.

The order matters for the wallet: reserve before the API is called, commit what the gateway
billed as soon as it answered (the server paid for those images, whatever happens to the
upload), refund what the gateway surely did not charge, and leave unknown outcomes to the quota
rules. A settlement the busy database refuses is owed and retried (`Settlements`); it never
holds back the images. Shutdown lets gateway calls under way finish within a grace period and
cancels only what still runs at its end; the request then settles and says what it cost.
Each step reports to the bot's `Metrics`: refusals, the wait in line, the call, the credits.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.catalog import EditInput, PlannedRequest
from bot.fitting import FittedImage, file_share, fit_images
from bot.image_format import MIME_TYPES
from bot.images import (
    ChargeOutcome,
    ChargeTracker,
    GeneratedImage,
    GenerationResult,
    ImageAPIError,
    ImageClient,
    ImageRequest,
    InputFile,
)
from bot.metrics import Metrics
from bot.policy import Asker, Refusal
from bot.queue import FairQueue, LeaveReason, LeftQueue, QueueClosed, QueueFull, Ticket
from bot.quota import QuotaExceeded, QuotaService, QuotaStatus
from bot.settlement import Settlements
from bot.store import StoreUnavailable

audit = logging.getLogger("imagine.audit")
log = logging.getLogger("imagine.generation")


class ShuttingDown(Exception):
    """The bot is stopping: no new request reaches the image API, and none was charged."""


class DuplicateRequest(Exception):
    """Discord delivered an interaction twice; the first delivery is answering it."""


class StoreBusy(Exception):
    """The database stayed locked past its busy timeout: nothing was reserved or charged."""


Refused = QuotaExceeded | QueueFull | ShuttingDown | StoreBusy
"""What `reserve` refuses a request with, before anything was spent."""


def refusal_rule(refusal: Refused) -> str:
    """The rule a refusal is audited and counted under, and shown in a member's history."""
    if isinstance(refusal, QueueFull):
        return "queue_full" if refusal.scope == "guild" else "member_queue_full"
    if isinstance(refusal, QuotaExceeded):
        return "bot_budget" if refusal.scope == "bot" else "quota"
    return "shutting_down" if isinstance(refusal, ShuttingDown) else "database_busy"


@dataclass(frozen=True)
class Spent:
    """What a request that delivered nothing cost.

    `known` is False when the gateway may or may not have billed it; the quota rules then kept
    the credits spent (or refunded them).
    """

    credits: int
    known: bool = True


class RequestFailed(Exception):
    """The image API failed; `spent` is what the ledger charged for it."""

    def __init__(self, error: ImageAPIError, spent: Spent) -> None:
        super().__init__(error, spent)
        self.error = error
        self.spent = spent


class Interrupted(Exception):
    """Shutdown cancelled the gateway call at the end of its grace period."""

    def __init__(self, spent: Spent) -> None:
        super().__init__(spent)
        self.spent = spent


class LeftLine(Exception):
    """The request left the line without running (cancelled, timed out, or `refusal`: a rule
    changed while it waited); it was refunded."""

    def __init__(self, reason: LeaveReason, refusal: Refusal | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.refusal = refusal


@dataclass(frozen=True)
class Requester:
    """Who asked, where, and the interaction that keys the reservation."""

    interaction_id: int
    guild_id: int
    member_id: int
    channel_id: int
    member_credits: int | None = None  # a role's budget instead of the member default
    asker: Asker | None = None  # what the rules saw, to judge it again while it waits


@dataclass(frozen=True)
class Reserved:
    """A request whose credits are reserved and whose ticket is in line: what `run` takes."""

    who: Requester
    plan: PlannedRequest
    ticket: Ticket


@dataclass(frozen=True)
class Generated:
    """What to deliver: images fitted to the upload limit, and the quota after paying for them
    (None: the database did not take the charge yet, it is owed and counted when it does)."""

    images: list[FittedImage]
    revised_prompt: str | None
    credits: int
    dropped: int
    quota: QuotaStatus | None

    @property
    def reencoded(self) -> bool:
        return any(image.reencoded for image in self.images)


class GenerationService:
    def __init__(
        self, images: ImageClient, quota: QuotaService, queue: FairQueue, *, metrics: Metrics
    ) -> None:
        self._images = images
        self._quota = quota
        self.queue = queue
        self._metrics = metrics
        metrics.watch_waiting(lambda: queue.totals().waiting)
        self._calls: set[asyncio.Task[GenerationResult]] = set()
        # Requests holding a ticket that has not started, by interaction id; and why the rules
        # took some of them out of the line, for their `run` to say.
        self._lined: dict[int, Reserved] = {}
        self._expelled: dict[int, Refusal] = {}
        self._closing = False
        self.settlements = Settlements()

    async def shutdown(self, grace: float) -> None:
        """Refuse new requests now and clear the line (those requests are refunded); cancel the
        gateway calls still running after `grace` s.

        A cancelled call's request settles by what the gateway may have billed and raises
        `Interrupted`, so its member learns what it cost.
        """
        self._closing = True
        cleared = self.queue.close()
        if cleared:
            log.warning("cleared %d request(s) waiting in line; they are refunded", cleared)
        if self._calls:
            await asyncio.wait(set(self._calls), timeout=grace)
        calls = set(self._calls)
        for call in calls:
            call.cancel()
        if calls:
            log.warning("stopped %d image request(s) still running after %s s", len(calls), grace)
            await asyncio.wait(calls)

    async def reserve(self, who: Requester, plan: PlannedRequest) -> Reserved:
        """Join the line and take the credits, or refuse; the refusals are audited.

        Raises `QueueFull`, `QuotaExceeded`, `ShuttingDown`, `StoreBusy` or `DuplicateRequest`.
        """
        if self.queue.find(who.interaction_id) is not None:
            raise DuplicateRequest(who.interaction_id)
        try:
            ticket = self.queue.join(who.guild_id, who.member_id, key=who.interaction_id)
        except QueueClosed:
            stopping = ShuttingDown()
            self._refused(who, plan, stopping)
            raise stopping from None
        except QueueFull as full:
            self._refused(who, plan, full, limit=full.limit)
            raise
        request = Reserved(who, plan, ticket)
        self._lined[who.interaction_id] = request  # the rules may take it out from now on
        try:
            await self._reserve_credits(who, plan)
        except BaseException:
            ticket.release()  # whatever refused the credits: the line forgets the request
            self._unline(who.interaction_id)
            raise
        return request

    async def withdraw(self, request: Reserved, reason: str) -> None:
        """Give back a reserved request that will not run (Discord could not be answered)."""
        request.ticket.release()
        self._unline(request.who.interaction_id)
        await self._settle_failure(request.who, request.plan, ChargeOutcome.NOT_CHARGED, 0, reason)

    def expel(self, guild_id: int, judge: Callable[[Reserved], Refusal | None]) -> int:
        """Take out of a guild's line the waiting requests `judge` now refuses; returns how many.

        Each leaves like a cancelled ticket (its `run` refunds it) and raises `LeftLine` with
        the refusal, so its member learns which rule. Running requests are left alone: the
        gateway is at work, their cost is incurred.
        """
        expelled = 0
        for ticket in self.queue.waiting(guild_id):
            request = None if ticket.key is None else self._lined.get(ticket.key)
            if request is None:
                continue
            refusal = judge(request)
            if refusal is not None and ticket.cancel(LeaveReason.RULES):
                self._expelled[request.who.interaction_id] = refusal
                expelled += 1
        return expelled

    def _unline(self, interaction_id: int) -> Refusal | None:
        """Forget a request that is no longer waiting; why the rules expelled it, if they did."""
        self._lined.pop(interaction_id, None)
        return self._expelled.pop(interaction_id, None)

    async def _reserve_credits(self, who: Requester, plan: PlannedRequest) -> None:
        try:
            reservation = await self._quota.reserve(
                interaction_id=who.interaction_id,
                guild_id=who.guild_id,
                member_id=who.member_id,
                channel_id=who.channel_id,
                cost=plan.credits,
                model=plan.model.id,
                size=plan.size,
                quality=plan.quality,
                n=plan.n,
                prompt=plan.prompt,
                member_credits=who.member_credits,
                kind=plan.kind,
                options=plan.options.to_json(),
            )
        except QuotaExceeded as refused:
            self._refused(
                who,
                plan,
                refused,
                scope=refused.scope,
                remaining=refused.remaining,
                cost=refused.cost,
            )
            raise
        except StoreUnavailable as error:
            log.warning("could not reserve for interaction %s: %s", who.interaction_id, error)
            busy = StoreBusy()
            self._refused(who, plan, busy)
            raise busy from error
        if reservation.duplicate:
            raise DuplicateRequest(who.interaction_id)

    def _refused(
        self, who: Requester, plan: PlannedRequest, refusal: Refused, **details: object
    ) -> None:
        """Audit a refusal and count it under the same rule name, so logs and metrics agree."""
        rule = refusal_rule(refusal)
        _audit("refused", who, plan, reason=rule, **details)
        self._metrics.refused(rule)

    async def run(self, request: Reserved, file_limit: int) -> Generated:
        """Wait for the request's turn, call the API, settle, fit.

        Raises `LeftLine`, `RequestFailed`, `Interrupted` or `ShuttingDown`, each settled already.
        """
        who, plan, ticket = request.who, request.plan, request.ticket
        try:
            await ticket.turn()
        except LeftQueue as left:
            refusal = self._unline(who.interaction_id)
            reason = f"left the line: {left.reason.value}"
            await asyncio.shield(
                self._settle_failure(who, plan, ChargeOutcome.NOT_CHARGED, 0, reason)
            )
            if left.reason is LeaveReason.SHUTDOWN:
                raise ShuttingDown from None
            raise LeftLine(left.reason, refusal) from None
        except asyncio.CancelledError:
            ticket.release()
            self._unline(who.interaction_id)
            await asyncio.shield(
                self._settle_failure(who, plan, ChargeOutcome.NOT_CHARGED, 0, "cancelled in line")
            )
            raise
        self._unline(who.interaction_id)
        self._metrics.waited(ticket.waited)
        tracker = ChargeTracker()
        try:
            result = await self._call_api(plan, tracker, ticket)
        except ImageAPIError as error:
            billed = plan.credits if error.billed is None else self._price(plan, error.billed)
            spent = await asyncio.shield(
                self._settle_failure(who, plan, error.charge, billed, type(error).__name__)
            )
            raise RequestFailed(error, spent) from error
        except ShuttingDown:
            await asyncio.shield(
                self._settle_failure(who, plan, ChargeOutcome.NOT_CHARGED, 0, "shutdown")
            )
            raise
        except asyncio.CancelledError:
            spent = await asyncio.shield(
                self._settle_failure(who, plan, tracker.charge, plan.credits, "cancelled")
            )
            if _cancelling():  # this request itself is cancelled, not only its gateway call
                raise
            raise Interrupted(spent) from None
        # The gateway billed every result it returned, usable or not: the wallet's truth.
        credits = self._price(plan, len(result.images) + result.dropped)
        committed: QuotaStatus | None = None

        async def commit() -> None:
            nonlocal committed
            committed = await self._quota.commit(
                who.interaction_id, credits, member_credits=who.member_credits
            )

        settled = await self.settlements.settle(
            who.interaction_id, f"commit {credits} credits", commit
        )
        self._metrics.spent(plan.model.id, credits, plan.kind)
        _audit(
            "committed",
            who,
            plan,
            images=len(result.images),
            dropped=result.dropped,
            credits=credits,
        )
        fitted = await _fit_or_keep(result.images, file_limit)
        revised = next((i.revised_prompt for i in result.images if i.revised_prompt), None)
        status = committed if settled else None
        if settled and status is None:  # the guild was purged meanwhile: read what is left
            status = await self._status_if_known(who)
        return Generated(fitted, revised, credits, result.dropped, status)

    async def _status_if_known(self, who: Requester) -> QuotaStatus | None:
        """The member's credits left, or None when the database cannot say: paid images are
        delivered without the line rather than held back by it."""
        try:
            return await self._quota.status(
                who.guild_id, who.member_id, member_credits=who.member_credits
            )
        except StoreUnavailable as error:
            log.warning("could not read the credits left for %s: %s", who.interaction_id, error)
            return None

    async def settle_owed(self) -> int:
        """Retry settlements the busy database refused; returns how many are still owed."""
        return await self.settlements.flush()

    async def close(self, within: float) -> None:
        """Last chance for owed settlements (for `within` s), before the database closes."""
        await self.settlements.close(within)

    @staticmethod
    def _price(plan: PlannedRequest, results: int) -> int:
        return min(results, plan.n) * plan.credits_per_image

    async def _call_api(
        self, plan: PlannedRequest, tracker: ChargeTracker, ticket: Ticket
    ) -> GenerationResult:
        """The call runs as its own task, the only part of a request that shutdown cancels.

        It holds the ticket's slot, given back however the call ends, and is what the
        generation metrics time and count.
        """
        async with ticket:
            if self._closing:  # reserved just before shutdown began: do not start the call
                raise ShuttingDown
            call = asyncio.create_task(self._images.generate(to_image_request(plan), tracker))
            self._calls.add(call)
            call.add_done_callback(self._calls.discard)
            with self._metrics.generating(plan.model.id, plan.kind):
                return await call

    async def _settle_failure(
        self,
        who: Requester,
        plan: PlannedRequest,
        charge: ChargeOutcome,
        billed: int,
        reason: str,
    ) -> Spent:
        """Refund what surely cost nothing; keep what surely cost; leave the rest to the rules."""
        iid = who.interaction_id
        if charge is ChargeOutcome.NOT_CHARGED:
            spent = Spent(0)
            await self.settlements.settle(iid, "refund", lambda: self._quota.refund(iid, reason))
        elif charge is ChargeOutcome.CHARGED:
            spent = Spent(billed)
            await self.settlements.settle(
                iid, f"commit {billed} credits", lambda: self._quota.commit(iid, billed)
            )
            self._metrics.spent(plan.model.id, billed, plan.kind)
        else:
            spent = await self._settle_unknown(who, plan, reason)
        _audit("failed", who, plan, charge=charge.value, reason=reason, credits=spent.credits)
        return spent

    async def _settle_unknown(self, who: Requester, plan: PlannedRequest, reason: str) -> Spent:
        """The quota rules decide an unknown outcome; the ledger then says what they decided
        (when the database cannot say, the member hears it may have cost the full price)."""
        iid = who.interaction_id
        if not await self.settlements.settle(
            iid, "settle an unknown outcome", lambda: self._quota.mark_unknown(iid, reason)
        ):
            return Spent(plan.credits, known=False)
        try:
            row = await self._quota.find(iid)
        except StoreUnavailable as error:  # settled, but what the rules kept cannot be read now
            log.warning("could not read back the outcome of %s: %s", iid, error)
            return Spent(plan.credits, known=False)
        if row is None or row.state == "refunded":
            return Spent(0)
        return Spent(row.credits, known=False)


def _cancelling() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def _fit_or_keep(images: list[GeneratedImage], file_limit: int) -> list[FittedImage]:
    """Fit the images to the upload limit; if Pillow cannot, deliver them as they came.

    They are paid for: an image Pillow chokes on may still upload, and the delivery code tries
    the channel if it does not.
    """
    originals = [(image.data, image.format) for image in images]
    unchanged = [
        FittedImage(data, image_format, reencoded=False) for data, image_format in originals
    ]
    share = file_share(len(images), file_limit)
    if all(len(image.data) <= share for image in images):  # the usual case: no hop to a thread
        return unchanged
    try:
        return await asyncio.to_thread(fit_images, originals, file_limit)
    except Exception:
        log.exception("could not re-encode %d image(s); sending them unchanged", len(images))
        return unchanged


def _audit(event: str, who: Requester, plan: PlannedRequest, **details: object) -> None:
    """One line per settled or refused request for the operators; the ledger keeps the record."""
    facts = " ".join(f"{key}={value}" for key, value in details.items())
    if plan.images:
        facts += f" kind=edit inputs={len(plan.images)}"
    audit.info(
        "%s guild=%s member=%s model=%s %s",
        event,
        who.guild_id,
        who.member_id,
        plan.model.id,
        facts,
    )


def to_image_request(plan: PlannedRequest) -> ImageRequest:
    """What the gateway gets: only the fields this model takes, and an edit's input files."""
    return ImageRequest(
        model=plan.model.id,
        prompt=plan.prompt,
        n=plan.n,
        size=plan.size,
        quality=plan.quality,
        response_format=plan.model.response_format,
        extra=plan.extra,
        images=tuple(_input_file(image) for image in plan.images),
        mask=None if plan.mask is None else _input_file(plan.mask),
    )


def _input_file(image: EditInput) -> InputFile:
    return InputFile(image.data, image.filename, MIME_TYPES[image.format])
