"""The fake gateway must speak the real contract, or tests against it prove nothing.

These tests drive it with a bare aiohttp client, independent of ``bot.images``.
"""

from __future__ import annotations

import base64
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.image_format import complete_image_format, detect_image_format
from tests.fakes.image_gateway import (
    LITELLM_ANSWERS,
    LITELLM_NO_FALLBACK,
    FakeImageGateway,
    check_images_response,
    make_png,
)

KEY = "test-key"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture
async def gw() -> AsyncIterator[FakeImageGateway]:
    async with FakeImageGateway(api_key=KEY) as gateway:
        yield gateway


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def post(
    http: aiohttp.ClientSession,
    gw: FakeImageGateway,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> tuple[int, Any, aiohttp.ClientResponse]:
    async with http.post(
        f"{gw.base_url}/images/generations", json=body, headers=AUTH if headers is None else headers
    ) as response:
        return response.status, await response.json(content_type=None), response


def error_of(payload: Any) -> dict[str, Any]:
    """The error object, after checking it has exactly the real shape."""
    assert set(payload) == {"error"}
    error: dict[str, Any] = payload["error"]
    assert set(error) == {"message", "type", "param", "code"}
    return error


def test_own_answer_check_rejects_a_broken_answer() -> None:
    with pytest.raises(AssertionError, match="ImagesResponse"):
        check_images_response({"data": []})  # "created" is required
    check_images_response({"created": 1, "data": [{"url": "http://x/y.png"}]})


@pytest.mark.parametrize(
    ("headers", "fragment"),
    [
        ({"Authorization": "Bearer wrong-key-12345"}, "wro********2345"),
        ({}, "didn't provide an API key"),
        ({"Authorization": f"Basic {KEY}"}, "didn't provide an API key"),
    ],
)
async def test_auth_refused_with_real_error_shape(
    gw: FakeImageGateway, http: aiohttp.ClientSession, headers: dict[str, str], fragment: str
) -> None:
    body = {"model": "openai/dall-e-2", "prompt": "cat"}
    status, payload, response = await post(http, gw, body, headers)
    assert status == 401
    assert fragment in error_of(payload)["message"]
    assert response.headers["x-request-id"].startswith("req_")
    assert gw.produced == []


@pytest.mark.parametrize(
    ("body", "status", "param"),
    [
        ({"model": "openai/dall-e-3", "prompt": "cat", "n": 2}, 400, "n"),
        ({"model": "openai/dall-e-2", "prompt": "cat", "n": 11}, 400, "n"),
        ({"model": "openai/dall-e-2", "prompt": "cat", "n": 0}, 400, "n"),
        ({"model": "openai/dall-e-2", "prompt": "cat", "size": "1792x1024"}, 400, "size"),
        ({"model": "openai/dall-e-3", "prompt": "cat", "size": "512x512"}, 400, "size"),
        ({"model": "openai/gpt-image-1", "prompt": "cat", "size": "1792x1024"}, 400, "size"),
        ({"model": "openai/dall-e-2", "prompt": "cat", "quality": "hd"}, 400, "quality"),
        ({"model": "openai/dall-e-3", "prompt": "cat", "quality": "high"}, 400, "quality"),
        ({"model": "openai/gpt-image-1", "prompt": "cat", "quality": "hd"}, 400, "quality"),
        ({"model": "openai/dall-e-2", "prompt": "cat", "style": "vivid"}, 400, "style"),
        ({"model": "openai/dall-e-3", "prompt": "cat", "style": "moody"}, 400, "style"),
        ({"model": "openai/gpt-image-1", "prompt": "cat", "style": "vivid"}, 400, "style"),
        ({"model": "openai/dall-e-3", "prompt": "cat", "background": "opaque"}, 400, "background"),
        ({"model": "flux/flux-1-pro", "prompt": "cat", "background": "auto"}, 400, "background"),
        (
            {"model": "openai/dall-e-3", "prompt": "cat", "output_format": "png"},
            400,
            "output_format",
        ),
        (
            {"model": "openai/gpt-image-1", "prompt": "cat", "output_format": "gif"},
            400,
            "output_format",
        ),
        (
            {
                "model": "openai/gpt-image-1",
                "prompt": "cat",
                "background": "transparent",
                "output_format": "jpeg",
            },
            400,
            "output_format",
        ),
        (
            {"model": "openai/gpt-image-1", "prompt": "cat", "response_format": "b64_json"},
            400,
            "response_format",
        ),
        ({"model": "openai/dall-e-2", "prompt": "x" * 1001}, 400, "prompt"),
        ({"model": "openai/dall-e-3", "prompt": "x" * 4001}, 400, "prompt"),
        ({"model": "openai/gpt-image-1", "prompt": "x" * 32001}, 400, "prompt"),
        ({"model": "openai/dall-e-2", "prompt": ""}, 400, "prompt"),
        ({"model": "openai/dall-e-2"}, 400, "prompt"),
        ({"model": "flux/flux-1-pro", "prompt": "cat", "size": "1000x1000"}, 400, "size"),
        ({"model": "flux/flux-1-pro", "prompt": "cat", "size": "1472x256"}, 400, "size"),
        ({"model": "flux/flux-1-pro", "prompt": "cat", "quality": "hd"}, 400, "quality"),
        ({"model": "flux/flux-1-pro", "prompt": "cat", "n": 2}, 400, "n"),
        ({"model": "openai/dall-e-2", "prompt": "cat", "quality": None}, 400, "quality"),
        ({"model": "openai/dall-e-2", "prompt": "cat", "colour": "red"}, 400, "colour"),
        ({"model": "openai/dall-e-4", "prompt": "cat"}, 400, "model"),
        ({"model": "dall-e-3", "prompt": "cat"}, 400, "model"),
    ],
)
async def test_rules_refuse_bad_bodies(
    gw: FakeImageGateway,
    http: aiohttp.ClientSession,
    body: dict[str, Any],
    status: int,
    param: str,
) -> None:
    got_status, payload, _ = await post(http, gw, body)
    assert got_status == status
    error = error_of(payload)
    assert error["param"] == param
    assert error["type"] == "invalid_request_error"
    assert gw.produced == []
    assert gw.charged_images == 0


@pytest.mark.parametrize(
    ("body", "delivery", "revised"),
    [
        ({"model": "openai/dall-e-2", "prompt": "cat", "n": 10, "size": "256x256"}, "url", False),
        (
            {"model": "openai/dall-e-2", "prompt": "cat", "response_format": "b64_json"},
            "b64",
            False,
        ),
        (
            {"model": "openai/dall-e-3", "prompt": "cat", "quality": "hd", "style": "natural"},
            "url",
            True,
        ),
        (
            {
                "model": "openai/gpt-image-1",
                "prompt": "cat",
                "background": "transparent",
                "output_format": "webp",
            },
            "b64",
            False,
        ),
        (
            {"model": "openai/dall-e-3", "prompt": "x" * 4000, "response_format": "b64_json"},
            "b64",
            True,
        ),
        ({"model": "openai/gpt-image-1", "prompt": "cat", "n": 2, "size": "auto"}, "b64", False),
        ({"model": "openai/gpt-image-1", "prompt": "cat", "quality": "low"}, "b64", False),
        ({"model": "flux/flux-1-pro", "prompt": "cat", "size": "1440x256"}, "url", False),
        (
            {"model": "flux/flux-1-pro", "prompt": "cat", "response_format": "b64_json"},
            "b64",
            False,
        ),
    ],
)
async def test_valid_bodies_answered_with_real_images(
    gw: FakeImageGateway,
    http: aiohttp.ClientSession,
    body: dict[str, Any],
    delivery: str,
    revised: bool,
) -> None:
    status, payload, _ = await post(http, gw, body)
    assert status == 200
    check_images_response(payload)
    items = payload["data"]
    assert len(items) == body.get("n", 1) == len(gw.produced) == gw.charged_images
    for item, produced in zip(items, gw.produced, strict=True):
        if delivery == "url":
            assert set(item) - {"revised_prompt"} == {"url"}
            async with http.get(item["url"]) as response:
                assert response.content_type == "image/png"
                data = await response.read()
        else:
            assert set(item) - {"revised_prompt"} == {"b64_json"}
            data = base64.b64decode(item["b64_json"], validate=True)
        assert data == produced
        assert complete_image_format(data) == body.get("output_format", "png")
        assert ("revised_prompt" in item) is revised
    assert len(set(gw.produced)) == len(gw.produced), "each image must be distinct"


async def test_requests_recorded_with_body_headers_and_time(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    before = time.monotonic()
    body = {"model": "openai/gpt-image-1", "prompt": "cat"}
    await post(http, gw, body)
    await post(http, gw, body, headers={"Authorization": "Bearer nope"})
    assert [r.json for r in gw.requests] == [body, body]
    assert [r.headers["authorization"] for r in gw.requests] == [f"Bearer {KEY}", "Bearer nope"]
    assert before <= gw.requests[0].arrived <= gw.requests[1].arrived <= time.monotonic()
    assert gw.requests[0].path == "/v1/images/generations"


async def test_failure_queue_is_consumed_per_request_in_order(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    gw.fail_next("server_error", times=2, status=503)
    gw.fail_next("content_policy")
    assert gw.pending_failures == 3
    body = {"model": "openai/dall-e-3", "prompt": "cat"}
    statuses = [(await post(http, gw, body))[0] for _ in range(4)]
    assert statuses == [503, 503, 400, 200]
    assert gw.pending_failures == 0


def test_unknown_failure_kind_is_refused() -> None:
    gateway = FakeImageGateway()
    with pytest.raises(ValueError, match="unknown failure kind"):
        gateway.fail_next("gremlins")
    with pytest.raises(ValueError, match="times"):
        gateway.fail_next("auth", times=0)


@pytest.mark.parametrize(
    ("kind", "opts", "status", "code", "headers"),
    [
        (
            "rate_limit",
            {"retry_after": 7, "retry_after_ms": 6500},
            429,
            "rate_limit_exceeded",
            {"retry-after": "7", "retry-after-ms": "6500", "x-ratelimit-remaining-requests": "0"},
        ),
        ("insufficient_quota", {}, 429, "insufficient_quota", {}),
        ("server_error", {"status": 502}, 502, None, {}),
        ("content_policy", {}, 400, "content_policy_violation", {}),
        ("content_policy", {"legacy": True}, 400, None, {}),
        ("moderation_blocked", {}, 400, "moderation_blocked", {}),
        ("auth", {}, 401, "invalid_api_key", {}),
        ("http_error", {"status": 422, "code": "odd", "param": "size"}, 422, "odd", {}),
    ],
)
async def test_error_kinds_answer_in_the_real_shape(
    gw: FakeImageGateway,
    http: aiohttp.ClientSession,
    kind: str,
    opts: dict[str, Any],
    status: int,
    code: str | None,
    headers: dict[str, str],
) -> None:
    gw.fail_next(kind, **opts)
    got, payload, response = await post(http, gw, {"model": "openai/dall-e-3", "prompt": "cat"})
    assert got == status
    assert error_of(payload)["code"] == code
    assert response.headers["x-request-id"].startswith("req_")
    for name, value in headers.items():
        assert response.headers[name] == value
    assert gw.charged_images == 0


async def test_legacy_content_policy_mentions_safety_system(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    gw.fail_next("content_policy", legacy=True)
    _, payload, _ = await post(http, gw, {"model": "openai/dall-e-3", "prompt": "cat"})
    assert "safety system" in error_of(payload)["message"]


async def test_malformed_json_is_a_200_that_is_not_json(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    gw.fail_next("malformed_json")
    async with http.post(
        f"{gw.base_url}/images/generations",
        json={"model": "openai/dall-e-3", "prompt": "cat"},
        headers=AUTH,
    ) as response:
        assert response.status == 200
        with pytest.raises(ValueError, match=r"Expecting|Unterminated"):
            await response.json()


async def test_truncated_b64_is_valid_base64_of_an_incomplete_png(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    gw.fail_next("truncated_b64")
    _, payload, _ = await post(http, gw, {"model": "openai/gpt-image-1", "prompt": "cat"})
    data = base64.b64decode(payload["data"][0]["b64_json"], validate=True)
    assert detect_image_format(data) == "png"
    assert complete_image_format(data) is None
    assert gw.produced == []
    assert gw.charged_images == 1


@pytest.mark.parametrize("response_format", ["b64_json", "url"])
async def test_not_image_alters_only_the_requested_number_of_results(
    gw: FakeImageGateway, http: aiohttp.ClientSession, response_format: str
) -> None:
    gw.fail_next("not_image", images=1)
    body = {"model": "openai/dall-e-2", "prompt": "cat", "n": 3, "response_format": response_format}
    _, payload, _ = await post(http, gw, body)
    payloads = []
    for item in payload["data"]:
        if response_format == "url":
            async with http.get(item["url"]) as response:
                assert response.content_type == "image/png"  # the lie a client must catch
                payloads.append(await response.read())
        else:
            payloads.append(base64.b64decode(item["b64_json"]))
    assert detect_image_format(payloads[0]) is None
    assert payloads[1:] == gw.produced
    assert gw.charged_images == 3


@pytest.mark.parametrize("model", ["openai/dall-e-4", "dall-e-3", "flux/flux-2"])
async def test_unknown_model_is_a_400_model_not_found(
    gw: FakeImageGateway, http: aiohttp.ClientSession, model: str
) -> None:
    status, payload, _ = await post(http, gw, {"model": model, "prompt": "cat"})
    assert status == 400
    error = error_of(payload)
    assert (error["type"], error["param"], error["code"]) == (
        "invalid_request_error",
        "model",
        "model_not_found",
    )


@pytest.mark.parametrize(("extra", "n"), [(2, 2), (1, 1)])
async def test_extra_results_answers_more_than_n(
    gw: FakeImageGateway, http: aiohttp.ClientSession, extra: int, n: int
) -> None:
    gw.fail_next("extra_results", extra=extra)
    _, payload, _ = await post(http, gw, {"model": "openai/gpt-image-1", "prompt": "c", "n": n})
    check_images_response(payload)
    images = [base64.b64decode(item["b64_json"], validate=True) for item in payload["data"]]
    assert len(images) == n + extra == gw.charged_images
    assert images[:n] == gw.produced
    assert all(complete_image_format(image) == "png" for image in images)
    assert len(set(images)) == len(images)


async def test_extra_results_default_is_two_more(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    gw.fail_next("extra_results")
    _, payload, _ = await post(http, gw, {"model": "openai/dall-e-3", "prompt": "cat"})
    assert len(payload["data"]) == 3
    assert len(gw.produced) == 1


@pytest.mark.parametrize(
    ("opts", "url"), [({}, "http://[::1"), ({"url": "not a url"}, "not a url")]
)
async def test_bad_url_replaces_only_the_requested_results(
    gw: FakeImageGateway, http: aiohttp.ClientSession, opts: dict[str, Any], url: str
) -> None:
    gw.fail_next("bad_url", images=1, **opts)
    body = {"model": "openai/dall-e-2", "prompt": "cat", "n": 3, "response_format": "b64_json"}
    _, payload, _ = await post(http, gw, body)
    urls = [item["url"] for item in payload["data"]]
    assert urls[0] == url
    downloaded = []
    for good in urls[1:]:
        async with http.get(good) as response:
            downloaded.append(await response.read())
    assert downloaded == gw.produced
    assert gw.charged_images == 3


async def fetch_result_url(
    http: aiohttp.ClientSession, gw: FakeImageGateway, kind: str, **opts: Any
) -> aiohttp.ClientResponse:
    """Ask for a gpt-image-1 result (normally b64) with a URL kind, and GET its URL."""
    gw.fail_next(kind, **opts)
    _, payload, _ = await post(http, gw, {"model": "openai/gpt-image-1", "prompt": "cat"})
    (item,) = payload["data"]
    async with http.get(item["url"], allow_redirects=False) as response:
        await response.read()
        return response


async def test_redirect_kind_answers_302_to_a_valid_copy(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    response = await fetch_result_url(http, gw, "redirect")
    assert response.status == 302
    async with http.get(response.headers["Location"]) as target:
        assert complete_image_format(await target.read()) == "png"


async def test_wrong_content_type_serves_a_png_as_html(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    response = await fetch_result_url(http, gw, "wrong_content_type")
    assert response.status == 200
    assert response.content_type == "text/html"


@pytest.mark.parametrize("content_length", [True, False])
async def test_oversize_download_is_a_big_real_png(
    gw: FakeImageGateway, http: aiohttp.ClientSession, content_length: bool
) -> None:
    gw.fail_next("oversize_download", size=200_000, content_length=content_length)
    _, payload, _ = await post(http, gw, {"model": "openai/dall-e-3", "prompt": "cat"})
    async with http.get(payload["data"][0]["url"]) as response:
        data = await response.read()
        assert (response.content_length is not None) is content_length
    assert len(data) > 200_000
    assert complete_image_format(data) == "png"


async def test_slow_delays_the_answer(gw: FakeImageGateway, http: aiohttp.ClientSession) -> None:
    gw.fail_next("slow", seconds=0.3)
    started = time.monotonic()
    status, _, _ = await post(http, gw, {"model": "openai/dall-e-3", "prompt": "cat"})
    assert status == 200
    assert time.monotonic() - started >= 0.3


async def test_disconnect_drops_the_connection_without_answer(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    gw.fail_next("disconnect")
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await post(http, gw, {"model": "openai/dall-e-3", "prompt": "cat"})
    assert len(gw.requests) == 1


async def test_noise_images_are_incompressible(http: aiohttp.ClientSession) -> None:
    async with FakeImageGateway(api_key=KEY, width=100, height=100, noise=True) as gateway:
        await post(http, gateway, {"model": "openai/gpt-image-1", "prompt": "cat"})
    assert len(gateway.produced[0]) > 100 * 100 * 3


async def test_path_prefix_is_configurable(http: aiohttp.ClientSession) -> None:
    async with FakeImageGateway(api_key=KEY, path_prefix="/api/openai") as gateway:
        assert gateway.base_url == f"{gateway.origin}/api/openai"
        status, _, _ = await post(http, gateway, {"model": "openai/dall-e-3", "prompt": "cat"})
    assert status == 200


@pytest.mark.parametrize("answer", sorted(LITELLM_ANSWERS))
async def test_litellm_answers_in_its_shape(
    gw: FakeImageGateway, http: aiohttp.ClientSession, answer: str
) -> None:
    """LiteLLM's error code is the status as a string, and it names requests its own way."""
    gw.fail_next("litellm", answer=answer)
    status, payload, response = await post(http, gw, {"model": "openai/dall-e-3", "prompt": "c"})
    expected_status, expected_type, message = LITELLM_ANSWERS[answer]
    upstreams = answer not in {"cooldown", "no_db"}  # the router's, not the proxy's own
    suffix = LITELLM_NO_FALLBACK.format(model="openai/dall-e-3") if upstreams else ""
    assert status == expected_status
    assert error_of(payload) == {
        "message": message + suffix,
        "type": expected_type,
        "param": None,
        "code": str(expected_status),
    }
    assert "x-request-id" not in response.headers
    assert "retry-after" not in response.headers
    assert ("x-litellm-call-id" in response.headers) is (answer != "no_db")
    assert gw.answered_headers[0].get("x-litellm-call-id") == response.headers.get(
        "x-litellm-call-id"
    )


async def test_http_error_can_carry_azures_innererror_and_no_request_id(
    gw: FakeImageGateway, http: aiohttp.ClientSession
) -> None:
    inner = {"code": "ResponsibleAIPolicyViolation"}
    gw.fail_next("http_error", code="content_filter", innererror=inner, request_id=False)
    _, payload, response = await post(http, gw, {"model": "openai/dall-e-3", "prompt": "cat"})
    assert payload["error"]["innererror"] == inner
    assert "x-request-id" not in response.headers


@pytest.mark.parametrize(
    ("field", "filename"),
    [("image", "image.png"), ("image[]", "upload"), ("image[]", "tmp1f3c9.png")],
)
async def test_an_edit_takes_its_image_as_image_or_image_array(
    gw: FakeImageGateway, http: aiohttp.ClientSession, field: str, filename: str
) -> None:
    """OpenAI accepts both; LiteLLM renames ``image`` to ``image[]`` and the file on the way."""
    image = make_png(16, 16, seed=3)
    form = aiohttp.FormData()
    form.add_field("model", "openai/gpt-image-1")
    form.add_field("prompt", "add a hat")
    form.add_field(field, image, filename=filename, content_type="image/png")
    async with http.post(f"{gw.base_url}/images/edits", data=form, headers=AUTH) as response:
        payload = await response.json()
    assert response.status == 200, payload
    assert len(payload["data"]) == 1
    (request,) = gw.requests
    assert request.upload is not None
    assert [(f.field, f.data) for f in request.upload.images] == [(field, image)]
