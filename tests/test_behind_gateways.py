"""ImageClient behind gateways that rewrite the image service's answers (LiteLLM, Azure).

The fake gateway answers exactly as they do (``fail_next("litellm", answer=...)`` gives LiteLLM
1.108.7's shapes; ``http_error`` the others), over real HTTP.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest

from bot.clock import FakeClock
from bot.images import (
    OPERATOR_ALERT_INTERVAL,
    AuthenticationError,
    BadRequestError,
    ChargeOutcome,
    ContentPolicyError,
    GatewayConfigError,
    ImageAPIError,
    ImageClient,
    InsufficientQuotaError,
    RateLimitedError,
    UpstreamUnavailableError,
)
from cogs.i18n import words_for
from cogs.presenters import image_failure
from tests.fakes.image_gateway import FakeImageGateway
from tests.image_clients import DALLE3, KEY, MakeClient, Sleeper

SAFETY = "Your request was rejected as a result of our safety system."
AZURE_FILTERED = (
    "The response was filtered due to the prompt triggering Azure OpenAI's content management "
    "policy. Please modify your prompt and retry."
)
AZURE_RATE = (
    "Requests to the Images_Generations Operation under Azure OpenAI API version 2024-02-01 "
    "have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after "
    "2 seconds."
)
LITELLM_400 = "litellm.BadRequestError: OpenAIException - "

ENGLISH = words_for("en-US")


async def fails(client: ImageClient) -> ImageAPIError:
    with pytest.raises(ImageAPIError) as info:
        await client.generate(DALLE3)
    return info.value


def litellm(answer: str, **opts: Any) -> tuple[str, dict[str, Any]]:
    return "litellm", {"answer": answer, **opts}


def http(status: int, message: str, **opts: Any) -> tuple[str, dict[str, Any]]:
    return "http_error", {"status": status, "message": message, **opts}


# --- one classification, whatever the gateway made of the answer -------------------------------

PHRASINGS: list[tuple[str, tuple[str, dict[str, Any]], type[ImageAPIError]]] = [
    # OpenAI itself
    ("openai policy code", ("content_policy", {}), ContentPolicyError),
    ("openai policy, code null", ("content_policy", {"legacy": True}), ContentPolicyError),
    ("openai moderation_blocked", ("moderation_blocked", {}), ContentPolicyError),
    (
        "openai usage policy, code null",
        http(
            400,
            "Invalid prompt: your prompt was flagged as potentially violating our usage "
            "policy. Please try again with a different prompt.",
        ),
        ContentPolicyError,
    ),
    ("openai insufficient_quota", ("insufficient_quota", {}), InsufficientQuotaError),
    ("openai rate limit", ("rate_limit", {"times": 3}), RateLimitedError),
    ("openai wrong key", ("auth", {}), AuthenticationError),
    (
        "openai: a meaningful code wins over quoted words",
        http(400, f"Invalid 'prompt': '{SAFETY}' is too long.", code="invalid_value"),
        BadRequestError,
    ),
    # LiteLLM 1.108.7: code "400"/"429", message prefixed
    ("litellm policy, custom message", litellm("content_policy"), ContentPolicyError),
    (
        "litellm ContentPolicyViolationError",
        litellm(
            "content_policy",
            message="litellm.ContentPolicyViolationError: ContentPolicyViolationError: "
            "OpenAIException - This request was refused.",
        ),
        ContentPolicyError,
    ),
    (
        "litellm policy, OpenAI's words",
        litellm("content_policy", message=f"{LITELLM_400}{SAFETY}"),
        ContentPolicyError,
    ),
    (
        "litellm moderation_blocked, OpenAI's type kept",
        litellm("moderation_blocked"),
        ContentPolicyError,
    ),
    ("litellm insufficient_quota", litellm("insufficient_quota"), InsufficientQuotaError),
    ("litellm rate limit", litellm("rate_limit"), RateLimitedError),
    ("litellm server error", litellm("server_error"), UpstreamUnavailableError),
    ("litellm drop_params refusal", litellm("unsupported_params"), GatewayConfigError),
    ("litellm unknown key, no db", litellm("no_db"), AuthenticationError),
    (
        "litellm other bad request",
        litellm("bad_request", message=f"{LITELLM_400}Invalid size '7x7'."),
        BadRequestError,
    ),
    # ... whose echo of the prompt is the member's words, not a refusal (no strike)
    ("litellm prompt about a safety system", litellm("bad_request"), BadRequestError),
    (
        "litellm prompt with an apostrophe",
        litellm(
            "bad_request",
            message=f"{LITELLM_400}Invalid 'prompt': 'the car's safety system, flagged by "
            "moderation' is too long.",
        ),
        BadRequestError,
    ),
    (
        "litellm prompt in double quotes",
        litellm(
            "bad_request",
            message=f'{LITELLM_400}Invalid "prompt": "a post flagged by moderation" is too long.',
        ),
        BadRequestError,
    ),
    (
        "litellm prompt in typographic quotes",
        litellm(
            "bad_request",
            message=f"{LITELLM_400}Invalid prompt “a poster about the car safety system…”.",
        ),
        BadRequestError,
    ),
    # Azure OpenAI
    (
        "azure content_filter",
        http(
            400,
            AZURE_FILTERED,
            code="content_filter",
            param="prompt",
            innererror={"code": "ResponsibleAIPolicyViolation"},
        ),
        ContentPolicyError,
    ),
    (
        "azure policy by innererror only",
        http(
            400,
            "The prompt was refused.",
            code=None,
            innererror={"code": "ResponsibleAIPolicyViolation"},
        ),
        ContentPolicyError,
    ),
    (
        "azure dall-e contentFilter",
        http(400, "Your task failed as a result of our safety system.", code="contentFilter"),
        ContentPolicyError,
    ),
    ("azure rate limit", http(429, AZURE_RATE, code="429", times=3), RateLimitedError),
]


@pytest.mark.parametrize(
    ("kind", "opts", "expected"),
    [pytest.param(*case, expected, id=name) for name, case, expected in PHRASINGS],
)
async def test_each_gateways_phrasing_is_classified_right(
    gw: FakeImageGateway,
    make_client: MakeClient,
    kind: str,
    opts: dict[str, Any],
    expected: type[ImageAPIError],
) -> None:
    gw.fail_next(kind, **opts)
    error = await fails(make_client(gw.base_url))
    assert type(error) is expected
    assert error.charge is ChargeOutcome.NOT_CHARGED


# --- retries: bounded by time, and none on top of a gateway's own ------------------------------


@pytest.mark.parametrize(
    ("answer", "error_type"),
    [("rate_limit", RateLimitedError), ("server_error", UpstreamUnavailableError)],
)
async def test_no_retry_on_top_of_litellms_own(
    gw: FakeImageGateway,
    make_client: MakeClient,
    sleeper: Sleeper,
    answer: str,
    error_type: type[ImageAPIError],
) -> None:
    """LiteLLM already made 9 upstream calls: one more attempt of ours would make 18."""
    gw.fail_next("litellm", times=3, answer=answer)
    error = await fails(make_client(gw.base_url))
    assert type(error) is error_type
    assert len(gw.requests) == 1
    assert sleeper.waits == []


async def test_retried_when_the_gateway_says_it_made_no_retry(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    """A LiteLLM configured without retries says so; then the bot's own retries stand in."""
    gw.fail_next("litellm", times=2, answer="server_error", headers={"x-litellm-max-retries": "0"})
    await make_client(gw.base_url).generate(DALLE3)
    assert len(gw.requests) == 3


@pytest.mark.parametrize(
    ("message", "wait"),
    [
        (None, 5.0),  # LiteLLM's own words: "Try again in 5 seconds"
        ("No deployments available for selected model, Try again in 2.5 seconds.", 2.5),
        ("All deployments for selected model are in cooldown.", 5.0),  # no number: its default
    ],
)
async def test_gateway_cooldown_waited_out_without_retry_after(
    gw: FakeImageGateway,
    make_client: MakeClient,
    sleeper: Sleeper,
    message: str | None,
    wait: float,
) -> None:
    opts: dict[str, Any] = {} if message is None else {"message": message}
    gw.fail_next("litellm", answer="cooldown", **opts)
    result = await make_client(gw.base_url).generate(DALLE3)
    assert [image.data for image in result.images] == gw.produced
    assert sleeper.waits == [wait]
    assert len(gw.requests) == 2


async def test_cooldown_longer_than_the_budget_left_is_busy_at_once(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    gw.fail_next("litellm", answer="cooldown")
    error = await fails(make_client(gw.base_url, retry_budget=4.0))
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == 5.0
    assert image_failure(ENGLISH, error).startswith("The image service is busy")
    assert len(gw.requests) == 1
    assert sleeper.waits == []


async def test_rate_limit_wait_said_only_in_words_is_honoured(
    gw: FakeImageGateway, make_client: MakeClient, sleeper: Sleeper
) -> None:
    gw.fail_next("http_error", status=429, code="429", message=AZURE_RATE)
    await make_client(gw.base_url).generate(DALLE3)
    assert sleeper.waits == [2.0]


async def test_a_5xx_slower_than_the_budget_is_final(
    gw: FakeImageGateway, make_client: MakeClient
) -> None:
    """A gateway that took that long has retried (or waited) on its own: no more on top."""
    gw.fail_next("server_error", times=3, delay=0.3)
    error = await fails(make_client(gw.base_url, retry_budget=0.2))
    assert isinstance(error, UpstreamUnavailableError)
    assert len(gw.requests) == 1


async def test_retries_stop_when_the_budget_is_spent_whatever_the_count(
    gw: FakeImageGateway,
) -> None:
    gw.fail_next("server_error", times=20)
    client = ImageClient(
        gw.base_url, KEY, max_retries=10, backoff_base=0.2, retry_budget=1.0, random=lambda: 0.0
    )
    try:
        await fails(client)
    finally:
        await client.close()
    # Waits 0.2 and 0.4 fit in 1 s, 0.8 more does not; not "== 3": the budget is the loop's real
    # time, so answers slower than about 0.1 s each (a loaded machine) leave room for 2. At least
    # 2: the budget bounds the retries, it does not stop them.
    assert 2 <= len(gw.requests) <= 3


# --- what the operator and the member read -----------------------------------------------------


async def test_out_of_credit_told_to_member_and_once_to_operator_at_error(
    gw: FakeImageGateway,
    make_client: MakeClient,
    sleeper: Sleeper,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="imagine.images")
    gw.fail_next("litellm", times=2, answer="insufficient_quota")
    client = make_client(gw.base_url)
    errors = [await fails(client), await fails(client)]
    assert all(isinstance(error, InsufficientQuotaError) for error in errors)
    assert "out of credit" in image_failure(ENGLISH, errors[0])
    assert len(gw.requests) == 2  # one each: never retried
    assert sleeper.waits == []
    (alert,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    text = alert.getMessage()
    assert "out of credit" in text
    assert "You exceeded your current quota" in text  # the gateway's own words
    assert f"request_id={gw_call_id(gw, 0)}" in text


async def test_out_of_credit_said_at_error_again_once_per_period_with_the_count(
    gw: FakeImageGateway, make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="imagine.images")
    clock = FakeClock()
    gw.fail_next("litellm", times=4, answer="insufficient_quota")
    client = make_client(gw.base_url, clock=clock)

    def alerts() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]

    await fails(client)
    assert len(alerts()) == 1
    clock.advance(OPERATOR_ALERT_INTERVAL - timedelta(seconds=1))
    await fails(client)
    await fails(client)
    assert len(alerts()) == 1  # inside the period: held back, said at INFO only
    clock.advance(seconds=1)
    await fails(client)
    first, second = alerts()
    assert "out of credit" in second
    assert "(0 like it held back)" in first
    assert "(2 like it held back)" in second
    infos = [r for r in caplog.records if r.getMessage().startswith("image request failed:")]
    assert [r.levelno for r in infos] == [logging.INFO] * 4


def gw_call_id(gw: FakeImageGateway, index: int) -> str:
    """The x-litellm-call-id the fake answered request ``index`` with (its log names it)."""
    return gw.answered_headers[index]["x-litellm-call-id"]


@pytest.mark.parametrize(
    ("kind", "opts", "words", "masked"),
    [
        ("litellm", {"answer": "no_db"}, "'No connected db.'", None),  # LiteLLM's own key
        (  # the upstream's key, as LiteLLM passes its refusal on
            "litellm",
            {"answer": "auth"},
            '"litellm.AuthenticationError: AuthenticationError: OpenAIException - Incorrect API '
            "key provided: [redacted]. You can find",  # in double quotes: the words hold a quote
            "cdef",
        ),
        ("auth", {}, "'Incorrect API key provided: [redacted]. You can find", KEY[-4:]),
    ],
    ids=["litellm-own-key", "litellm-upstream-key", "openai"],
)
async def test_refused_key_logged_as_the_gateways_refusal_never_the_key(
    gw: FakeImageGateway,
    make_client: MakeClient,
    caplog: pytest.LogCaptureFixture,
    kind: str,
    opts: dict[str, Any],
    words: str,
    masked: str | None,
) -> None:
    """The gateway's words say whose key failed; the key they echo, masked, is never logged."""
    caplog.set_level(logging.DEBUG)
    gw.fail_next(kind, **opts)
    error = await fails(make_client(gw.base_url))
    assert isinstance(error, AuthenticationError)
    assert len(gw.requests) == 1
    (alert,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    text = alert.getMessage()
    assert "refused the API key or is misconfigured" in text
    assert f"gateway said {words}" in text
    assert KEY not in caplog.text
    assert masked is None or masked not in caplog.text


async def test_parameter_refused_by_gateway_config_is_an_operator_error(
    gw: FakeImageGateway, make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="imagine.images")
    gw.fail_next("litellm", answer="unsupported_params")
    error = await fails(make_client(gw.base_url))
    assert isinstance(error, GatewayConfigError)
    assert error.charge is ChargeOutcome.NOT_CHARGED  # refunded in full
    # The member is told it is the bot's set-up, not their request, that is wrong.
    assert image_failure(ENGLISH, error) == ENGLISH("image-gateway-config")
    assert "bot admin" in image_failure(ENGLISH, error)
    (alert,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    text = alert.getMessage()
    assert "configuration refuses a parameter" in text
    assert "drop_params: true" in text
    assert "Setting response_format is not supported by openai, flux/flux-1-pro" in text


async def test_an_ordinary_bad_request_is_no_operator_error(
    gw: FakeImageGateway, make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    gw.fail_next("http_error", status=400, code="invalid_value", param="size")
    await fails(make_client(gw.base_url))
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize(
    ("kind", "opts", "header"),
    [
        ("litellm", {"answer": "server_error"}, "x-litellm-call-id"),
        (
            "http_error",
            {"status": 400, "request_id": False, "headers": {"apim-request-id": "a1"}},
            "apim-request-id",
        ),
        ("http_error", {"status": 400}, "x-request-id"),
    ],
)
async def test_failure_logged_with_whichever_request_id_the_gateway_sent(
    gw: FakeImageGateway,
    make_client: MakeClient,
    caplog: pytest.LogCaptureFixture,
    kind: str,
    opts: dict[str, Any],
    header: str,
) -> None:
    caplog.set_level(logging.INFO, logger="imagine.images")
    gw.fail_next(kind, **opts)
    error = await fails(make_client(gw.base_url))
    sent = gw.answered_headers[0][header]
    assert error.request_id == sent
    assert f"request_id={sent}" in caplog.text
