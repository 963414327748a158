"""Metrics and health: the definitions, /metrics after real requests, /healthz and /readyz."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.images import RateLimitedError
from bot.metrics import AUDIT_FAILURES, Metrics, MetricsError, serving_metrics, unready_reason
from bot.store import PostgresStore, SQLiteStore, Store, one
from tests.databases import setting_for
from tests.processes import free_port
from tests.test_imagine_e2e import wait_for_images, wait_for_private_note

FAMILIES = (
    "imagine_generations",
    "imagine_credits_spent",
    "imagine_generation_seconds",
    "imagine_queue_wait_seconds",
    "imagine_requests_in_flight",
    "imagine_requests_waiting",
    "imagine_refusals",
    "imagine_gateway_errors",
    "imagine_audit_posts_failed",
    "imagine_discord_latency_seconds",
)
MODEL = "openai/dall-e-3"


def sample(metrics: Metrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def refusal_counts(metrics: Metrics) -> dict[str, float]:
    """How many refusals each rule counted (rules that counted none are absent)."""
    return {
        s.labels["rule"]: s.value
        for family in metrics.registry.collect()
        for s in family.samples
        if s.name == "imagine_refusals_total"
    }


def test_every_metric_exists_from_the_start_with_known_models_at_zero() -> None:
    metrics = Metrics([MODEL])
    text = metrics.exposition().decode()
    for family in FAMILIES:
        assert re.search(rf"^# TYPE {family}(_total)? ", text, re.MULTILINE), family
    assert (
        sample(
            metrics,
            "imagine_generations_total",
            model=MODEL,
            operation="generation",
            outcome="succeeded",
        )
        == 0
    )
    assert (
        sample(
            metrics,
            "imagine_generations_total",
            model=MODEL,
            operation="generation",
            outcome="failed",
        )
        == 0
    )
    assert sample(metrics, "imagine_credits_spent_total", model=MODEL, operation="generation") == 0
    assert sample(metrics, "imagine_requests_in_flight") == 0
    assert sample(metrics, "imagine_requests_waiting") == 0
    for reason in AUDIT_FAILURES:
        assert sample(metrics, "imagine_audit_posts_failed_total", reason=reason) == 0
    assert "guild" not in text


def test_each_bot_has_its_own_registry() -> None:
    first, second = Metrics([MODEL]), Metrics([MODEL])  # the global registry would refuse this
    first.spent(MODEL, 4)
    assert sample(first, "imagine_credits_spent_total", model=MODEL, operation="generation") == 4
    assert sample(second, "imagine_credits_spent_total", model=MODEL, operation="generation") == 0


async def test_generating_counts_outcome_latency_in_flight_and_error_kind() -> None:
    metrics = Metrics()
    with metrics.generating(MODEL):
        assert sample(metrics, "imagine_requests_in_flight") == 1
    with pytest.raises(RateLimitedError), metrics.generating(MODEL):
        raise RateLimitedError()

    async def cancelled() -> None:
        with metrics.generating(MODEL):
            await asyncio.sleep(10)

    task = asyncio.create_task(cancelled())
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert sample(metrics, "imagine_requests_in_flight") == 0
    for outcome in ("succeeded", "failed", "cancelled"):
        assert (
            sample(
                metrics,
                "imagine_generations_total",
                model=MODEL,
                operation="generation",
                outcome=outcome,
            )
            == 1
        )
    assert sample(metrics, "imagine_gateway_errors_total", kind="RateLimitedError") == 1
    assert (
        sample(metrics, "imagine_generation_seconds_count", model=MODEL, operation="generation")
        == 3
    )


def test_latency_is_read_per_shard_at_scrape_time_and_skips_unknown_values() -> None:
    shards = [(0, 0.25), (1, float("inf"))]
    metrics = Metrics(latencies=lambda: shards)
    assert sample(metrics, "imagine_discord_latency_seconds", shard="0") == 0.25
    assert sample(metrics, "imagine_discord_latency_seconds", shard="1") is None
    shards[1] = (1, 0.5)
    assert sample(metrics, "imagine_discord_latency_seconds", shard="1") == 0.5


def test_refusals_audit_failures_and_queue_waits_are_counted() -> None:
    metrics = Metrics()
    metrics.refused("quota")
    metrics.audit_post_failed("invalid")
    metrics.waited(1.5)
    assert sample(metrics, "imagine_refusals_total", rule="quota") == 1
    assert sample(metrics, "imagine_audit_posts_failed_total", reason="invalid") == 1
    assert sample(metrics, "imagine_audit_posts_failed_total", reason="forbidden") == 0
    assert sample(metrics, "imagine_queue_wait_seconds_sum") == 1.5


# -- the HTTP server, on a running bot -------------------------------------------------------


@pytest.fixture
async def served(bot) -> AsyncIterator[str]:
    async with serving_metrics(bot, "127.0.0.1", 0, store_timeout=0.2) as port:
        yield f"http://127.0.0.1:{port}"


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def test_healthz_and_readyz_answer_on_a_connected_bot(served) -> None:
    assert await get(f"{served}/healthz") == (200, "ok\n")
    assert await get(f"{served}/readyz") == (200, "ready\n")
    status, text = await get(f"{served}/metrics")
    assert status == 200
    assert 'imagine_discord_latency_seconds{shard="0"}' in text


# Keeps the store's one connection (SQLite's, or a pool of one) busy for about a second.
SLOW: dict[type[Store], str] = {
    SQLiteStore: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3e6)"
    " SELECT COUNT(*) FROM c",
    PostgresStore: "SELECT pg_sleep(1)",
}


async def test_readyz_is_503_while_the_store_does_not_answer(start_bot, database) -> None:
    async with (
        start_bot(**{setting_for(database): database, "database_pool_size": 1}) as bot,
        serving_metrics(bot, "127.0.0.1", 0, store_timeout=0.2) as port,
    ):
        readyz = f"http://127.0.0.1:{port}/readyz"
        assert (await get(readyz))[0] == 200
        busy = asyncio.create_task(bot.store.run(lambda: one(SLOW[type(bot.store)])))
        await asyncio.sleep(0.1)
        status, text = await get(readyz)
        await busy
        assert (status, text) == (503, "not ready: the store did not answer within 0.2 s\n")
        assert (await get(readyz))[0] == 200
        await bot.store.close()
        status, text = await get(readyz)
        assert status == 503
        assert text.startswith("not ready: the store does not answer (")
        assert (await get(f"http://127.0.0.1:{port}/healthz"))[0] == 200  # alive, not ready


async def scrape(url: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample `/metrics` serves, by name and labels."""
    status, text = await get(url)
    assert status == 200
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def key(name: str, **labels: str) -> tuple[str, frozenset[tuple[str, str]]]:
    return name, frozenset(labels.items())


async def test_metrics_count_what_real_requests_did(start_bot, discord_fake, gateway) -> None:
    """The request path reports to the served registry: one gateway error, one rule refusal,
    two successes (the second waits in line behind the first), then a quota refusal."""
    async with start_bot(metrics_port=free_port(), quota_member_credits=2) as bot:
        settings = bot.settings
        async with serving_metrics(bot, settings.metrics_host, settings.metrics_port) as port:
            url = f"http://127.0.0.1:{port}/metrics"
            gateway.fail_next("insufficient_quota")
            failed = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
            await wait_for_private_note(discord_fake, failed)
            blocked = await discord_fake.inject_slash("imagine", {"prompt": "so much gore"})
            await wait_for_private_note(discord_fake, blocked)

            gateway.fail_next("slow", seconds=2)
            first = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
            second = await discord_fake.inject_slash("imagine", {"prompt": "a hare"})
            await discord_fake.wait_until(
                lambda: len(gateway.requests) == 2 and bot.generation.queue.totals().waiting == 1
            )
            during = await scrape(url)
            await wait_for_images(discord_fake, first)
            await wait_for_images(discord_fake, second)

            over_budget = await discord_fake.inject_slash("imagine", {"prompt": "a fox"})
            await wait_for_private_note(discord_fake, over_budget)
            after = await scrape(url)

    assert during[key("imagine_requests_in_flight")] == 1
    assert during[key("imagine_requests_waiting")] == 1
    assert after[key("imagine_requests_in_flight")] == 0
    assert after[key("imagine_requests_waiting")] == 0
    generations = {
        outcome: after[
            key("imagine_generations_total", model=MODEL, operation="generation", outcome=outcome)
        ]
        for outcome in ("succeeded", "failed", "cancelled")
    }
    assert generations == {"succeeded": 2, "failed": 1, "cancelled": 0}
    assert after[key("imagine_generation_seconds_count", model=MODEL, operation="generation")] == 3
    assert after[key("imagine_gateway_errors_total", kind="InsufficientQuotaError")] == 1
    # A credit for each of the two images; the gateway error's reservation was refunded.
    assert after[key("imagine_credits_spent_total", model=MODEL, operation="generation")] == 2
    refusals = {
        dict(labels)["rule"]: value
        for (name, labels), value in after.items()
        if name == "imagine_refusals_total"
    }
    assert refusals == {"blocked_term": 1, "quota": 1}
    # Every request that got its turn: the error's, the first's (at once) and the second's.
    assert after[key("imagine_queue_wait_seconds_count")] == 3
    assert after[key("imagine_queue_wait_seconds_sum")] >= 1  # the second waited out the slow first


async def test_a_bot_not_yet_connected_is_not_ready(make_settings) -> None:
    from bot.app import ImagineBot

    bot = ImagineBot(make_settings())
    assert await unready_reason(bot) == "not connected to Discord yet"


async def test_a_taken_port_is_a_one_line_error(bot) -> None:
    async with serving_metrics(bot, "127.0.0.1", 0) as port:
        with pytest.raises(MetricsError, match=f"cannot serve metrics on 127.0.0.1:{port}: "):
            async with serving_metrics(bot, "127.0.0.1", port):
                pass


async def test_metrics_are_off_without_a_port(bot) -> None:
    async with serving_metrics(bot, "127.0.0.1", None) as port:
        assert port is None
