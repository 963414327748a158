"""Fetch an image from a URL the image gateway handed us, without becoming an SSRF proxy.

The URL comes from upstream, so it is untrusted: it could point at the cloud metadata service,
at a service on our private network, or at an endless stream. Every rule here exists to stop
one of those. The address check runs inside aiohttp's resolver, so the address that was checked
is the address that is connected to; a host cannot pass the check with one DNS answer and then
be reached at another (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
from dataclasses import dataclass

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

from bot.image_format import MIME_TYPES, complete_image_format

log = logging.getLogger("imagine.images")

_CHUNK_SIZE = 64 * 1024
_ALLOWED_CONTENT_TYPES = frozenset(MIME_TYPES.values())
_NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")
_HEX_NUMBER = re.compile(r"0x[0-9a-f]*")
# Cloud metadata endpoints. Most are already non-global; listing them keeps the intent explicit
# and guards the ones a future ``ipaddress`` table might classify differently.
_METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class DownloadError(Exception):
    """A result URL could not be fetched or did not hold an acceptable image.

    The message names the rule that failed and never contains response bodies.
    """


class BlockedAddressError(DownloadError):
    """The URL's host is, or resolves to, an address we refuse to contact."""


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 transition address would actually reach, if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64_PREFIX:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_blocked_address(address: IPAddress) -> bool:
    """True for anything that is not a plain public unicast address (or embeds such a one)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None and is_blocked_address(inner):
            return True
    return (
        address in _METADATA_ADDRESSES
        or not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def _may_be_read_as_a_number(host: str) -> bool:
    """True for a host some resolver may take for an IPv4 address rather than a name.

    inet_aton and the URL standard read `2130706433`, `0177.0.0.1`, `127.1`, `0x7f.1` and `0`
    as 127.0.0.1; whether a client then skips name resolution (and with it the guard) depends
    on its version. Like the URL standard, any host whose last label is a number counts: no
    real name ends in one, and a canonical address never reaches here.
    """
    last = host.lower().removesuffix(".").rpartition(".")[2]
    return last.isascii() and (last.isdigit() or _HEX_NUMBER.fullmatch(last) is not None)


class GuardedResolver(AbstractResolver):
    """Resolver that fails the connection if any address of the host is blocked.

    Checking every address, not just the first, matters: the connector may try them all.
    """

    def __init__(self, inner: AbstractResolver | None = None) -> None:
        self._owns_inner = inner is None
        self._inner = inner if inner is not None else DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        for result in results:
            if is_blocked_address(ipaddress.ip_address(result["host"])):
                raise BlockedAddressError(f"host {host!r} resolves to a blocked address")
        return results

    async def close(self) -> None:
        if self._owns_inner:
            await self._inner.close()


@dataclass(frozen=True)
class DownloadedImage:
    """Bytes that passed every check, with their format from the file signature."""

    data: bytes
    format: str


async def read_capped(content: aiohttp.StreamReader, limit: int) -> bytes:
    """Read a body in chunks, failing as soon as it exceeds ``limit`` bytes.

    Declared lengths can lie or be absent (chunked encoding), so the cap is enforced on what
    actually arrives.
    """
    chunks: list[bytes] = []
    received = 0
    async for chunk in content.iter_chunked(_CHUNK_SIZE):
        received += len(chunk)
        if received > limit:
            raise DownloadError(f"body exceeds the {limit}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


class SafeDownloader:
    """Downloads result images over its own session, whose resolver enforces the address policy.

    ``allow_private`` lifts both the address policy and the https-only rule; it exists for tests
    against a loopback fake and for deployments whose gateway serves files on a private network.
    ``resolver`` replaces the DNS lookup underneath the guard (tests use a static one).
    """

    def __init__(
        self,
        *,
        max_bytes: int,
        allow_private: bool = False,
        connect_timeout: float = 10.0,
        total_timeout: float = 60.0,
        resolver: AbstractResolver | None = None,
    ) -> None:
        self._max_bytes = max_bytes
        self._allow_private = allow_private
        self._timeout = aiohttp.ClientTimeout(
            total=total_timeout, sock_connect=min(connect_timeout, total_timeout)
        )
        self._resolver = resolver
        self._session: aiohttp.ClientSession | None = None
        self._guard: GuardedResolver | None = None

    def _get_session(self) -> aiohttp.ClientSession:
        """Create the session on first use, inside the running loop aiohttp requires."""
        if self._session is None:
            resolver = self._resolver
            if not self._allow_private:
                resolver = self._guard = GuardedResolver(self._resolver)
            # No pool limit, as in the image client: downloads run inside gateway calls, which
            # the fair queue bounds; a pool limit would make the 101st wait inside the timeout.
            connector = aiohttp.TCPConnector(resolver=resolver, limit=0)
            self._session = aiohttp.ClientSession(connector=connector, timeout=self._timeout)
        return self._session

    def _check_url(self, url: URL) -> None:
        """Refuse what can be refused before any connection: scheme, missing host, IP literals."""
        allowed_schemes = {"https", "http"} if self._allow_private else {"https"}
        if url.scheme not in allowed_schemes:
            raise DownloadError(f"scheme {url.scheme!r} not allowed")
        if not url.host:
            raise DownloadError("URL has no host")
        if self._allow_private:
            return
        try:
            literal = ipaddress.ip_address(url.host)
        except ValueError:
            if _may_be_read_as_a_number(url.host):
                raise BlockedAddressError("host is an address in a non-standard form") from None
            return  # a hostname: the resolver checks what it resolves to
        if is_blocked_address(literal):
            raise BlockedAddressError(f"address {url.host} is blocked")

    async def fetch(self, url: str) -> DownloadedImage:
        """Download ``url`` and return the image, or raise :class:`DownloadError`.

        A URL that cannot even be parsed (``http://[::1``, a port out of range, a host that
        is not valid IDNA) is a :class:`DownloadError` too: it comes from upstream, so a bad
        one is a bad result, not a bug. Neither message repeats the URL, which may be signed.
        """
        try:
            parsed = URL(url)
            self._check_url(parsed)
        except ValueError as exc:  # yarl's parse errors, UnicodeError from IDNA included
            raise DownloadError(f"malformed URL: {type(exc).__name__}") from exc
        try:
            async with self._get_session().get(parsed, allow_redirects=False) as response:
                data = await self._read_image_body(response)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            # ValueError: yarl and the resolver can still refuse the host while connecting.
            raise DownloadError(f"transfer failed: {type(exc).__name__}") from exc
        image_format = complete_image_format(data)
        if image_format is None:
            raise DownloadError("payload is not a complete PNG, JPEG or WebP image")
        return DownloadedImage(data=data, format=image_format)

    async def _read_image_body(self, response: aiohttp.ClientResponse) -> bytes:
        if 300 <= response.status < 400:
            raise DownloadError(f"redirect ({response.status}) refused")
        if response.status != 200:
            raise DownloadError(f"status {response.status}")
        if response.content_type not in _ALLOWED_CONTENT_TYPES:
            raise DownloadError(f"content type {response.content_type!r} is not an image type")
        if response.content_length is not None and response.content_length > self._max_bytes:
            raise DownloadError(
                f"declared length {response.content_length} exceeds the {self._max_bytes}-byte cap"
            )
        return await read_capped(response.content, self._max_bytes)

    async def close(self) -> None:
        """Close the session and the guard resolver; safe to call more than once."""
        if self._session is not None:
            await self._session.close()
            self._session = None
        if self._guard is not None:
            await self._guard.close()
            self._guard = None
