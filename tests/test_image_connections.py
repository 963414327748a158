"""How ImageClient uses connections: no hidden cap, keep-alive, and the keep-alive race.

What aiohttp does with a kept-alive connection the server closed (measured here):
- if the client's loop has read the close before the next request, aiohttp discards the
  connection and opens a new one: the request succeeds;
- if the server closes it as the client reuses it (the client has not read the close yet), the
  request is written to a dead socket, the server never reads it, and aiohttp raises
  ``ServerDisconnectedError``: the same error as a server that read the request and then
  dropped the connection. The error cannot tell the two apart, so the outcome stays UNKNOWN;
  the client avoids the race by dropping idle connections before the server does.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.images import (
    ChargeOutcome,
    ChargeTracker,
    ImageAPIError,
    ImageClient,
    ImageRequest,
    UpstreamUnavailableError,
)
from tests.fakes.image_gateway import FakeImageGateway

KEY = "sk-test-connections"
REQUEST = ImageRequest("openai/gpt-image-1", "a lighthouse", 1, "1024x1024", None, None)


@pytest.fixture
async def gw() -> AsyncIterator[FakeImageGateway]:
    async with FakeImageGateway(api_key=KEY) as gateway:
        yield gateway


@pytest.fixture
async def clients() -> AsyncIterator[list[ImageClient]]:
    made: list[ImageClient] = []
    yield made
    for client in made:
        await client.close()


def client_for(gw: FakeImageGateway, made: list[ImageClient], **options: Any) -> ImageClient:
    client = ImageClient(gw.base_url, KEY, allow_private_downloads=True, **options)
    made.append(client)
    return client


def ports(gw: FakeImageGateway) -> list[int | None]:
    return [recorded.client_port for recorded in gw.requests]


async def test_500_requests_in_flight_at_once_all_succeed(clients: list[ImageClient]) -> None:
    # aiohttp's default pool holds 100 connections, and waiting for one counts against the
    # connect timeout: request 101 would wait 4 s for a slot and fail as "unavailable" after 3 s
    # here. (3 s, not less: on a loaded machine 500 connects at once take a while.)
    async with FakeImageGateway(api_key=KEY, delay=4.0) as gw:
        client = client_for(gw, clients, connect_timeout=3.0)
        results = await asyncio.gather(*(client.generate(REQUEST) for _ in range(500)))
        assert all(len(result.images) == 1 for result in results)
        assert len(gw.requests) == 500
        assert gw.max_in_flight == 500


async def test_connection_kept_alive_between_requests(
    gw: FakeImageGateway, clients: list[ImageClient]
) -> None:
    client = client_for(gw, clients)
    for _ in range(3):
        await client.generate(REQUEST)
    assert len(set(ports(gw))) == 1


async def test_idle_connection_dropped_after_the_keepalive_timeout(
    gw: FakeImageGateway, clients: list[ImageClient]
) -> None:
    client = client_for(gw, clients, keepalive_timeout=0.2)
    await client.generate(REQUEST)
    await client.generate(REQUEST)
    await asyncio.sleep(0.4)
    await client.generate(REQUEST)
    first, second, third = ports(gw)
    assert first == second != third


async def test_keepalive_zero_opens_a_connection_per_request(
    gw: FakeImageGateway, clients: list[ImageClient]
) -> None:
    client = client_for(gw, clients, keepalive_timeout=0)
    await client.generate(REQUEST)
    await client.generate(REQUEST)
    assert len(set(ports(gw))) == 2


async def test_connection_the_server_closed_while_idle_is_replaced(
    clients: list[ImageClient],
) -> None:
    # The gateway's idle timeout is shorter than the client's: the client sees the close.
    async with FakeImageGateway(api_key=KEY, idle_timeout=0.1) as gw:
        client = client_for(gw, clients, keepalive_timeout=10)
        await client.generate(REQUEST)
        await asyncio.sleep(0.4)
        tracker = ChargeTracker()
        result = await client.generate(REQUEST, tracker)
        assert len(result.images) == 1
        assert tracker.charge is ChargeOutcome.CHARGED
        assert len(set(ports(gw))) == 2


async def reuse_as_the_server_closes(gw: FakeImageGateway, client: ImageClient) -> ImageAPIError:
    """The keep-alive race: the gateway closes the idle connection just as it is reused."""
    await client.generate(REQUEST)
    assert gw.drop_connections() == 1
    # One loop turn: the gateway's socket closes, but the client has not read that yet.
    await asyncio.sleep(0)
    tracker = ChargeTracker()
    with pytest.raises(ImageAPIError) as info:
        await client.generate(REQUEST, tracker)
    assert tracker.charge is info.value.charge
    return info.value


async def test_reused_connection_closed_by_the_server_is_unknown_and_not_retried(
    gw: FakeImageGateway, clients: list[ImageClient]
) -> None:
    error = await reuse_as_the_server_closes(gw, client_for(gw, clients))
    assert isinstance(error, UpstreamUnavailableError)
    assert isinstance(error.__cause__, aiohttp.ServerDisconnectedError)
    # The gateway never read the request, but nothing the client sees proves it:
    assert len(gw.requests) == 1
    assert error.charge is ChargeOutcome.UNKNOWN  # honest, and no retry risks a double charge
    assert gw.charged_images == 1


async def test_the_race_and_a_drop_after_reading_look_the_same_to_the_client(
    gw: FakeImageGateway, clients: list[ImageClient]
) -> None:
    raced = await reuse_as_the_server_closes(gw, client_for(gw, clients))
    gw.fail_next("disconnect")  # reads the request (it may be billed), then drops the line
    with pytest.raises(ImageAPIError) as info:
        await client_for(gw, clients).generate(REQUEST)
    dropped = info.value
    assert len(gw.requests) == 2  # only the second request reached the gateway
    assert type(dropped.__cause__) is type(raced.__cause__)
    assert (type(dropped), dropped.charge) == (type(raced), raced.charge)


async def test_refused_connection_provably_not_charged(clients: list[ImageClient]) -> None:
    async with FakeImageGateway(api_key=KEY) as gw:
        client = client_for(gw, clients, max_retries=0)
    tracker = ChargeTracker()
    with pytest.raises(UpstreamUnavailableError) as info:
        await client.generate(REQUEST, tracker)
    assert info.value.charge is ChargeOutcome.NOT_CHARGED
    assert tracker.charge is ChargeOutcome.NOT_CHARGED
