"""Client for the OpenAI-compatible image gateway (``POST {base}/images/generations``, and
``POST {base}/images/edits`` for a request that carries input images).

Image generation costs money and is not idempotent on the server, so the retry policy is about
charges as much as about availability: only failures where the gateway surely did no work are
retried (connection refused before sending, 408/409/429/5xx answers), and every error says
whether the caller may have been charged (:class:`ChargeOutcome`) so the quota ledger can settle.

Errors carry data only (the presenters word them for members, by their class); upstream text is
kept only in ``detail`` for logs, redacted, because gateways echo (parts of) API keys in error
messages.

Gateways in front of the image service rewrite its answers: LiteLLM turns every error code into
the status ("429", "400"), prefixes the message ("litellm.BadRequestError: OpenAIException - …"),
drops Retry-After and retries 429s and 5xx itself (9 upstream calls by default). So an error
answer is classified in one place (``_classify``), by its code where it has a meaningful one,
else by the known phrasings, and retrying is bounded by time (``retry_budget``) as well as count
and skipped when the gateway says it already retried.
"""

from __future__ import annotations

import asyncio
import binascii
import contextvars
import enum
import json
import logging
import math
import random as _random
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar

import aiohttp
from aiohttp.abc import AbstractResolver
from aiohttp.connector import Connection
from multidict import CIMultiDictProxy
from yarl import URL

from bot.clock import Clock, utc_now
from bot.image_format import complete_image_format
from bot.log_throttle import LogThrottle
from bot.redaction import REDACTED, Redactor
from bot.safe_download import DownloadedImage, DownloadError, SafeDownloader, read_capped

log = logging.getLogger("imagine.images")

_JITTER_SPAN = 0.25  # waits are scaled by a factor in [0.75, 1.0], as openai-python does
DOWNLOAD_TIMEOUT = 60.0  # per result URL, apart from total_timeout: a paid result is worth it
# Idle kept-alive connections are dropped after this many seconds, before common servers' own idle
# timeouts (uvicorn and Node.js close after 5 s, nginx after 75 s): a server that closes a pooled
# connection as we reuse it makes the request's outcome unknowable (see ImageClient).
KEEPALIVE_TIMEOUT = 4.0
_ERROR_BODY_CAP = 1024 * 1024
_DETAIL_LIMIT = 300
_KEY_LIKE = re.compile(r"\b(?:sk|key)-[\w\-*.]{4,}", re.IGNORECASE)
# A retry may start only this many seconds after the first attempt did: with the first answer's
# own time, a member hears back within about 20 s even behind a gateway that retries itself.
RETRY_BUDGET = 10.0
# LiteLLM's default cooldown: its "all deployments in cooldown" 429 carries no Retry-After.
GATEWAY_COOLDOWN = 5.0
OPERATOR_ALERT_INTERVAL = timedelta(minutes=10)  # an operator's fault is said at most this often
# Where gateways put the request's id: OpenAI, LiteLLM, Azure API Management.
REQUEST_ID_HEADERS = ("x-request-id", "x-litellm-call-id", "apim-request-id")


class ChargeOutcome(enum.Enum):
    """Whether the gateway may have billed the request that failed or succeeded."""

    NOT_CHARGED = "not_charged"  # gateway surely charged nothing (error answer, refused connection)
    UNKNOWN = "unknown"  # may have charged (read timeout, drop after send, malformed 200)
    CHARGED = "charged"  # gateway answered 200 with results


class ChargeTracker:
    """What the gateway may have billed so far in one `generate` call.

    Read it when the call was cancelled (shutdown): between attempts nothing is in flight and
    every earlier attempt was answered with an error, so nothing was charged. During an attempt
    it turns ``UNKNOWN`` once the request's headers were written to the connection (on the
    client's own session; on a caller's session, conservatively, before the attempt starts), so
    a cancellation while resolving or connecting still reads ``NOT_CHARGED``.
    """

    def __init__(self) -> None:
        self.charge = ChargeOutcome.NOT_CHARGED


@dataclass(frozen=True)
class ImageRequest:
    """One generation request; ``None`` fields are left out of the JSON body.

    Leaving them out (rather than sending null) matters: gpt-image-1 refuses ``response_format``.
    ``extra`` carries model-specific options such as ``{"style": "vivid"}``.
    """

    model: str
    prompt: str
    n: int
    size: str | None
    quality: str | None
    response_format: str | None
    extra: Mapping[str, str] = field(default_factory=dict)
    images: tuple[InputFile, ...] = ()  # an edit's inputs: sent as multipart to /images/edits
    mask: InputFile | None = None

    @property
    def is_edit(self) -> bool:
        return bool(self.images)


@dataclass(frozen=True)
class InputFile:
    """One file of an edit: its bytes, a file name and its MIME type."""

    data: bytes
    filename: str
    content_type: str


@dataclass(frozen=True)
class GeneratedImage:
    """A verified image: ``format`` comes from the bytes, not from the gateway's word."""

    data: bytes
    format: str
    revised_prompt: str | None


@dataclass(frozen=True)
class GenerationResult:
    """The usable images, and how many results the gateway returned that could not be used."""

    images: list[GeneratedImage]
    dropped: int


class ImageAPIError(Exception):
    """Base of all generation failures; each subclass is one kind the presenters word.

    ``detail`` is the upstream message for operators, redacted (keys, masked or not, removed).
    """

    default_charge: ClassVar[ChargeOutcome] = ChargeOutcome.NOT_CHARGED

    def __init__(
        self,
        *,
        charge: ChargeOutcome | None = None,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        detail: str | None = None,
        billed: int | None = None,
    ) -> None:
        super().__init__()
        self.charge = charge or self.default_charge
        self.status = status
        self.code = code
        self.request_id = request_id
        self.detail = detail
        self.billed = billed  # results the gateway billed although none was usable (charged)

    def __str__(self) -> str:
        return (
            f"status={self.status} code={self.code} charge={self.charge.value} "
            f"request_id={self.request_id}"
        )


class ContentPolicyError(ImageAPIError):
    """The gateway's safety system refused the prompt."""


class BadRequestError(ImageAPIError):
    """Another 4xx answer.

    ``param`` is the option the gateway named, kept only if it is one we sent: no upstream
    text may reach a member.
    """

    def __init__(self, *, param: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.param = param


class GatewayConfigError(BadRequestError):
    """The gateway's own configuration refused something the bot sends (LiteLLM without
    ``drop_params`` for a model it does not know): the operator's to fix, not the member's."""


class AuthenticationError(ImageAPIError):
    """401 or 403: the gateway refused the API key."""


class RateLimitedError(ImageAPIError):
    """429 after retries; ``retry_after`` is the server's suggested wait in seconds, if given."""

    def __init__(self, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.retry_after = retry_after


class InsufficientQuotaError(ImageAPIError):
    """429 insufficient_quota: the gateway account has no credit left."""


class UpstreamUnavailableError(ImageAPIError):
    """No connection, a dropped one, or a 408, 409 or 5xx answer (after retries)."""


class EditsUnsupportedError(ImageAPIError):
    """The gateway does not offer edits (404/405 on /images/edits, or a 400 saying the model
    cannot edit): nothing was charged, and retrying cannot help."""


class ImageTimeoutError(ImageAPIError):
    """No answer in time; the gateway may still have done (and billed) the work."""

    default_charge = ChargeOutcome.UNKNOWN


class MalformedResponseError(ImageAPIError):
    """A 200 answer without a usable image."""

    default_charge = ChargeOutcome.UNKNOWN


@dataclass
class _SendProbe:
    """One attempt's record that the request went out on the wire."""

    tracker: ChargeTracker
    sent: bool = False


_ATTEMPT: contextvars.ContextVar[_SendProbe | None] = contextvars.ContextVar(
    "imagine_attempt", default=None
)


class _ProbedRequest(aiohttp.ClientRequest):
    """aiohttp's request, telling the current attempt's probe when it is about to be written.

    ``send`` is called with the connection ready, just before the headers are written: from
    there on we may be billed. (A ``TraceConfig`` hook says the same but costs every request
    all of aiohttp's trace signals, about 8% of the client's CPU.)
    """

    async def send(self, conn: Connection) -> aiohttp.ClientResponse:
        probe = _ATTEMPT.get()
        if probe is not None:
            probe.sent = True
            probe.tracker.charge = ChargeOutcome.UNKNOWN
        return await super().send(conn)


@dataclass(frozen=True)
class _Failure:
    """One attempt's failure, and whether another attempt may help."""

    error: ImageAPIError
    retryable: bool = False
    server_wait: float | None = None
    note: str | None = None  # what the operator must do: said at ERROR, once per period


@dataclass(frozen=True)
class _UpstreamError:
    """The fields of an ``{"error": {...}}`` body; all optional because gateways vary."""

    message: str = ""
    type: str | None = None
    code: str | None = None
    param: str | None = None
    inner_code: str | None = None  # Azure's innererror.code (ResponsibleAIPolicyViolation)


def generations_url(base_url: str, endpoint: str = "generations") -> URL:
    """``{base}/images/generations`` (or ``/images/edits``), keeping a prefix such as ``/v1``."""
    base = URL(base_url)
    return base.with_path(base.path.rstrip("/") + f"/images/{endpoint}")


# What a gateway says in a 400 when the model or the endpoint cannot edit.
_NO_EDITS_CODES = frozenset({"unsupported_model", "model_not_supported", "unsupported_endpoint"})
_NO_EDITS_TEXT = re.compile(
    r"(does not|doesn't|cannot|can't|not) (support|offer|allow)\w*\b.*\bedit"
    r"|\bedits?\b.*\b(not supported|unsupported|not available)",
    re.IGNORECASE,
)


def _cannot_edit(status: int, upstream: _UpstreamError) -> bool:
    if status in {404, 405}:
        return True
    return status == 400 and (
        upstream.code in _NO_EDITS_CODES or bool(_NO_EDITS_TEXT.search(upstream.message))
    )


def edit_form(request: ImageRequest) -> aiohttp.FormData:
    """The multipart body of an edit; built afresh per attempt (aiohttp sends a form once).

    One input goes as ``image``, several as ``image[]``, as openai-python sends them.
    """
    form = aiohttp.FormData()
    for name, value in request_body(request).items():
        form.add_field(name, str(value))
    field_name = "image" if len(request.images) == 1 else "image[]"
    for image in request.images:
        form.add_field(
            field_name, image.data, filename=image.filename, content_type=image.content_type
        )
    if request.mask is not None:
        mask = request.mask
        form.add_field("mask", mask.data, filename=mask.filename, content_type=mask.content_type)
    return form


def request_body(request: ImageRequest) -> dict[str, Any]:
    """The JSON body; the named fields win over ``extra`` so it cannot change the model or n."""
    named: dict[str, Any] = {
        "model": request.model,
        "prompt": request.prompt,
        "n": request.n,
        "size": request.size,
        "quality": request.quality,
        "response_format": request.response_format,
    }
    return {**request.extra, **{k: v for k, v in named.items() if v is not None}}


def parse_retry_after(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """Seconds the server asks us to wait: ``retry-after-ms``, else ``retry-after``.

    ``retry-after`` may be seconds or an HTTP date. Unparsable or non-positive values give
    ``None`` so the caller falls back to its own backoff.
    """
    wait: float | None = None
    if (millis := headers.get("retry-after-ms")) is not None:
        wait = _to_float(millis)
        wait = None if wait is None else wait / 1000
    if wait is None and (value := headers.get("retry-after")) is not None:
        wait = _to_float(value)
        if wait is None:
            wait = _seconds_until(value, now or datetime.now(UTC))
    return wait if wait is not None and wait > 0 else None


def _to_float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _seconds_until(http_date: str, now: datetime) -> float | None:
    try:
        when = parsedate_to_datetime(http_date)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when - now).total_seconds()


def redact(text: str, secret: str) -> str:
    """Upstream text made fit for logs: the key, masked copies of it or of any key, and
    key-like tokens removed, length bounded."""
    return _KEY_LIKE.sub(REDACTED, Redactor([secret]).redact(text))[:_DETAIL_LIMIT]


def _parse_error_body(raw: bytes) -> _UpstreamError:
    try:
        payload = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return _UpstreamError()
    error = payload.get("error") if isinstance(payload, dict) else None
    if isinstance(error, str):
        return _UpstreamError(message=error)
    if not isinstance(error, dict):
        return _UpstreamError()

    def text(key: str, where: Mapping[str, Any] = error) -> str | None:
        value = where.get(key)
        return value if isinstance(value, str) else None

    inner = error.get("innererror")
    return _UpstreamError(
        message=text("message") or "",
        type=text("type"),
        code=text("code"),
        param=text("param"),
        inner_code=text("code", inner) if isinstance(inner, dict) else None,
    )


@dataclass(frozen=True)
class _Phrasing:
    """How gateways say one kind of failure: its codes (normalised) and its known messages."""

    error: type[ImageAPIError]
    codes: frozenset[str]
    text: re.Pattern[str]


# Checked in order, on 4xx answers only. Codes are compared lower-case without punctuation, so
# Azure's "contentFilter" meets "content_filter"; messages cover what survives a gateway that
# drops the code (LiteLLM) and Azure's own wording.
_PHRASINGS = (
    _Phrasing(
        InsufficientQuotaError,
        frozenset({"insufficientquota", "billinghardlimitreached"}),
        re.compile(r"exceeded your current quota|insufficient[_ ]quota|billing hard limit", re.I),
    ),
    _Phrasing(
        ContentPolicyError,
        frozenset(
            {
                "contentpolicyviolation",
                "moderationblocked",
                "contentfilter",
                "responsibleaipolicyviolation",
            }
        ),
        re.compile(
            r"safety system|content[_ ]?policy[_ ]?violation|ResponsibleAIPolicyViolation"
            r"|content management policy|content[_ ]filter|flagged by (?:the |our )?moderation"
            r"|violating our usage polic",
            re.I,
        ),
    ),
    # LiteLLM without a database answers any key but its master key with this 400.
    _Phrasing(
        AuthenticationError,
        frozenset({"invalidapikey", "nodbconnection"}),
        re.compile(r"no connected db", re.I),
    ),
)
# Types that name no kind (OpenAI's and LiteLLM's): with only these, the words decide. OpenAI's
# image_generation_user_error covers gpt-image-1's policy refusal among other mistakes, and it
# is all LiteLLM keeps of moderation_blocked.
_GENERIC_CODES = frozenset(
    {"invalidrequesterror", "throttlingerror", "ratelimiterror", "imagegenerationusererror"}
)
# A quoted span: what the gateway echoes of the request ("Invalid 'prompt': '…' is too long"),
# whose words are the member's, not the gateway's. A single quote opens only after a non-word
# character and closes only before one, so "OpenAI's" or "car's" inside the span is no quote.
_QUOTED = re.compile(r"""(?<!\w)'.*?'(?!\w)|"[^"]*"|“[^”]*”""", re.DOTALL)
# A gateway refusing an option by its own configuration (LiteLLM without drop_params).
_GATEWAY_CONFIG_TEXT = re.compile(r"UnsupportedParamsError|drop_params", re.I)
_COOLDOWN_TEXT = re.compile(r"in cooldown", re.I)
# "Please try again in 1.5s" (OpenAI), "Try again in 5 seconds" (LiteLLM), "Please retry after
# 2 seconds" (Azure): a wait said only in words.
_WAIT_TEXT = re.compile(
    r"(?:try again|retry) (?:in|after) (\d+(?:\.\d+)?) ?(ms|milliseconds?|s|secs?|seconds?)\b",
    re.I,
)

_QUOTA_NOTE = "the image service account is out of credit: top it up"
_AUTH_NOTE = (
    "the gateway refused the API key or is misconfigured: check IMAGE_API_KEY and the "
    "gateway's keys (a LiteLLM proxy without a database accepts only its master key)"
)
_GATEWAY_CONFIG_NOTE = (
    "the gateway's configuration refuses a parameter the bot sends (LiteLLM: set drop_params: true)"
)


def _codes(error: _UpstreamError) -> set[str]:
    """The error's codes, normalised; numeric ones (LiteLLM's "429") say no more than the status."""
    found = (error.code, error.type, error.inner_code)
    return {code for text in found if text and (code := re.sub(r"[^a-z]", "", text.lower()))}


def _classify(status: int, error: _UpstreamError) -> type[ImageAPIError] | None:
    """The kind a 4xx answer's code or words name, or ``None`` to go by the status alone.

    A meaningful code wins; the words decide only when no code is meaningful, and quoted spans
    are no words of the gateway's: an echoed prompt about a "safety system" is no refusal.
    """
    if not 400 <= status < 500:
        return None
    codes = _codes(error)
    for phrasing in _PHRASINGS:
        if codes & phrasing.codes:
            return phrasing.error
    if codes - _GENERIC_CODES:
        return None
    own_words = _QUOTED.sub(" ", error.message)
    for phrasing in _PHRASINGS:
        if phrasing.text.search(own_words):
            return phrasing.error
    return None


def _wait_in_words(message: str) -> float | None:
    match = _WAIT_TEXT.search(message)
    if match is None:
        return None
    value = float(match.group(1))
    return value / 1000 if match.group(2).lower().startswith("m") else value


def _gateway_retried(headers: Mapping[str, str]) -> bool:
    """Whether the gateway already retried the call this error answers: ours would multiply it.

    LiteLLM marks its answers with ``x-litellm-*`` headers and retries 429s and 5xx unless
    configured not to; 1.108.7 says how often only on successes (``x-litellm-attempted-retries``,
    ``x-litellm-max-retries``), so on an error any of its headers means it did, unless one of
    those says it made or allows no retry.
    """
    for name in ("x-litellm-attempted-retries", "x-litellm-max-retries"):
        if (value := headers.get(name)) is not None:
            return _to_float(value) != 0
    return any(name.lower().startswith("x-litellm-") for name in headers)


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The request's id under whichever of the known headers the gateway used."""
    return next((value for name in REQUEST_ID_HEADERS if (value := headers.get(name))), None)


class ImageClient:
    """Talks to one gateway with one API key over one shared session.

    ``total_timeout`` bounds all attempts and the waits between them (generous by default:
    gpt-image-1 can take about two minutes); ``retry_budget`` is how long after the first
    attempt's start a retry may still start, so a member hears of a failing gateway quickly.
    ``sleep`` and ``random`` are injectable so tests can observe waits without waiting;
    ``clock`` (the bot's) times the operator's alerts, said once per ``OPERATOR_ALERT_INTERVAL``.
    ``allow_private_downloads`` lets result URLs use http and private/loopback addresses (tests
    against the loopback fake; never in production).
    ``session``, if given, is used for API calls and left open by :meth:`close`; result URLs
    are always fetched over a separate session whose resolver enforces the address policy.
    Only the client's own session tells exactly when a request was sent (see
    :class:`ChargeTracker`). ``resolver`` replaces DNS for that own session's API calls (tests
    use it to hold a request in the resolving phase); it cannot be combined with ``session``.

    The own session has no limit on connections: calls in flight are bounded before the client
    (the fair queue), and a pool limit here would make a request wait for a slot inside the
    connect timeout, then be reported as an outage. Connections are kept alive for
    ``keepalive_timeout`` seconds (0 closes each after use). aiohttp discards a pooled
    connection whose close it has seen, but one the server closes as it is reused fails after
    the request was written with the same ``ServerDisconnectedError`` as a server that read the
    request and dropped it, so such a failure stays ``UNKNOWN``; keeping the idle time below
    the gateway's own idle timeout is what keeps it from happening.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        total_timeout: float = 300.0,
        connect_timeout: float = 10.0,
        max_retries: int = 2,
        backoff_base: float = 0.5,
        backoff_cap: float = 8.0,
        retry_budget: float = RETRY_BUDGET,
        max_download_bytes: int = 50 * 1024 * 1024,
        allow_private_downloads: bool = False,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        random: Callable[[], float] = _random.random,
        clock: Clock = utc_now,
        session: aiohttp.ClientSession | None = None,
        resolver: AbstractResolver | None = None,
        keepalive_timeout: float = KEEPALIVE_TIMEOUT,
    ) -> None:
        if total_timeout <= 0 or connect_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if keepalive_timeout < 0:
            raise ValueError("keepalive_timeout must not be negative")
        if session is not None and resolver is not None:
            raise ValueError("resolver applies only to the client's own session, not a given one")
        self._url = generations_url(base_url)
        self._edits_url = generations_url(base_url, "edits")
        self._no_edits_logged: set[str] = set()
        self._api_key = api_key
        self._headers = {"Authorization": f"Bearer {api_key}", "Accept": "application/json"}
        self._total_timeout = total_timeout
        self._connect_timeout = connect_timeout
        self._max_retries = max_retries
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._retry_budget = retry_budget
        self._alerts = LogThrottle(OPERATOR_ALERT_INTERVAL, clock)
        self._max_download_bytes = max_download_bytes
        self._sleep = sleep
        self._random = random
        self._session = session
        self._owns_session = session is None
        self._resolver = resolver
        self._keepalive_timeout = keepalive_timeout
        self._downloader = SafeDownloader(
            max_bytes=max_download_bytes,
            allow_private=allow_private_downloads,
            connect_timeout=connect_timeout,
            total_timeout=DOWNLOAD_TIMEOUT,
        )

    def __repr__(self) -> str:
        return f"ImageClient(url={str(self._url.with_user(None))!r})"

    async def close(self) -> None:
        """Close the sessions this client created (not a session it was given)."""
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None
        await self._downloader.close()

    async def generate(
        self, request: ImageRequest, tracker: ChargeTracker | None = None
    ) -> GenerationResult:
        """Generate images, retrying only where no charge can have happened.

        Raises a subclass of :class:`ImageAPIError`; its ``charge`` tells the caller whether
        the gateway may have billed the request. ``tracker`` tells the same if it is cancelled.
        """
        tracker = tracker or ChargeTracker()
        body = request_body(request)
        form = (lambda: edit_form(request)) if request.is_edit else None
        loop = asyncio.get_running_loop()
        started = loop.time()
        deadline = started + self._total_timeout
        attempt = 0
        while True:
            # Our own session reports the moment the request is sent (see _SendProbe); a
            # caller's session cannot, so there any attempt may have been sent from its start.
            probe = _SendProbe(tracker)
            tracker.charge = (
                ChargeOutcome.NOT_CHARGED if self._owns_session else ChargeOutcome.UNKNOWN
            )
            outcome = await self._attempt(body, form, request.n, deadline - loop.time(), probe)
            tracker.charge = (
                ChargeOutcome.CHARGED
                if isinstance(outcome, GenerationResult)
                else outcome.error.charge
            )
            if isinstance(outcome, GenerationResult):
                return outcome
            wait = self._retry_wait(outcome, attempt, deadline, started + self._retry_budget)
            if isinstance(outcome.error, EditsUnsupportedError):
                self._log_no_edits(request.model, outcome.error)
            else:
                self._log_failure(outcome, attempt, wait)
            if wait is None:
                raise outcome.error
            await self._sleep(wait)
            if loop.time() >= deadline:  # the sleep overshot: aiohttp reads 0 s as "no timeout"
                raise outcome.error
            attempt += 1

    def _retry_wait(
        self, failure: _Failure, attempt: int, deadline: float, last_start: float
    ) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` to give up now.

        No retry starts after ``last_start`` (the retry budget), so a wait the server asks for
        that would not fit gives up at once, and so does an answer that itself took longer.
        """
        if not failure.retryable or attempt >= self._max_retries:
            return None
        if failure.server_wait is not None:
            wait = failure.server_wait
        else:
            backoff = min(self._backoff_base * 2**attempt, self._backoff_cap)
            wait = backoff * (1 - _JITTER_SPAN * self._random())
        start = asyncio.get_running_loop().time() + wait
        if start >= deadline or start > last_start:
            return None
        return wait

    def _log_failure(self, failure: _Failure, attempt: int, wait: float | None) -> None:
        """A failure at WARNING; one the operator must fix at ERROR instead, once per period
        (and each occurrence at INFO), since every request would say it again."""
        error = failure.error
        level = logging.WARNING
        if failure.note is not None:
            held_back = self._alerts.admit((type(error), failure.note))
            if held_back is not None:
                log.error(
                    "image gateway: %s; status=%s code=%s request_id=%s gateway said %r "
                    "(%d like it held back)",
                    failure.note,
                    error.status,
                    error.code,
                    error.request_id,
                    error.detail,
                    held_back,
                )
            level = logging.INFO  # said at ERROR above, or held back: no second alarm
        log.log(
            level,
            "image request failed: %s status=%s code=%s charge=%s attempt=%d/%d "
            "request_id=%s next=%s detail=%r",
            type(error).__name__,
            error.status,
            error.code,
            error.charge.value,
            attempt + 1,
            self._max_retries + 1,
            error.request_id,
            "give up" if wait is None else f"retry in {wait:.2f}s",
            error.detail,
        )

    def _log_no_edits(self, model: str, error: ImageAPIError) -> None:
        """Once per model: every later edit of it would say the same."""
        if model in self._no_edits_logged:
            return
        self._no_edits_logged.add(model)
        log.warning(
            "the image gateway does not offer edits for %s: status=%s code=%s detail=%r",
            model,
            error.status,
            error.code,
            error.detail,
        )

    def _get_session(self) -> aiohttp.ClientSession:
        """Create the session on first use, inside the running loop aiohttp requires."""
        if self._session is None:
            keepalive = self._keepalive_timeout
            connector = (
                aiohttp.TCPConnector(resolver=self._resolver, limit=0, keepalive_timeout=keepalive)
                if keepalive
                else aiohttp.TCPConnector(resolver=self._resolver, limit=0, force_close=True)
            )
            self._session = aiohttp.ClientSession(connector=connector, request_class=_ProbedRequest)
        return self._session

    async def _attempt(
        self,
        body: dict[str, Any],
        form: Callable[[], aiohttp.FormData] | None,
        n: int,
        remaining: float,
        probe: _SendProbe,
    ) -> GenerationResult | _Failure:
        timeout = aiohttp.ClientTimeout(
            total=remaining, connect=min(self._connect_timeout, remaining)
        )
        # base64 inflates by 4/3; the cap only stops a runaway body, not a legitimate one.
        cap = self._max_download_bytes * max(n, 1) * 4 // 3 + _ERROR_BODY_CAP
        token = _ATTEMPT.set(probe)
        try:
            payload: dict[str, Any] = {"json": body} if form is None else {"data": form()}
            async with self._get_session().post(
                self._url if form is None else self._edits_url,
                headers=self._headers,
                **payload,
                timeout=timeout,
                allow_redirects=False,
            ) as response:
                # A declared length is enforced by aiohttp's parser: read it in one piece.
                declared = response.content_length
                if declared is not None and declared <= cap:
                    raw = await response.read()
                else:
                    raw = await read_capped(response.content, cap)
                status, headers = response.status, response.headers
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            return _Failure(_caused(UpstreamUnavailableError(), exc), retryable=True)
        except TimeoutError as exc:
            return _Failure(_caused(ImageTimeoutError(charge=self._unanswered(probe)), exc))
        except (aiohttp.ClientError, DownloadError) as exc:
            error = UpstreamUnavailableError(charge=self._unanswered(probe))
            return _Failure(_caused(error, exc))
        finally:
            _ATTEMPT.reset(token)
        request_id = request_id_of(headers)
        if status == 200:
            return await self._parse_success(raw, n, request_id)
        return self._failure_from_answer(status, headers, raw, request_id, body, form is not None)

    def _unanswered(self, probe: _SendProbe) -> ChargeOutcome:
        """The charge of an attempt that got no answer: unknown once it may have been sent."""
        if probe.sent or not self._owns_session:
            return ChargeOutcome.UNKNOWN
        return ChargeOutcome.NOT_CHARGED

    def _failure_from_answer(
        self,
        status: int,
        headers: CIMultiDictProxy[str],
        raw: bytes,
        request_id: str | None,
        body: Mapping[str, Any],
        edit: bool = False,
    ) -> _Failure:
        """Map a non-200 answer to a typed error; an error answer means nothing was charged."""
        upstream = _parse_error_body(raw)
        info: dict[str, Any] = {
            "status": status,
            "code": upstream.code,
            "request_id": request_id,
            "detail": redact(upstream.message, self._api_key) or None,
        }
        kind = _classify(status, upstream)
        if kind is InsufficientQuotaError:
            return _Failure(InsufficientQuotaError(**info), note=_QUOTA_NOTE)
        if kind is ContentPolicyError:
            return _Failure(ContentPolicyError(**info))
        if status in {401, 403} or kind is AuthenticationError:
            # The words tell the operator whose key failed (LiteLLM's own, "No connected db.", or
            # its upstream's, "OpenAIException - Incorrect API key provided: sk-…1234"); the key
            # they echo, masked or not, is gone from ``detail``.
            return _Failure(AuthenticationError(**info), note=_AUTH_NOTE)
        if status == 429 or status in {408, 409} or status >= 500:
            return self._transient(status, headers, upstream, info)
        if edit and _cannot_edit(status, upstream):
            return _Failure(EditsUnsupportedError(**info))
        if 400 <= status < 500:
            sent = {*body, "image", "mask"} if edit else set(body)
            param = upstream.param if upstream.param in sent else None
            if _GATEWAY_CONFIG_TEXT.search(upstream.message):
                return _Failure(GatewayConfigError(param=param, **info), note=_GATEWAY_CONFIG_NOTE)
            return _Failure(BadRequestError(param=param, **info))
        return _Failure(UpstreamUnavailableError(**info))

    @staticmethod
    def _transient(
        status: int, headers: Mapping[str, str], upstream: _UpstreamError, info: dict[str, Any]
    ) -> _Failure:
        """A 429, 408, 409 or 5xx: worth another attempt unless the gateway already retried.

        A gateway cooling down called no upstream, so its 429 is retried after the cooldown.
        """
        wait = parse_retry_after(headers) or _wait_in_words(upstream.message)
        cooling = status == 429 and bool(
            _COOLDOWN_TEXT.search(upstream.message) or "cooldown" in (upstream.type or "")
        )
        if cooling and wait is None:
            wait = GATEWAY_COOLDOWN
        retryable = cooling or not _gateway_retried(headers)
        if status == 429:
            return _Failure(RateLimitedError(retry_after=wait, **info), retryable, wait)
        return _Failure(UpstreamUnavailableError(**info), retryable, wait)

    async def _parse_success(
        self, raw: bytes, n: int, request_id: str | None
    ) -> GenerationResult | _Failure:
        try:
            payload = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            payload = None
        items = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(items, list) or not items:
            return _Failure(MalformedResponseError(status=200, request_id=request_id))
        if 0 < n < len(items):
            # Quotas are settled per requested image, and extra URLs are untrusted downloads.
            log.warning(
                "gateway returned %d results for n=%d; keeping the first %d request_id=%s",
                len(items),
                n,
                n,
                request_id,
            )
            items = items[:n]
        decoded = await self._decode_items(items)
        images = [image for image in decoded if image is not None]
        dropped = len(items) - len(images)
        if dropped:
            log.warning("dropped %d of %d results request_id=%s", dropped, len(items), request_id)
        if not images:
            error = MalformedResponseError(
                charge=ChargeOutcome.CHARGED, status=200, request_id=request_id, billed=len(items)
            )
            return _Failure(error)
        log.info("generated %d image(s) request_id=%s", len(images), request_id)
        return GenerationResult(images=images, dropped=dropped)

    async def _decode_items(self, items: list[Any]) -> list[GeneratedImage | None]:
        """Each result as a verified image, or ``None`` (logged) if it cannot be used.

        ``b64_json`` results are decoded in place; only URL results are fetched, together.
        """
        urls = {i: url for i, item in enumerate(items) if (url := _result_url(item)) is not None}
        fetched = await asyncio.gather(*map(self._download, urls.values())) if urls else []
        downloads = dict(zip(urls, fetched, strict=True))
        decoded: list[GeneratedImage | None] = []
        for i, item in enumerate(items):
            image = downloads[i] if i in downloads else _decode_b64_item(item)
            if image is None:
                decoded.append(None)
                continue
            revised = item.get("revised_prompt")
            revised_prompt = revised if isinstance(revised, str) else None
            decoded.append(GeneratedImage(image.data, image.format, revised_prompt))
        return decoded

    async def _download(self, url: str) -> DownloadedImage | None:
        try:
            return await self._downloader.fetch(url)
        except DownloadError as exc:
            log.warning("result download refused or failed: %s", exc)
            return None


def _result_url(item: object) -> str | None:
    """The URL to fetch for a result that has no ``b64_json`` (which wins when both are set)."""
    if not isinstance(item, dict) or isinstance(item.get("b64_json"), str):
        return None
    url = item.get("url")
    return url if isinstance(url, str) else None


def _decode_b64_item(item: object) -> DownloadedImage | None:
    """A result that is not fetched: its ``b64_json`` decoded, or ``None`` (logged)."""
    if not isinstance(item, dict):
        log.warning("result is not an object")
        return None
    if not isinstance(b64 := item.get("b64_json"), str):
        log.warning("result has neither b64_json nor url")
        return None
    return _decode_b64_image(b64)


def _decode_b64_image(text: str) -> DownloadedImage | None:
    """The decoded image, or ``None`` (logged) if it is not base64 of a complete image."""
    try:
        data = binascii.a2b_base64(text, strict_mode=True)  # b64decode would copy the str first
    except (binascii.Error, ValueError):
        log.warning("b64_json result is not valid base64")
        return None
    image_format = complete_image_format(data)
    if image_format is None:
        log.warning("b64_json result is not a complete PNG, JPEG or WebP image")
        return None
    return DownloadedImage(data=data, format=image_format)


def _caused(error: ImageAPIError, cause: BaseException) -> ImageAPIError:
    """Attach the transport error as the cause, for tracebacks; it never holds the key."""
    error.__cause__ = cause
    return error
