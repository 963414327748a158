"""Result URLs come from upstream: each rule of the downloader is shown refusing a real request."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.safe_download import (
    BlockedAddressError,
    DownloadError,
    GuardedResolver,
    SafeDownloader,
    is_blocked_address,
)
from tests.fakes.image_gateway import FakeImageGateway, make_png
from tests.test_imagine_e2e import wait_for_private_note

PNG = make_png(8, 8, seed=1)
BIG_PNG = make_png(200, 200, seed=2, noise=True)  # ~120 kB, over the 64 kB cap used below
CAP = 64 * 1024


class StaticResolver(AbstractResolver):
    """DNS stand-in: a fixed answer per host, so a public-looking name can point anywhere."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        return [
            {
                "hostname": host,
                "host": address,
                "port": port,
                "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
            for address in self.answers[host]
        ]

    async def close(self) -> None:
        pass


@pytest.fixture
async def gw() -> AsyncIterator[FakeImageGateway]:
    async with FakeImageGateway() as gateway:
        yield gateway


@pytest.fixture
async def downloader_factory() -> AsyncIterator[Callable[..., SafeDownloader]]:
    """Build downloaders (cap 64 kB unless told) and close them after the test."""
    made: list[SafeDownloader] = []

    def make(
        *, allow_private: bool, max_bytes: int = CAP, resolver: AbstractResolver | None = None
    ) -> SafeDownloader:
        downloader = SafeDownloader(
            max_bytes=max_bytes, allow_private=allow_private, resolver=resolver
        )
        made.append(downloader)
        return downloader

    yield make
    for downloader in made:
        await downloader.close()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.100.100.200",
        "100.64.0.1",  # carrier-grade NAT (RFC 6598), as a whole
        "100.127.255.254",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::1",
        "::ffff:100.64.0.1",
        "64:ff9b::6440:c22",  # NAT64 of 100.64.12.34
    ],
)
def test_non_public_addresses_are_blocked(address: str) -> None:
    assert is_blocked_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    # The public neighbours of the carrier-grade NAT range stay reachable.
    ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "100.63.255.255", "100.128.0.1"],
)
def test_public_addresses_pass(address: str) -> None:
    assert not is_blocked_address(ipaddress.ip_address(address))


async def test_guard_checks_every_resolved_address() -> None:
    inner = StaticResolver(
        {"cdn.example": ["93.184.215.14"], "mixed.example": ["8.8.8.8", "10.0.0.5"]}
    )
    guard = GuardedResolver(inner)
    assert [r["host"] for r in await guard.resolve("cdn.example", 443)] == ["93.184.215.14"]
    with pytest.raises(BlockedAddressError):
        await guard.resolve("mixed.example", 443)


async def test_guard_refuses_a_name_resolving_into_carrier_grade_nat() -> None:
    """100.64.0.0/10 is the provider's network, not the internet (checked without connecting:
    a guard that let it through must not send a test's packets off the machine)."""
    guard = GuardedResolver(StaticResolver({"cgnat.example": ["100.64.12.34"]}))
    with pytest.raises(BlockedAddressError, match=r"cgnat\.example"):
        await guard.resolve("cgnat.example", 443)


async def test_good_image_downloaded_byte_for_byte(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    image = await downloader_factory(allow_private=True).fetch(gw.serve_file(PNG))
    assert (image.data, image.format) == (PNG, "png")


async def test_image_exactly_at_the_cap_is_accepted(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    downloader = downloader_factory(allow_private=True, max_bytes=len(PNG))
    assert (await downloader.fetch(gw.serve_file(PNG, content_length=False))).data == PNG


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "169.254.169.254", "localhost"])
async def test_loopback_and_metadata_refused_when_not_allowed(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader], host: str
) -> None:
    path = gw.serve_file(PNG).removeprefix(gw.origin)
    port = gw.origin.rsplit(":", 1)[1]
    with pytest.raises(BlockedAddressError):
        await downloader_factory(allow_private=False).fetch(f"https://{host}:{port}{path}")
    assert gw.downloads == []


async def test_name_resolving_to_loopback_is_refused_at_connect(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    """A public-looking name whose DNS answer is private: the guard sees the real answer."""
    resolver = StaticResolver({"images.example": ["127.0.0.1"]})
    downloader = downloader_factory(allow_private=False, resolver=resolver)
    port = gw.origin.rsplit(":", 1)[1]
    with pytest.raises(BlockedAddressError):
        await downloader.fetch(f"https://images.example:{port}/files/x.png")
    assert resolver.asked == ["images.example"]
    assert gw.downloads == []


async def test_connection_goes_to_the_address_the_resolver_returned(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    """The connector uses our resolver's answer: no second, unchecked lookup happens."""
    resolver = StaticResolver({"images.example": ["127.0.0.1"]})
    downloader = downloader_factory(allow_private=True, resolver=resolver)
    url = gw.serve_file(PNG).replace("127.0.0.1", "images.example")
    assert (await downloader.fetch(url)).data == PNG
    assert resolver.asked == ["images.example"]


async def test_http_refused_when_not_allowed(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    resolver = StaticResolver({"images.example": ["93.184.215.14"]})
    downloader = downloader_factory(allow_private=False, resolver=resolver)
    with pytest.raises(DownloadError, match="scheme 'http'"):
        await downloader.fetch("http://images.example/files/x.png")
    assert resolver.asked == []


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x.png", "file:///etc/passwd", "https:///x"])
async def test_other_schemes_and_hostless_urls_refused_even_when_allowed(
    downloader_factory: Callable[..., SafeDownloader], url: str
) -> None:
    with pytest.raises(DownloadError):
        await downloader_factory(allow_private=True).fetch(url)


@pytest.mark.parametrize("allow_private", [True, False])
@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",
        "https://[::1",
        "https://[zz]/x.png",
        "https://host:99999/x.png",
        "https://host:abc/x.png",
        "https://xn--zz/x.png",
        "not a url",
        "",
    ],
)
async def test_malformed_urls_are_download_errors(
    downloader_factory: Callable[..., SafeDownloader], allow_private: bool, url: str
) -> None:
    resolver = StaticResolver({})
    downloader = downloader_factory(allow_private=allow_private, resolver=resolver)
    with pytest.raises(DownloadError) as info:
        await downloader.fetch(url)
    assert resolver.asked == []
    if url:
        assert url not in str(info.value)


@pytest.mark.parametrize("allow_private", [True, False])
@pytest.mark.parametrize("host", ["a..b", "a" * 64 + ".example"])
async def test_hosts_dns_cannot_encode_are_download_errors(
    downloader_factory: Callable[..., SafeDownloader], allow_private: bool, host: str
) -> None:
    """yarl accepts these; the system resolver's IDNA encoding raises UnicodeError (no lookup)."""
    with pytest.raises(DownloadError, match="UnicodeError"):
        await downloader_factory(allow_private=allow_private).fetch(f"https://{host}/x.png")


async def test_redirect_refused_and_not_followed(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    target = gw.serve_file(PNG)
    with pytest.raises(DownloadError, match="redirect"):
        await downloader_factory(allow_private=True).fetch(gw.serve_file(PNG, redirect_to=target))
    assert len(gw.downloads) == 1
    assert gw.downloads[0] != target.removeprefix(gw.origin)


async def test_declared_length_over_cap_refused(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    with pytest.raises(DownloadError, match="declared length"):
        await downloader_factory(allow_private=True).fetch(gw.serve_file(BIG_PNG))


async def test_streamed_body_over_cap_refused_without_content_length(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    with pytest.raises(DownloadError, match="exceeds the 65536-byte cap"):
        await downloader_factory(allow_private=True).fetch(
            gw.serve_file(BIG_PNG, content_length=False)
        )


@pytest.mark.parametrize("content_type", ["text/html", "image/svg+xml", "application/octet-stream"])
async def test_wrong_content_type_refused(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader], content_type: str
) -> None:
    with pytest.raises(DownloadError, match="content type"):
        await downloader_factory(allow_private=True).fetch(
            gw.serve_file(PNG, content_type=content_type)
        )


@pytest.mark.parametrize(
    "data",
    [b"<html>not an image</html>", b"GIF89a" + bytes(32), PNG[: len(PNG) // 2]],
    ids=["html", "gif", "truncated-png"],
)
async def test_bad_or_incomplete_image_bytes_refused(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader], data: bytes
) -> None:
    with pytest.raises(DownloadError, match="not a complete"):
        await downloader_factory(allow_private=True).fetch(gw.serve_file(data))


async def test_error_status_refused(
    gw: FakeImageGateway, downloader_factory: Callable[..., SafeDownloader]
) -> None:
    with pytest.raises(DownloadError, match="status 404"):
        await downloader_factory(allow_private=True).fetch(f"{gw.origin}/files/missing.png")


@pytest.mark.parametrize(
    "host",
    [
        "2130706433",  # 127.0.0.1 as one decimal number
        "0177.0.0.1",  # octal
        "127.1",  # short form
        "0",
        "017700000001",
        "0x7f.1",
        "0x7f000001",
        "0X7F.0.0.1",
        "127.0.0.1.",  # a trailing dot
        "169.254.43518",  # the metadata service
        "evil.example.0x10",
    ],
)
async def test_hosts_a_resolver_may_read_as_a_number_are_refused_before_connecting(
    downloader_factory: Callable[..., SafeDownloader], host: str
) -> None:
    """Whatever the aiohttp version: some read these as addresses and skip the guarded resolver."""
    resolver = StaticResolver({})
    downloader = downloader_factory(allow_private=False, resolver=resolver)
    with pytest.raises(BlockedAddressError, match="non-standard form"):
        await downloader.fetch(f"https://{host}/x.png")
    assert resolver.asked == []


@pytest.mark.parametrize("host", ["cdn.example", "1.example", "0x.example", "a1.b2.c3"])
async def test_names_with_digits_still_resolve_through_the_guard(
    downloader_factory: Callable[..., SafeDownloader], host: str
) -> None:
    resolver = StaticResolver({host: ["10.0.0.1"]})
    with pytest.raises(BlockedAddressError, match="resolves to a blocked address"):
        await downloader_factory(allow_private=False, resolver=resolver).fetch(
            f"https://{host}/x.png"
        )
    assert resolver.asked == [host]


async def test_an_http_gateway_alone_keeps_result_urls_guarded(
    start_bot: Callable[..., Any], discord_fake: Any, gateway: FakeImageGateway
) -> None:
    """ALLOW_HTTP_GATEWAY (on for the loopback fake) does not let result URLs reach loopback."""
    async with start_bot(allow_private_result_urls=False):
        handle = await discord_fake.inject_slash(
            "imagine", {"prompt": "a lighthouse", "model": "flux/flux-1-pro", "size": "512x768"}
        )
        note = await wait_for_private_note(discord_fake, handle)
    assert note.content
    assert len(gateway.requests) == 1  # the http gateway was called
    assert gateway.downloads == []  # its loopback result URL was not
    assert not any(message.attachments for message in discord_fake.messages())


async def test_downloads_have_no_hidden_connection_cap() -> None:
    """aiohttp's default pool of 100 would make the 101st download wait past its timeout."""
    # Before the fix the last 50 waited 3 s for a slot and then 3 s more: past the 5.5 s total.
    # The connect timeout is generous: on a loaded machine 150 connects at once take a while.
    async with FakeImageGateway(delay=3.0) as slow:
        urls = [slow.serve_file(PNG) for _ in range(150)]
        downloader = SafeDownloader(
            max_bytes=CAP, allow_private=True, connect_timeout=5.0, total_timeout=5.5
        )
        try:
            images = await asyncio.gather(*(downloader.fetch(url) for url in urls))
        finally:
            await downloader.close()
    assert [image.data for image in images] == [PNG] * 150
