"""ImageClient over real HTTP against the fake gateway: delivery, errors, retries, secrecy."""

from __future__ import annotations

import asyncio
import logging
import socket
import traceback
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import aiohttp
import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.images import (
    AuthenticationError,
    BadRequestError,
    ChargeOutcome,
    ChargeTracker,
    ContentPolicyError,
    ImageAPIError,
    ImageClient,
    ImageRequest,
    ImageTimeoutError,
    InsufficientQuotaError,
    MalformedResponseError,
    RateLimitedError,
    UpstreamUnavailableError,
    generations_url,
    parse_retry_after,
    redact,
)
from cogs.i18n import words_for
from cogs.presenters import image_failure
from tests.fakes.image_gateway import FakeImageGateway
from tests.image_clients import DALLE3, KEY, MakeClient, Sleeper
from tests.waiting import eventually

ENGLISH = words_for("en-US")
GPT = ImageRequest("openai/gpt-image-1", "a lighthouse", 2, "1024x1024", "high", None)
DALLE2_B64 = ImageRequest("openai/dall-e-2", "a lighthouse", 3, "256x256", None, "b64_json")


class HangingResolver(AbstractResolver):
    """DNS that never answers: holds a request in the phase before anything is sent."""

    def __init__(self) -> None:
        self.asked = asyncio.Event()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def close(self) -> None:
        pass


def closed_port() -> int:
    """A loopback port nobody listens on, so connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def fails(client: ImageClient, request: ImageRequest = DALLE3) -> ImageAPIError:
    with pytest.raises(ImageAPIError) as info:
        await client.generate(request)
    return info.value


async def fails_tracked(client: ImageClient, tracker: ChargeTracker) -> ImageAPIError:
    with pytest.raises(ImageAPIError) as info:
        await client.generate(DALLE3, tracker)
    return info.value


# --- delivery -------------------------------------------------------------------------------


async def test_b64_results_delivered_byte_identical(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    result = await make_client(gw.base_url).generate(GPT)
    assert [image.data for image in result.images] == gw.produced
    assert len(result.images) == 2
    assert [image.format for image in result.images] == ["png", "png"]
    assert result.dropped == 0


async def test_body_omits_none_fields_and_sends_the_key(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    await make_client(gw.base_url).generate(GPT)
    (recorded,) = gw.requests
    assert recorded.json == {
        "model": "openai/gpt-image-1",
        "prompt": "a lighthouse",
        "n": 2,
        "size": "1024x1024",
        "quality": "high",
    }
    assert recorded.headers["Authorization"] == f"Bearer {KEY}"


async def test_url_result_downloaded_with_revised_prompt(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    result = await make_client(gw.base_url).generate(DALLE3)
    assert [image.data for image in result.images] == gw.produced
    assert result.images[0].revised_prompt == "A detailed, vivid rendering of: a lighthouse"
    assert len(gw.downloads) == 1


async def test_extra_options_sent_but_cannot_override_named_fields(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    request = ImageRequest(
        "openai/dall-e-3", "cat", 1, None, None, None, extra={"style": "natural", "n": "4"}
    )
    await make_client(gw.base_url).generate(request)
    assert gw.requests[0].json == {
        "model": "openai/dall-e-3",
        "prompt": "cat",
        "n": 1,
        "style": "natural",
    }


async def test_one_session_and_one_kept_alive_connection(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    client = make_client(gw.base_url)
    await client.generate(DALLE2_B64)
    session = client._session
    await client.generate(DALLE2_B64)
    assert client._session is session
    # Reuse is safe: idle connections are dropped before the gateway's idle timeout (see
    # tests/test_image_connections.py for the race when they are not).
    assert len({recorded.client_port for recorded in gw.requests}) == 1


async def test_given_session_is_used_and_left_open(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    async with aiohttp.ClientSession(headers={"X-Caller": "bot"}) as session:
        client = make_client(gw.base_url, session=session)
        await client.generate(DALLE2_B64)
        await client.close()
        assert not session.closed
    assert gw.requests[0].headers["X-Caller"] == "bot"


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://gw.example/v1", "https://gw.example/v1/images/generations"),
        ("https://gw.example/v1/", "https://gw.example/v1/images/generations"),
        ("https://gw.example", "https://gw.example/images/generations"),
        ("https://gw.example/", "https://gw.example/images/generations"),
        ("http://10.0.0.2:4000/openai/v1", "http://10.0.0.2:4000/openai/v1/images/generations"),
    ],
)
def test_generations_url_joins_sensibly(base: str, expected: str) -> None:
    assert str(generations_url(base)) == expected


@pytest.mark.parametrize("prefix", ["", "/v1"])
async def test_live_base_url_with_trailing_slash(make_client: MakeClient, prefix: str) -> None:
    async with FakeImageGateway(api_key=KEY, path_prefix=prefix) as gateway:
        result = await make_client(gateway.base_url + "/").generate(DALLE2_B64)
        assert len(result.images) == 3
        assert gateway.requests[0].path == f"{prefix}/images/generations"


async def test_more_results_than_requested_are_cut_to_n(
    gw: FakeImageGateway, make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="imagine.images")
    gw.fail_next("extra_results", extra=2)
    result = await make_client(gw.base_url).generate(GPT)
    assert gw.charged_images == 4
    assert [image.data for image in result.images] == gw.produced
    assert len(result.images) == 2
    assert result.dropped == 0
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "returned 4 results for n=2" in warning
    assert "request_id=req_" in warning


async def test_extra_result_urls_are_not_downloaded(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    gw.fail_next("extra_results", extra=3)
    result = await make_client(gw.base_url).generate(DALLE3)
    assert [image.data for image in result.images] == gw.produced
    assert len(result.images) == 1
    assert len(gw.downloads) == 1


@pytest.mark.parametrize(
    "url",
    ["http://[::1", "not a url", "http:///no-host", "http://host:99999/x.png", "https://a..b/"],
)
async def test_malformed_result_url_is_a_dropped_result(
    gw: FakeImageGateway, make_client: MakeClient, url: str
) -> None:
    gw.fail_next("bad_url", images=1, url=url)
    result = await make_client(gw.base_url).generate(DALLE2_B64)
    assert result.dropped == 1
    assert [image.data for image in result.images] == gw.produced
    assert len(result.images) == 2


async def test_unusable_results_dropped_and_counted(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    gw.fail_next("not_image", images=1)
    result = await make_client(gw.base_url).generate(DALLE2_B64)
    assert result.dropped == 1
    assert [image.data for image in result.images] == gw.produced
    assert len(result.images) == 2


# --- errors that are not retried ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "opts", "error_type", "charge"),
    [
        ("content_policy", {}, ContentPolicyError, ChargeOutcome.NOT_CHARGED),
        ("content_policy", {"legacy": True}, ContentPolicyError, ChargeOutcome.NOT_CHARGED),
        ("moderation_blocked", {}, ContentPolicyError, ChargeOutcome.NOT_CHARGED),
        ("auth", {}, AuthenticationError, ChargeOutcome.NOT_CHARGED),
        ("http_error", {"status": 403}, AuthenticationError, ChargeOutcome.NOT_CHARGED),
        ("insufficient_quota", {}, InsufficientQuotaError, ChargeOutcome.NOT_CHARGED),
        ("http_error", {"status": 404}, BadRequestError, ChargeOutcome.NOT_CHARGED),
        ("http_error", {"status": 422}, BadRequestError, ChargeOutcome.NOT_CHARGED),
        ("malformed_json", {}, MalformedResponseError, ChargeOutcome.UNKNOWN),
        ("disconnect", {}, UpstreamUnavailableError, ChargeOutcome.UNKNOWN),
        ("truncated_b64", {}, MalformedResponseError, ChargeOutcome.CHARGED),
        ("not_image", {}, MalformedResponseError, ChargeOutcome.CHARGED),
        ("oversize_download", {"size": 100_000}, MalformedResponseError, ChargeOutcome.CHARGED),
        (
            "oversize_download",
            {"size": 100_000, "content_length": False},
            MalformedResponseError,
            ChargeOutcome.CHARGED,
        ),
        ("redirect", {}, MalformedResponseError, ChargeOutcome.CHARGED),
        ("wrong_content_type", {}, MalformedResponseError, ChargeOutcome.CHARGED),
        ("bad_url", {}, MalformedResponseError, ChargeOutcome.CHARGED),
        ("bad_url", {"url": "not a url"}, MalformedResponseError, ChargeOutcome.CHARGED),
    ],
)
async def test_failures_mapped_and_not_retried(
    gw: FakeImageGateway,
    make_client: MakeClient,
    sleeper: Sleeper,
    kind: str,
    opts: dict[str, Any],
    error_type: type[ImageAPIError],
    charge: ChargeOutcome,
) -> None:
    gw.fail_next(kind, **opts)
    error = await fails(make_client(gw.base_url, max_download_bytes=64 * 1024))
    assert type(error) is error_type
    assert error.charge is charge
    assert len(gw.requests) == 1
    assert sleeper.waits == []
    assert gw.produced == []


async def test_redirect_target_never_fetched(gw: FakeImageGateway, make_client: MakeClient) -> None:
    gw.fail_next("redirect")
    await fails(make_client(gw.base_url))
    assert len(gw.downloads) == 1


async def test_invalid_option_names_the_param_but_not_upstream_text(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    request = ImageRequest("openai/gpt-image-1", "cat", 1, None, None, "b64_json")
    error = await fails(make_client(gw.base_url), request)
    assert isinstance(error, BadRequestError)
    assert error.status == 400
    assert error.param == "response_format"
    assert image_failure(ENGLISH, error) == (
        "The image service rejected this request: the `response_format` option is not accepted."
    )
    assert error.detail == "Unknown parameter: 'response_format'."
    assert len(gw.requests) == 1


async def test_unknown_model_is_a_bad_request(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    request = ImageRequest("openai/dall-e-9", "cat", 1, None, None, None)
    error = await fails(make_client(gw.base_url), request)
    assert isinstance(error, BadRequestError)
    assert (error.status, error.code) == (400, "model_not_found")
    assert error.param == "model"
    assert image_failure(ENGLISH, error) == (
        "The image service rejected this request: the `model` option is not accepted."
    )
    assert len(gw.requests) == 1


async def test_user_messages_are_fixed_text(gw: FakeImageGateway, make_client: MakeClient) -> None:
    client = make_client(gw.base_url)
    gw.fail_next("content_policy")
    policy = await fails(client)
    gw.fail_next("auth")
    auth = await fails(client)
    assert image_failure(ENGLISH, policy) == image_failure(ENGLISH, ContentPolicyError())
    assert "safety system" in (policy.detail or "")
    assert "admin" in image_failure(ENGLISH, auth)
    assert "key" in image_failure(ENGLISH, auth)
    assert "Incorrect API key provided: [redacted]" in (auth.detail or "")


async def test_read_timeout_not_retried_and_charge_unknown(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    gw.fail_next("slow", seconds=5)
    error = await fails(make_client(gw.base_url, total_timeout=0.3))
    assert isinstance(error, ImageTimeoutError)
    assert error.charge is ChargeOutcome.UNKNOWN
    assert len(gw.requests) == 1
    assert sleeper.waits == []


async def test_slow_answer_within_budget_succeeds(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    gw.fail_next("slow", seconds=0.2)
    result = await make_client(gw.base_url, total_timeout=5).generate(DALLE3)
    assert [image.data for image in result.images] == gw.produced


# --- retries and waits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "opts"),
    [
        ("rate_limit", {}),
        ("server_error", {"status": 500}),
        ("server_error", {"status": 502}),
        ("server_error", {"status": 503}),
        ("http_error", {"status": 408}),
        ("http_error", {"status": 409}),
    ],
)
async def test_transient_failures_retried_then_succeed(
    gw: FakeImageGateway,
    make_client: MakeClient,
    sleeper: Sleeper,
    kind: str,
    opts: dict[str, Any],
) -> None:
    gw.fail_next(kind, times=2, **opts)
    result = await make_client(gw.base_url).generate(DALLE3)
    assert len(gw.requests) == 3
    assert sleeper.waits == [0.5, 1.0]
    assert [image.data for image in result.images] == gw.produced
    assert len(gw.produced) == 1


@pytest.mark.parametrize(
    ("random_value", "waits"),
    [(0.0, [0.5, 1.0]), (0.5, [0.4375, 0.875]), (1.0, [0.375, 0.75])],
)
async def test_backoff_jitter_between_075_and_1(
    gw: FakeImageGateway,
    make_client: MakeClient,
    sleeper: Sleeper,
    random_value: float,
    waits: list[float],
) -> None:
    gw.fail_next("server_error", times=2)
    await make_client(gw.base_url, random=lambda: random_value).generate(DALLE3)
    assert sleeper.waits == pytest.approx(waits)


async def test_backoff_capped(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    gw.fail_next("server_error", times=4)
    client = make_client(gw.base_url, max_retries=4, backoff_base=1.0, backoff_cap=3.0)
    await client.generate(DALLE3)
    assert sleeper.waits == [1.0, 2.0, 3.0, 3.0]


@pytest.mark.parametrize(
    ("kind", "error_type"),
    [("server_error", UpstreamUnavailableError), ("rate_limit", RateLimitedError)],
)
async def test_retries_exhausted(
    gw: FakeImageGateway,
    make_client: MakeClient,
    sleeper: Sleeper,
    kind: str,
    error_type: type[ImageAPIError],
) -> None:
    gw.fail_next(kind, times=3)
    error = await fails(make_client(gw.base_url, max_retries=2))
    assert type(error) is error_type
    assert error.charge is ChargeOutcome.NOT_CHARGED
    assert len(gw.requests) == 3
    assert sleeper.waits == [0.5, 1.0]
    assert gw.pending_failures == 0


async def test_no_retries_when_max_retries_is_zero(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    gw.fail_next("server_error")
    await fails(make_client(gw.base_url, max_retries=0))
    assert len(gw.requests) == 1
    assert sleeper.waits == []


@pytest.mark.parametrize(
    ("opts", "wait"),
    [
        ({"retry_after_ms": 1500}, 1.5),
        ({"retry_after": 2}, 2.0),
        ({"retry_after": "1.25"}, 1.25),
        ({"retry_after": 9, "retry_after_ms": 300}, 0.3),
        ({"retry_after": "soon"}, 0.5),  # unparsable: own backoff
    ],
)
async def test_server_wait_honoured(
    gw: FakeImageGateway,
    make_client: MakeClient,
    sleeper: Sleeper,
    opts: dict[str, Any],
    wait: float,
) -> None:
    gw.fail_next("rate_limit", **opts)
    await make_client(gw.base_url).generate(DALLE3)
    assert sleeper.waits == [wait]


async def test_server_wait_as_http_date(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    gw.fail_next("rate_limit", retry_after=format_datetime(when, usegmt=True))
    await make_client(gw.base_url, retry_budget=60).generate(DALLE3)
    (wait,) = sleeper.waits
    assert 28 < wait <= 30


async def test_server_wait_on_503_honoured(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    gw.fail_next("server_error", status=503, retry_after=3)
    await make_client(gw.base_url).generate(DALLE3)
    assert sleeper.waits == [3.0]


async def test_server_wait_over_the_retry_budget_gives_up_at_once(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    """The member hears 'busy' now rather than after a wait that leaves no time to answer."""
    gw.fail_next("rate_limit", times=3, retry_after=11)
    error = await fails(make_client(gw.base_url))  # the default budget: 10 s
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 11
    assert len(gw.requests) == 1
    assert sleeper.waits == []


async def test_rate_limited_error_reports_server_wait(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    gw.fail_next("rate_limit", times=3, retry_after_ms=200)
    error = await fails(make_client(gw.base_url))
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 0.2


async def test_wait_that_would_overrun_total_timeout_not_started(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    gw.fail_next("rate_limit", times=3, retry_after=6)
    error = await fails(make_client(gw.base_url, total_timeout=5))
    assert isinstance(error, RateLimitedError)
    assert len(gw.requests) == 1
    assert sleeper.waits == []


async def test_backoff_stops_at_total_timeout(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    gw.fail_next("server_error", times=5)
    client = make_client(gw.base_url, total_timeout=1.0, backoff_base=0.6, max_retries=5)
    await fails(client)
    assert sleeper.waits == [0.6]  # the next wait, 1.2 s, would overrun the 1 s budget
    assert len(gw.requests) == 2


async def test_sleep_overshooting_the_budget_gives_up_without_sending(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    async def oversleep(seconds: float) -> None:
        await asyncio.sleep(seconds + 0.3)

    gw.fail_next("server_error", times=3)
    client = make_client(gw.base_url, total_timeout=0.25, backoff_base=0.1, sleep=oversleep)
    error = await fails(client)
    assert isinstance(error, UpstreamUnavailableError)
    assert len(gw.requests) == 1


def test_timeouts_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        ImageClient("https://gw.example/v1", KEY, total_timeout=0)


async def test_real_sleep_spaces_the_attempts(gw: FakeImageGateway) -> None:
    client = ImageClient(gw.base_url, KEY, allow_private_downloads=True)
    try:
        gw.fail_next("rate_limit", retry_after_ms=200)
        await client.generate(DALLE3)
    finally:
        await client.close()
    first, second = gw.requests
    assert second.arrived - first.arrived >= 0.2


async def test_connection_refused_retried_then_unavailable(
    make_client: MakeClient, sleeper: Sleeper
) -> None:
    client = make_client(f"http://127.0.0.1:{closed_port()}/v1")
    error = await fails(client)
    assert isinstance(error, UpstreamUnavailableError)
    assert error.charge is ChargeOutcome.NOT_CHARGED
    assert isinstance(error.__cause__, aiohttp.ClientConnectorError)
    assert sleeper.waits == [0.5, 1.0]


# --- what may have been charged when the call is cancelled ---------------------------------


async def cancel(task: asyncio.Task[Any]) -> None:
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_cancelled_while_request_in_flight_may_be_charged(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    gw.fail_next("slow", seconds=30)
    tracker = ChargeTracker()
    task = asyncio.create_task(make_client(gw.base_url).generate(DALLE3, tracker))

    async def arrived() -> bool:
        return bool(gw.requests)

    await eventually(arrived)
    await cancel(task)
    assert tracker.charge is ChargeOutcome.UNKNOWN


async def test_cancelled_while_resolving_was_not_charged(make_client: MakeClient) -> None:
    resolver = HangingResolver()
    client = make_client("http://gateway.test:1/v1", resolver=resolver)
    tracker = ChargeTracker()
    task = asyncio.create_task(client.generate(DALLE3, tracker))
    await asyncio.wait_for(resolver.asked.wait(), 5)
    await cancel(task)
    assert tracker.charge is ChargeOutcome.NOT_CHARGED


async def test_caller_session_cannot_tell_so_connecting_may_be_charged(
    make_client: MakeClient,
) -> None:
    resolver = HangingResolver()
    connector = aiohttp.TCPConnector(resolver=resolver)
    async with aiohttp.ClientSession(connector=connector) as session:
        client = make_client("http://gateway.test:1/v1", session=session)
        tracker = ChargeTracker()
        task = asyncio.create_task(client.generate(DALLE3, tracker))
        await asyncio.wait_for(resolver.asked.wait(), 5)
        await cancel(task)
    assert tracker.charge is ChargeOutcome.UNKNOWN


async def test_budget_running_out_before_sending_was_not_charged(
    make_client: MakeClient,
) -> None:
    client = make_client("http://gateway.test:1/v1", resolver=HangingResolver(), total_timeout=0.2)
    tracker = ChargeTracker()
    error = await fails_tracked(client, tracker)
    assert isinstance(error, ImageTimeoutError)
    assert error.charge is ChargeOutcome.NOT_CHARGED
    assert tracker.charge is ChargeOutcome.NOT_CHARGED


@pytest.mark.parametrize("own_session", [True, False])
async def test_cancelled_between_attempts_was_not_charged(
    gw: FakeImageGateway, make_client: MakeClient, own_session: bool
) -> None:
    sleeping = asyncio.Event()

    async def hang(seconds: float) -> None:
        sleeping.set()
        await asyncio.Event().wait()

    async with aiohttp.ClientSession() as session:
        options: dict[str, Any] = {} if own_session else {"session": session}
        client = make_client(gw.base_url, sleep=hang, **options)
        gw.fail_next("rate_limit")
        tracker = ChargeTracker()
        task = asyncio.create_task(client.generate(DALLE3, tracker))
        await asyncio.wait_for(sleeping.wait(), 5)
        await cancel(task)
    assert tracker.charge is ChargeOutcome.NOT_CHARGED
    assert len(gw.requests) == 1


async def test_tracker_charged_after_success(gw: FakeImageGateway, make_client: MakeClient) -> None:
    tracker = ChargeTracker()
    await make_client(gw.base_url).generate(DALLE3, tracker)
    assert tracker.charge is ChargeOutcome.CHARGED


@pytest.mark.parametrize(
    ("kind", "charge"),
    [
        ("content_policy", ChargeOutcome.NOT_CHARGED),
        ("disconnect", ChargeOutcome.UNKNOWN),
        ("not_image", ChargeOutcome.CHARGED),
    ],
)
async def test_tracker_ends_with_the_error_charge(
    gw: FakeImageGateway, make_client: MakeClient, kind: str, charge: ChargeOutcome
) -> None:
    gw.fail_next(kind)
    tracker = ChargeTracker()
    error = await fails_tracked(make_client(gw.base_url), tracker)
    assert error.charge is charge
    assert tracker.charge is charge


async def test_resolver_cannot_be_combined_with_a_given_session() -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(ValueError, match="resolver"):
            ImageClient("https://gw.example/v1", KEY, session=session, resolver=HangingResolver())


# --- logs and secrecy -----------------------------------------------------------------------


async def test_failure_logged_with_context(
    gw: FakeImageGateway, make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="imagine.images")
    gw.fail_next("rate_limit")
    await make_client(gw.base_url).generate(DALLE3)
    (warning,) = [r for r in caplog.records if r.levelno == logging.WARNING]
    message = warning.getMessage()
    assert warning.name == "imagine.images"
    for fragment in ("RateLimitedError", "status=429", "code=rate_limit_exceeded", "attempt=1/3"):
        assert fragment in message
    assert "request_id=req_" in message
    assert "retry in 0.50s" in message


def leaked_key_in(text: str, key: str) -> bool:
    """The key, or the masked form a gateway echoes (its last four characters after stars)."""
    return key in text or f"*{key[-4:]}" in text


SECRECY_CASES: list[tuple[str, dict[str, Any]]] = [
    (kind, {}) for kind in ("auth", "content_policy", "moderation_blocked", "insufficient_quota")
] + [
    ("rate_limit", {"times": 3}),
    ("server_error", {"times": 3}),
    ("http_error", {"status": 400, "message": f"bad key {KEY} here", "param": "size"}),
    ("http_error", {"status": 500, "times": 3, "message": f"key={KEY}"}),
    ("malformed_json", {}),
    ("truncated_b64", {}),
    ("not_image", {}),
    ("disconnect", {}),
    ("oversize_download", {"size": 100_000}),
    ("redirect", {}),
    ("wrong_content_type", {}),
    ("bad_url", {"url": f"http://[::1]:{KEY}"}),
    ("slow", {"seconds": 5}),
]


@pytest.mark.parametrize(("kind", "opts"), SECRECY_CASES)
async def test_key_never_in_logs_or_errors(
    gw: FakeImageGateway,
    make_client: MakeClient,
    caplog: pytest.LogCaptureFixture,
    kind: str,
    opts: dict[str, Any],
) -> None:
    caplog.set_level(logging.DEBUG)
    gw.fail_next(kind, **opts)
    client = make_client(gw.base_url, total_timeout=0.3, max_download_bytes=64 * 1024)
    error = await fails(client)
    assert_key_absent(error, client, caplog)


@pytest.mark.parametrize("wrong_key", [False, True])
async def test_key_never_leaks_on_refused_key_or_connection(
    gw: FakeImageGateway, make_client: MakeClient, caplog: pytest.LogCaptureFixture, wrong_key: bool
) -> None:
    caplog.set_level(logging.DEBUG)
    base = gw.base_url if wrong_key else f"http://127.0.0.1:{closed_port()}/v1"
    client = make_client(base, api_key=KEY if not wrong_key else "sk-other-0123456789abcdef")
    error = await fails(client)
    assert_key_absent(error, client, caplog, key="sk-other-0123456789abcdef" if wrong_key else KEY)


def assert_key_absent(
    error: ImageAPIError,
    client: ImageClient,
    caplog: pytest.LogCaptureFixture,
    key: str = KEY,
) -> None:
    texts = [
        str(error),
        repr(error),
        image_failure(ENGLISH, error),
        error.detail or "",
        repr(client),
    ]
    texts += traceback.format_exception(error)
    assert any(r.name == "imagine.images" for r in caplog.records), "failure must be logged"
    for record in caplog.records:
        texts += [record.getMessage(), repr(record.args), record.exc_text or ""]
    for text in texts:
        assert not leaked_key_in(text, key), text


# --- pure helpers ---------------------------------------------------------------------------


def test_parse_retry_after_forms() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    date = format_datetime(now + timedelta(seconds=42), usegmt=True)
    assert parse_retry_after({"retry-after": date}, now) == 42
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}, now) == 0.25
    assert parse_retry_after({"retry-after-ms": "nope", "retry-after": "9"}, now) == 9
    assert parse_retry_after({"retry-after": format_datetime(now, usegmt=True)}, now) is None
    assert parse_retry_after({"retry-after": "inf"}, now) is None
    assert parse_retry_after({"retry-after": "-3"}, now) is None
    assert parse_retry_after({}, now) is None


def test_redact_removes_key_and_key_like_tokens() -> None:
    text = redact(f"bad {KEY} and sk-proj-ab**********wxyz and more " + "x" * 400, KEY)
    assert KEY not in text
    assert "wxyz" not in text
    assert text.startswith("bad [redacted] and [redacted] and more")
    assert len(text) == 300

    assert redact("token Zq81mVVx0pLw3 refused", "Zq81mVVx0pLw3") == "token [redacted] refused"
