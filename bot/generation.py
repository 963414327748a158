"""One image request, from reservation to settled credits, with no Discord in it.

The order matters for the wallet: reserve before the API is called, commit what the gateway
returned as soon as it returned it (the server paid for those images, whatever happens to the
upload), refund what the gateway surely did not charge, and leave unknown outcomes to the quota
rules. A cancelled task (shutdown) is settled before the cancellation goes on.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from bot.catalog import PlannedRequest
from bot.fitting import FittedImage, fit_images
from bot.images import (
    ChargeOutcome,
    ChargeTracker,
    GeneratedImage,
    GenerationResult,
    ImageAPIError,
    ImageClient,
    ImageRequest,
)
from bot.quota import QuotaService, QuotaStatus

audit = logging.getLogger("imagine.audit")
log = logging.getLogger("imagine.generation")


class ShuttingDown(Exception):
    """The bot is stopping: no new request reaches the image API, and none was charged."""


class DuplicateRequest(Exception):
    """Discord delivered an interaction twice; the first delivery is answering it."""


@dataclass(frozen=True)
class Requester:
    """Who asked, where, and the interaction that keys the reservation."""

    interaction_id: int
    guild_id: int
    member_id: int
    channel_id: int


@dataclass(frozen=True)
class Generated:
    """What to deliver: images fitted to the upload limit, and the quota after paying for them."""

    images: list[FittedImage]
    revised_prompt: str | None
    credits: int
    dropped: int
    quota: QuotaStatus

    @property
    def reencoded(self) -> bool:
        return any(image.reencoded for image in self.images)


class GenerationService:
    def __init__(self, images: ImageClient, quota: QuotaService) -> None:
        self._images = images
        self._quota = quota
        self._running: set[asyncio.Task[Any]] = set()
        self._closing = False

    async def shutdown(self, grace: float = 10.0) -> None:
        """Start no new call to the image API; stop those under way and let them settle."""
        self._closing = True
        tasks = set(self._running)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=grace)

    async def generate(self, who: Requester, plan: PlannedRequest, file_limit: int) -> Generated:
        """Reserve, call the API, settle, fit.

        Raises `QuotaExceeded`, `ImageAPIError`, `ShuttingDown` or `DuplicateRequest`.
        """
        if self._closing:
            raise ShuttingDown
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
        )
        if reservation.duplicate:
            raise DuplicateRequest(who.interaction_id)
        tracker = ChargeTracker()
        try:
            result = await self._call_api(plan, tracker)
        except ImageAPIError as error:
            await asyncio.shield(
                self._settle_failure(who, plan, error.charge, type(error).__name__)
            )
            raise
        except ShuttingDown:
            await asyncio.shield(
                self._settle_failure(who, plan, ChargeOutcome.NOT_CHARGED, "shutdown")
            )
            raise
        except asyncio.CancelledError:
            await asyncio.shield(self._settle_failure(who, plan, tracker.charge, "cancelled"))
            raise
        # The gateway billed every result it returned, usable or not: the wallet's truth.
        credits = (len(result.images) + result.dropped) * plan.credits_per_image
        status = await self._quota.commit(who.interaction_id, credits)
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
        if status is None:  # settled meanwhile (the guild was purged): read what is left
            status = await self._quota.status(who.guild_id, who.member_id)
        return Generated(fitted, revised, credits, result.dropped, status)

    async def _call_api(self, plan: PlannedRequest, tracker: ChargeTracker) -> GenerationResult:
        """The only part of a request that shutdown cancels: settling must run to the end."""
        if self._closing:  # reserved just before shutdown began: do not start the call
            raise ShuttingDown
        task = asyncio.current_task()
        assert task is not None  # coroutines always run in a task under asyncio
        self._running.add(task)
        try:
            return await self._images.generate(to_image_request(plan), tracker)
        finally:
            self._running.discard(task)

    async def _settle_failure(
        self, who: Requester, plan: PlannedRequest, charge: ChargeOutcome, reason: str
    ) -> None:
        """Refund what surely cost nothing; keep what surely cost; leave the rest to the rules."""
        if charge is ChargeOutcome.NOT_CHARGED:
            await self._quota.refund(who.interaction_id, reason)
        elif charge is ChargeOutcome.CHARGED:
            await self._quota.commit(who.interaction_id, plan.credits)
        else:
            await self._quota.mark_unknown(who.interaction_id, reason)
        _audit("failed", who, plan, charge=charge.value, reason=reason)


async def _fit_or_keep(images: list[GeneratedImage], file_limit: int) -> list[FittedImage]:
    """Fit the images to the upload limit; if Pillow cannot, deliver them as they came.

    They are paid for: an image Pillow chokes on may still upload, and the delivery code tries
    the channel if it does not.
    """
    originals = [(image.data, image.format) for image in images]
    try:
        return await asyncio.to_thread(fit_images, originals, file_limit)
    except Exception:
        log.exception("could not re-encode %d image(s); sending them unchanged", len(images))
        return [
            FittedImage(data, image_format, reencoded=False) for data, image_format in originals
        ]


def _audit(event: str, who: Requester, plan: PlannedRequest, **details: object) -> None:
    """One line per settled request for the operators; the ledger keeps the lasting record."""
    facts = " ".join(f"{key}={value}" for key, value in details.items())
    audit.info(
        "%s guild=%s member=%s model=%s %s",
        event,
        who.guild_id,
        who.member_id,
        plan.model.id,
        facts,
    )


def to_image_request(plan: PlannedRequest) -> ImageRequest:
    """The JSON the gateway gets: only the fields this model takes."""
    return ImageRequest(
        model=plan.model.id,
        prompt=plan.prompt,
        n=plan.n,
        size=plan.size,
        quality=plan.quality,
        response_format=plan.model.response_format,
        extra=plan.extra,
    )
