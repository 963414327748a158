"""The real bot behind the real LiteLLM proxy, configured by the README's own ``config.yaml``.

The proxy (``pip install -e '.[test,compat]'``; without it these tests skip, saying so, or fail
where ``IMAGINE_REQUIRE_LITELLM`` is set, as on CI) runs on 127.0.0.1 in front of the fake
gateway, which listens on the port the proxy's config names. It starts once for the module: it
takes several seconds to start (about 8 on CI).
"""

from __future__ import annotations

import logging

import aiohttp
import pytest
import yaml

from bot.catalog import load_catalog
from tests.conftest import API_KEY
from tests.fakes.image_gateway import LITELLM_ANSWERS, LITELLM_NO_FALLBACK, FakeImageGateway
from tests.litellm_proxy import RunningProxy, behind_proxy
from tests.litellm_proxy import readme_config as readme_config_text
from tests.test_edit_e2e import edited_once, picture
from tests.test_imagine_e2e import used_credits, wait_for_images, wait_for_private_note

# One worker runs the whole module, so the proxy starts once (pytest-xdist's --dist loadgroup).
pytestmark = pytest.mark.xdist_group("litellm-proxy")

CATALOG = load_catalog()  # the built-in one, whose names the README's config uses
# LiteLLM's OpenAI client makes up to 3 calls per request it gets, and the README's config
# keeps its router from repeating them; the bot adds none (the bound is 9).
MAX_UPSTREAM_CALLS = 3
ANSWER_WITHIN = 20.0
CUSTOM_REFUSAL = "This prompt was flagged by moderation."  # no "safety system" in it


upstream_port, proxy, gateway, bot = behind_proxy(readme_config_text, "litellm")


def test_the_readme_config_offers_the_catalogs_models_by_their_names() -> None:
    """Runs without the extra too: the snippet stays in step with the built-in catalog."""
    config = yaml.safe_load(readme_config_text())
    offered = {entry["model_name"] for entry in config["model_list"]}
    assert offered == {model.id for model in CATALOG.models}
    for entry in config["model_list"]:
        params = entry["litellm_params"]
        assert params["api_base"] == "os.environ/UPSTREAM_BASE_URL"  # no address to edit
        assert params["api_key"] == "os.environ/UPSTREAM_API_KEY"  # no secret in the file
    assert config["general_settings"]["master_key"] == "os.environ/LITELLM_MASTER_KEY"


@pytest.mark.parametrize("model", [model.id for model in CATALOG.models])
async def test_each_catalog_model_is_delivered_byte_identical(
    bot, discord_fake, gateway, model: str
) -> None:
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a red fox", "model": model})
    message = await wait_for_images(discord_fake, handle)
    assert [a.data for a in message.attachments] == gateway.produced
    (request,) = gateway.requests
    assert request.json["model"] == model  # the upstream's name, as the catalog has it
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"  # the proxy's key upstream
    wanted = {spec.id: spec.response_format for spec in CATALOG.models}[model]
    # flux's response_format is dropped by LiteLLM (drop_params): its upstream default is url.
    assert request.json.get("response_format") == (None if model.startswith("flux/") else wanted)
    assert await used_credits(bot) > 0


@pytest.mark.parametrize(
    ("kind", "told"),
    [("rate_limit", "busy right now"), ("server_error", "unavailable right now")],
)
async def test_a_failing_upstream_is_called_a_bounded_number_of_times(
    bot, discord_fake, gateway, kind: str, told: str, caplog: pytest.LogCaptureFixture
) -> None:
    attempt = await failing_upstream_told(bot, discord_fake, gateway, kind, told, caplog)
    assert len(gateway.requests) <= MAX_UPSTREAM_CALLS
    assert "request_id=None" not in attempt  # LiteLLM's x-litellm-call-id, for its own log


@pytest.mark.parametrize(
    "answer", ["rate_limit", "insufficient_quota", "server_error", "moderation_blocked"]
)
async def test_the_fakes_litellm_presets_are_what_the_proxy_answers(
    proxy: RunningProxy, gateway: FakeImageGateway, answer: str
) -> None:
    """The fake's ``fail_next("litellm", ...)`` stands in for the proxy in the client tests."""
    gateway.fail_next(answer, times=3)  # LiteLLM's OpenAI client calls up to 3 times
    body = {"model": "openai/dall-e-3", "prompt": "a fox"}
    headers = {"Authorization": f"Bearer {proxy.master_key}"}
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{proxy.base_url}/images/generations", json=body, headers=headers) as response,
    ):
        error = (await response.json())["error"]
    status, type_, message = LITELLM_ANSWERS[answer]
    assert response.status == status
    suffix = LITELLM_NO_FALLBACK.format(model=body["model"])
    assert error == {"message": message + suffix, "type": type_, "param": None, "code": str(status)}


def failures_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The image client's line for each failed attempt."""
    lines = (r.getMessage() for r in caplog.records if r.name == "imagine.images")
    return [line for line in lines if line.startswith("image request failed:")]


async def test_an_upstream_out_of_credit_is_told_as_such_and_logged_once(
    bot, discord_fake, gateway, caplog: pytest.LogCaptureFixture
) -> None:
    """LiteLLM rewrites ``insufficient_quota`` to code "429", type ``throttling_error``."""
    gateway.fail_next("insufficient_quota", times=100)
    for _ in range(2):
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        note = await wait_for_private_note(discord_fake, handle, within=ANSWER_WITHIN)
        assert "out of credit" in note.content
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    assert "out of credit" in errors[0].getMessage()
    assert len(gateway.requests) <= 2 * MAX_UPSTREAM_CALLS
    assert await used_credits(bot) == 0


@pytest.mark.parametrize(
    ("kind", "opts", "model"),
    [
        ("content_policy", {}, "openai/dall-e-3"),
        (
            "http_error",
            {
                "code": "content_policy_violation",
                "message": "This prompt was flagged by moderation.",
            },
            "openai/dall-e-3",
        ),
        ("moderation_blocked", {}, "openai/gpt-image-1"),
    ],
    ids=["safety-system-wording", "custom-wording", "gpt-image-moderation-blocked"],
)
async def test_a_policy_refusal_is_told_as_one_and_counts_as_a_strike(
    bot, discord_fake, gateway, kind: str, opts: dict[str, str], model: str
) -> None:
    """LiteLLM rewrites the codes ``content_policy_violation`` and ``moderation_blocked`` to
    "400"; it keeps gpt-image-1's type ``image_generation_user_error``."""
    gateway.fail_next(kind, **opts)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox", "model": model})
    note = await wait_for_private_note(discord_fake, handle, within=ANSWER_WITHIN)
    assert "safety filter blocked this prompt" in note.content
    assert "This counts as a strike (1 of 3 this period)." in note.content
    assert len(gateway.requests) == 1
    assert await used_credits(bot) == 0


async def test_an_edit_passes_through_with_its_image(bot, discord_fake, gateway) -> None:
    _, request, _ = await edited_once(discord_fake, gateway, picture(seed=5))
    assert request.upload is not None
    assert [f.field for f in request.upload.images] == ["image[]"]  # LiteLLM's renaming
    assert request.json["model"] == "openai/gpt-image-1"


async def test_a_key_the_proxy_refuses_is_named_in_the_log_with_its_words(
    start_bot, discord_fake, gateway, proxy: RunningProxy, caplog: pytest.LogCaptureFixture
) -> None:
    """LiteLLM without a database answers a wrong key 400 "No connected db."."""
    wrong = "sk-not-the-proxys-master-key"
    async with start_bot(image_api_base_url=proxy.base_url, image_api_key=wrong):
        handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
        note = await wait_for_private_note(discord_fake, handle, within=ANSWER_WITHIN)
    assert "API key was refused" in note.content
    (error,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "refused the API key or is misconfigured" in error
    assert "No connected db." in error
    assert wrong not in caplog.text
    assert gateway.requests == []


async def test_a_key_the_upstream_refuses_is_named_in_the_log_by_its_words_never_the_key(
    bot, discord_fake, gateway, caplog: pytest.LogCaptureFixture
) -> None:
    """LiteLLM passes the upstream's 401 on with the key it used, masked, in the words."""
    gateway.fail_next("auth")
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    note = await wait_for_private_note(discord_fake, handle, within=ANSWER_WITHIN)
    assert "API key was refused" in note.content
    (error,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "OpenAIException - Incorrect API key provided: [redacted]." in error
    assert API_KEY[-4:] not in caplog.text


async def failing_upstream_told(
    bot, discord_fake, gateway, kind: str, told: str, caplog: pytest.LogCaptureFixture
) -> str:
    """An upstream failing every call: the member is told `told` in time and nothing is spent;
    the bot's one logged attempt (LiteLLM retried, so the bot did not again) is returned."""
    gateway.fail_next(kind, times=100)
    handle = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
    note = await wait_for_private_note(discord_fake, handle, within=ANSWER_WITHIN)
    assert told in note.content
    assert len(gateway.requests) >= 1
    assert await used_credits(bot) == 0
    (attempt,) = failures_logged(caplog)
    assert "next=give up" in attempt
    return attempt
