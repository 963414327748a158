"""Pre-moderation: ask the gateway's `POST /moderations` (the OpenAI contract) about a prompt.

The call is made before the defer, so it is bounded by a short timeout; every way it can fail
(connection, timeout, status, an answer that is not the contract) is one `ModerationUnavailable`
whose message is safe to log: it never carries the key or the prompt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp
import yarl

from bot.images import request_id_of

DEFAULT_TIMEOUT = 1.5  # seconds: the reservation and the defer must still fit Discord's 3 s


class ModerationUnavailable(Exception):
    """The moderation endpoint gave no usable verdict."""


@dataclass(frozen=True)
class Verdict:
    flagged: bool
    categories: tuple[str, ...]  # the flagged categories, e.g. ("sexual", "violence/graphic")


class ModerationClient:
    """One model, one key; uses the given session (left open) or its own (closed by `close`)."""

    def __init__(
        self,
        base_url: str,
        api_key: str,
        model: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        self._url = yarl.URL(base_url.rstrip("/") + "/moderations")
        self._headers = {"Authorization": f"Bearer {api_key}", "Accept": "application/json"}
        self._model = model
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session = session
        self._owns_session = session is None

    def __repr__(self) -> str:
        return f"ModerationClient(url={str(self._url.with_user(None))!r}, model={self._model!r})"

    async def close(self) -> None:
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def classify(self, text: str) -> Verdict:
        """The verdict on `text`; raises ModerationUnavailable when there is none."""
        if self._session is None:
            self._session = aiohttp.ClientSession()
        body = {"model": self._model, "input": text}
        try:
            async with self._session.post(
                self._url, json=body, headers=self._headers, timeout=self._timeout
            ) as response:
                if response.status != 200:
                    request_id = request_id_of(response.headers)
                    raise ModerationUnavailable(
                        f"moderation answered HTTP {response.status} request_id={request_id}"
                    )
                payload = await response.json(content_type=None)
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            raise ModerationUnavailable(f"moderation call failed: {type(error).__name__}") from None
        except ValueError:
            raise ModerationUnavailable("moderation answered with invalid JSON") from None
        return _verdict(payload)


def _verdict(payload: Any) -> Verdict:
    """Flagged if any result is: the contract has one result per input."""
    results = payload.get("results") if isinstance(payload, dict) else None
    if not isinstance(results, list) or not results:
        raise ModerationUnavailable("moderation answer has no results")
    flagged = False
    categories: list[str] = []
    for result in results:
        if not isinstance(result, dict) or not isinstance(result.get("flagged"), bool):
            raise ModerationUnavailable("moderation result has no 'flagged'")
        flagged |= result["flagged"]
        found = result.get("categories")
        if isinstance(found, dict):
            categories.extend(name for name, hit in found.items() if hit is True)
    return Verdict(flagged, tuple(dict.fromkeys(categories)))
