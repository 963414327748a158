"""The pre-moderation client against the fake gateway's /moderations (real HTTP on 127.0.0.1)."""

from __future__ import annotations

import pytest

from bot.moderation_api import ModerationClient, ModerationUnavailable, Verdict
from tests.conftest import API_KEY

TIMEOUT = 1.0  # the "slow" answer outlasts it; every other answer is immediate


@pytest.fixture
async def client(gateway):
    moderation = ModerationClient(
        gateway.base_url, API_KEY, "omni-moderation-latest", timeout=TIMEOUT
    )
    yield moderation
    await moderation.close()


async def test_a_clean_prompt_passes_and_the_request_follows_the_contract(client, gateway) -> None:
    assert await client.classify("a red fox in snow") == Verdict(False, ())
    [request] = gateway.moderations
    assert request.json == {"model": "omni-moderation-latest", "input": "a red fox in snow"}
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"


async def test_a_flagged_prompt_names_its_categories(client, gateway) -> None:
    gateway.flagged_words = {"gore": "violence/graphic", "blood": "violence"}
    verdict = await client.classify("gore and blood")
    assert verdict.flagged
    assert set(verdict.categories) == {"violence", "violence/graphic"}


@pytest.mark.parametrize(
    ("kind", "opts"),
    [
        ("server_error", {"status": 503}),
        ("slow", {"seconds": TIMEOUT + 1}),
        ("malformed", {}),
        ("disconnect", {}),
    ],
)
async def test_every_failure_is_one_error_without_secrets(client, gateway, kind, opts) -> None:
    gateway.fail_moderation(kind, **opts)
    with pytest.raises(ModerationUnavailable) as raised:
        await client.classify("a secret prompt")
    assert API_KEY not in str(raised.value)
    assert "secret prompt" not in str(raised.value)


async def test_a_wrong_key_is_unavailable(gateway) -> None:
    moderation = ModerationClient(gateway.base_url, "sk-wrong", "omni-moderation-latest")
    try:
        with pytest.raises(ModerationUnavailable, match="401"):
            await moderation.classify("hello")
    finally:
        await moderation.close()


async def test_a_refusal_names_the_gateways_request_id(client, gateway) -> None:
    gateway.fail_moderation("server_error")
    with pytest.raises(ModerationUnavailable, match=r"HTTP 500 request_id=req_\w+"):
        await client.classify("hello")
