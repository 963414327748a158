"""A fake OpenAI-compatible image gateway on 127.0.0.1, for unit and end-to-end tests.

It speaks the image gateway's contract: Bearer auth, the per-model rules
(dall-e-2, dall-e-3, gpt-image-1, FLUX.1 [pro]), the real error shape, ``x-request-id`` headers,
and it answers with real PNG files (made with Pillow) as ``b64_json`` or as URLs it serves
itself. Request bodies are checked against OpenAI's ``CreateImageRequest`` schema and its own
successful answers against ``ImagesResponse`` (the spec is in ``tests/fakes/specs``; without it
the fake refuses to start), so the fake cannot drift from the real contract unnoticed.

Driving it::

    async with FakeImageGateway(api_key="test-key") as gw:
        client = ImageClient(gw.base_url, "test-key", allow_private_downloads=True)
        gw.fail_next("rate_limit", times=2, retry_after=1)
        ...
        assert [img.data for img in result.images] == gw.produced

Result URLs are ``http://127.0.0.1:<port>/files/<id>.png``, so clients must allow http and
loopback downloads (``allow_private_downloads=True``).

Failure kinds for :meth:`FakeImageGateway.fail_next` (each queued entry is consumed by the next
``times`` generation requests, whatever their body):

Answered instead of generating:
    ``"rate_limit"`` 429 ``rate_limit_exceeded``; opts ``retry_after`` (seconds or HTTP date),
    ``retry_after_ms``.
    ``"insufficient_quota"`` 429 with type and code ``insufficient_quota``.
    ``"server_error"`` opts ``status`` (default 500), ``retry_after``.
    ``"http_error"`` any error answer; opts ``status``, ``message``, ``type``, ``code``,
    ``param``, ``headers``, ``innererror`` (Azure's: an object added to the error),
    ``request_id=False`` (no ``x-request-id``: a gateway naming its requests otherwise).
    ``"content_policy"`` 400 ``content_policy_violation``; opt ``legacy=True`` gives the older
    ``code: null`` "safety system" answer.
    ``"moderation_blocked"`` 400 ``moderation_blocked`` (GPT image models).
    ``"auth"`` 401 ``invalid_api_key`` even with the right key.
    ``"litellm"`` what the LiteLLM proxy (1.108.7) answers in front of an upstream: opt
    ``answer`` one of :data:`LITELLM_ANSWERS` (the verbatim shapes: ``code`` is the status as a
    string, the upstream's code lost, its message prefixed and, but for its own answers, followed
    by :data:`LITELLM_NO_FALLBACK`), ``x-litellm-call-id`` instead of ``x-request-id``, no
    Retry-After; opts ``message``, ``type``, ``status`` override the preset.
    ``"disconnect"`` reads the request, then drops the connection without answering.
Generated normally (auth and validation still apply), then altered:
    ``"slow"`` waits opt ``seconds`` (default 1.0) before answering.
    ``"malformed_json"`` 200 with a body that is not JSON; opt ``body``.
    ``"truncated_b64"`` ``b64_json`` cut to opt ``keep`` (default 0.5) of its length, still
    valid base64, so the PNG signature survives but the file is incomplete.
    ``"not_image"`` non-image bytes (opt ``data``), as b64 or at a URL labelled ``image/png``.
    ``"extra_results"`` n + opt ``extra`` (default 2) results: more than were asked for. Only
    the first n count as ``produced``; all are in ``charged_images``.
Forced to URL delivery, the URL misbehaving:
    ``"oversize_download"`` a real noise PNG larger than opt ``size`` bytes (default 1 MiB);
    opt ``content_length`` (default True) False streams it chunked with no length.
    ``"redirect"`` the URL answers 302 to opt ``to`` (default: a valid copy of the image).
    ``"wrong_content_type"`` a valid PNG served as opt ``content_type`` (default text/html).
    ``"bad_url"`` the result's ``url`` is opt ``url`` (default ``"http://[::1"``, which does
    not parse), a string the fake serves nothing at.
    ``"download_error"`` the URL answers opt ``status`` (default 503) instead of the image.
    ``"download_reset"`` the URL's connection is reset (TCP RST) with no answer.
    ``"download_stall"`` the URL stays silent for opt ``seconds`` (default 30), then resets.
The per-image kinds take opt ``images``: how many results of the answer to alter (default all).
Every kind takes opt ``delay``: seconds to wait before answering at all (so a test can act
while the request is in flight). Every kind that generates takes opt ``results``: how many
results the answer holds (default n; a gateway may return, and bill, fewer than asked for).

Edits (``POST /images/edits``, multipart; see ``tests/fakes/image_edits.py``) share the auth,
the per-model rules, the failure queue and the answers of generations, and are recorded in
``requests`` too (``RecordedRequest.upload`` holds the files). ``edits=False`` makes a gateway
that documents only generations: every edit is recorded and answered 404.

Moderation (``POST /moderations``, OpenAI's ``CreateModerationRequest/Response``): a prompt is
flagged when it contains a word of ``flagged_words`` (word → category); requests are recorded in
``moderations``. :meth:`FakeImageGateway.fail_moderation` queues ``"server_error"`` (opt
``status``), ``"slow"`` (opt ``seconds``), ``"malformed"`` (200 without ``results``) or
``"disconnect"``.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import io
import itertools
import json
import math
import os
import secrets
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from aiohttp import web
from jsonschema import Draft202012Validator
from multidict import CIMultiDict
from PIL import Image
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.fakes.image_edits import MAX_BODY as EDIT_MAX_BODY
from tests.fakes.image_edits import EditError, EditUpload, check_edit, read_edit
from tests.fakes.specs import OPENAI_SPEC, load_spec
from tests.fakes.transport import reset_connection

_SPEC_URI = "urn:openai-openapi"

FAILURE_KINDS = frozenset(
    {
        "rate_limit",
        "insufficient_quota",
        "server_error",
        "http_error",
        "content_policy",
        "moderation_blocked",
        "auth",
        "litellm",
        "disconnect",
        "slow",
        "malformed_json",
        "truncated_b64",
        "not_image",
        "oversize_download",
        "redirect",
        "wrong_content_type",
        "bad_url",
        "extra_results",
        "download_error",
        "download_reset",
        "download_stall",
    }
)
_DOWNLOAD_FAULTS = frozenset({"download_error", "download_reset", "download_stall"})
_URL_KINDS = frozenset(
    {"oversize_download", "redirect", "wrong_content_type", "bad_url", *_DOWNLOAD_FAULTS}
)
_BAD_URL = "http://[::1"
_SAFETY_MESSAGE = (
    "Your request was rejected as a result of our safety system. Your prompt may contain "
    "text that is not allowed by our safety system."
)


@dataclass(frozen=True)
class ModelRules:
    """What one model accepts, from OpenAI's published limits (see image-api-notes.md)."""

    sizes: frozenset[str] | None  # None: FLUX-style "WxH", sides 256-1440 in steps of 32
    qualities: frozenset[str]
    styles: frozenset[str]
    max_n: int
    response_formats: frozenset[str]  # empty: the field is refused (GPT image models)
    default_format: str
    max_prompt: int | None
    default_size: str
    revised_prompt: bool = False
    # The GPT image models' own options; empty: the field is refused, as the real API does.
    backgrounds: frozenset[str] = frozenset()
    output_formats: frozenset[str] = frozenset()


_GPT_IMAGE = ModelRules(
    sizes=frozenset({"1024x1024", "1536x1024", "1024x1536", "auto"}),
    qualities=frozenset({"low", "medium", "high", "auto"}),
    styles=frozenset(),
    max_n=10,
    response_formats=frozenset(),
    default_format="b64_json",
    max_prompt=32000,
    default_size="auto",
    backgrounds=frozenset({"transparent", "opaque", "auto"}),
    output_formats=frozenset({"png", "jpeg", "webp"}),
)
# "When using `transparent`, set the output format to `png` or `webp`" (CreateImageRequest).
_TRANSPARENT_FORMATS = frozenset({"png", "webp"})
MODELS: dict[str, ModelRules] = {
    "openai/dall-e-2": ModelRules(
        sizes=frozenset({"256x256", "512x512", "1024x1024"}),
        qualities=frozenset({"standard"}),
        styles=frozenset(),
        max_n=10,
        response_formats=frozenset({"url", "b64_json"}),
        default_format="url",
        max_prompt=1000,
        default_size="1024x1024",
    ),
    "openai/dall-e-3": ModelRules(
        sizes=frozenset({"1024x1024", "1792x1024", "1024x1792"}),
        qualities=frozenset({"standard", "hd"}),
        styles=frozenset({"vivid", "natural"}),
        max_n=1,
        response_formats=frozenset({"url", "b64_json"}),
        default_format="url",
        max_prompt=4000,
        default_size="1024x1024",
        revised_prompt=True,
    ),
    "openai/gpt-image-1": _GPT_IMAGE,
    "openai/gpt-image-1-mini": _GPT_IMAGE,
    "openai/gpt-image-1.5": _GPT_IMAGE,
    "flux/flux-1-pro": ModelRules(
        sizes=None,
        qualities=frozenset(),
        styles=frozenset(),
        max_n=1,
        response_formats=frozenset({"url", "b64_json"}),
        default_format="url",
        max_prompt=None,
        default_size="1024x1024",
    ),
}


@dataclass(frozen=True)
class RecordedRequest:
    """One generation request as it arrived (``json`` is ``None`` if the body was not JSON)."""

    method: str
    path: str
    headers: CIMultiDict[str]
    json: Any
    raw: bytes
    arrived: float  # time.monotonic(), comparable with the event loop's clock
    client_port: int | None  # the same port twice means a kept-alive, shared connection
    upload: EditUpload | None = None  # an edit's multipart body (``json`` holds its fields)

    @property
    def is_edit(self) -> bool:
        return self.path.endswith("/images/edits")


@dataclass
class _Planned:
    kind: str
    times: int
    opts: dict[str, Any]


@dataclass(frozen=True)
class _ServedFile:
    data: bytes
    content_type: str = "image/png"
    content_length: bool = True
    redirect_to: str | None = None
    fault: str | None = None  # one of _DOWNLOAD_FAULTS
    opts: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class _Result:
    """One image of an answer: what a good client should deliver, and what is actually sent."""

    intact: bytes
    sent: bytes | None = None  # replaced payload (truncated or not an image)
    file: _ServedFile | None = None  # how its URL is served, if not plainly
    url: str | None = None  # the URL given instead of one the fake serves

    @property
    def deliverable(self) -> bool:
        return self.sent is None and self.file is None and self.url is None


@dataclass(frozen=True)
class _SpecValidators:
    request: Any
    response: Any
    request_fields: frozenset[str]
    moderation_request: Any
    moderation_response: Any


class GatewayError(Exception):
    """A 4xx/5xx answer in the real error shape; raised inside handlers."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        headers: Mapping[str, str] | None = None,
        request_id: bool = True,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"message": message, "type": type, "param": param, "code": code}}
        self.headers = dict(headers or {})
        self.request_id = request_id  # False: no x-request-id (a gateway that sends its own)


@functools.cache
def spec_validators() -> _SpecValidators:
    """Validators for the image and moderation schemas; raises if the spec cannot be loaded.

    Loaded once per process. It is OpenAPI 3.1, so Draft 2020-12 applies (its 3.0-era
    ``nullable`` is ignored, which is why the client must omit None fields).
    """
    document = load_spec(OPENAI_SPEC)
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)

    def validator(name: str) -> Any:
        ref = {"$ref": f"{_SPEC_URI}#/components/schemas/{name}"}
        return Draft202012Validator(ref, registry=registry)

    request_schema = document["components"]["schemas"]["CreateImageRequest"]
    return _SpecValidators(
        request=validator("CreateImageRequest"),
        response=validator("ImagesResponse"),
        request_fields=frozenset(request_schema["properties"]),
        moderation_request=validator("CreateModerationRequest"),
        moderation_response=validator("CreateModerationResponse"),
    )


def check_request_structure(body: Any) -> None:
    """Raise :class:`GatewayError` 400 if ``body`` breaks CreateImageRequest."""
    if not isinstance(body, dict):
        raise GatewayError(400, "The request body must be a JSON object.")
    validators = spec_validators()
    for key in body:
        if key not in validators.request_fields:
            raise GatewayError(
                400,
                f"Unrecognized request argument supplied: {key}",
                code="unknown_parameter",
                param=key,
            )
    error = next(iter(validators.request.iter_errors(body)), None)
    if error is not None:
        param = str(error.absolute_path[0]) if error.absolute_path else "prompt"
        raise GatewayError(400, f"Invalid '{param}': {error.message}", param=param)


def _check_moderation_request(body: Any) -> None:
    """Raise :class:`GatewayError` 400 if ``body`` breaks CreateModerationRequest."""
    if not isinstance(body, dict) or "input" not in body:
        raise GatewayError(400, "Missing required parameter: 'input'.", param="input")
    error = next(iter(spec_validators().moderation_request.iter_errors(body)), None)
    if error is not None:
        raise GatewayError(400, f"Invalid request: {error.message}")


def check_images_response(payload: Any) -> None:
    """Raise ``AssertionError`` if the fake's own answer breaks ImagesResponse (a fake bug)."""
    validators = spec_validators()
    error = next(iter(validators.response.iter_errors(payload)), None)
    if error is not None:
        raise AssertionError(f"fake gateway answer breaks ImagesResponse: {error.message}")


def _invalid(param: str, message: str, code: str | None = "invalid_value") -> GatewayError:
    return GatewayError(400, message, code=code, param=param)


def _check_flux_size(size: str) -> None:
    width, sep, height = size.partition("x")
    if not (sep and width.isdigit() and height.isdigit()):
        raise _invalid("size", f"Invalid size '{size}': expected WIDTHxHEIGHT.")
    for side in (int(width), int(height)):
        if not 256 <= side <= 1440 or side % 32:
            raise _invalid(
                "size", f"Invalid size '{size}': sides must be 256-1440, multiples of 32."
            )


def _check_choice(body: Mapping[str, Any], param: str, allowed: frozenset[str]) -> None:
    if param not in body:
        return
    if not allowed:
        raise _invalid(param, f"Unknown parameter: '{param}'.", code="unknown_parameter")
    if body[param] not in allowed:
        supported = ", ".join(sorted(allowed))
        raise _invalid(param, f"Invalid value: '{body[param]}'. Supported values are: {supported}.")


def check_model_rules(body: Mapping[str, Any]) -> ModelRules:
    """Apply the per-model rules; return the model's rules or raise :class:`GatewayError`."""
    model = body.get("model")
    rules = MODELS.get(model) if isinstance(model, str) else None
    if rules is None:
        # What OpenAI-compatible gateways answer on the images endpoint: a 400, not a 404.
        raise _invalid("model", f"The model `{model}` does not exist.", code="model_not_found")
    prompt = body["prompt"]
    if not prompt:
        raise _invalid("prompt", "The prompt must not be empty.")
    if rules.max_prompt is not None and len(prompt) > rules.max_prompt:
        raise _invalid("prompt", f"The prompt is longer than {rules.max_prompt} characters.")
    n = body.get("n", 1)
    if not 1 <= n <= rules.max_n:
        raise _invalid("n", f"n must be between 1 and {rules.max_n} for this model.")
    if rules.sizes is None:
        _check_flux_size(body.get("size", rules.default_size))
    else:
        _check_choice(body, "size", rules.sizes)
    _check_choice(body, "quality", rules.qualities)
    _check_choice(body, "style", rules.styles)
    _check_choice(body, "response_format", rules.response_formats)
    _check_choice(body, "background", rules.backgrounds)
    _check_choice(body, "output_format", rules.output_formats)
    if body.get("background") == "transparent" and (
        body.get("output_format", "png") not in _TRANSPARENT_FORMATS
    ):
        raise _invalid(
            "output_format", "Transparent background requires output_format png or webp."
        )
    return rules


def make_png(
    width: int, height: int, *, seed: int, noise: bool = False, image_format: str = "png"
) -> bytes:
    """A real PNG (or the GPT image models' ``output_format``: jpeg, webp); ``seed`` makes each
    one distinct, ``noise`` makes it incompressible."""
    if noise:
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        color = (seed * 37 % 256, seed * 91 % 256, seed * 53 % 256)
        image = Image.new("RGB", (width, height), color)
    buffer = io.BytesIO()
    image.save(buffer, format=image_format.upper())
    return buffer.getvalue()


def _mask_key(key: str) -> str:
    """How OpenAI echoes a wrong key: a few characters each side of a run of stars."""
    return f"{key[:3]}{'*' * max(len(key) - 7, 0)}{key[-4:]}" if len(key) > 7 else "***"


class FakeImageGateway:
    """The fake gateway; see the module docstring for the failure kinds.

    Attributes tests read:
        ``requests``: every generation request, in arrival order (:class:`RecordedRequest`).
        ``answered_headers``: the headers of each answer to them, in the same order.
        ``produced``: every image a good client should receive, in order, byte for byte.
        ``charged_images``: results in 200 answers, including altered ones (what a real
            gateway would bill).
        ``downloads``: paths of every ``/files/...`` request, in order.
        ``in_flight`` / ``max_in_flight``: generation requests being handled now, and the most
            at once (proves requests really overlapped on the wire).

    Options for load tests and benchmarks: ``delay`` seconds before every answer (a slow
    gateway, apart from the one-off ``"slow"`` failure), ``image`` the PNG bytes every intact
    result carries (no Pillow work per request), ``validate`` False skips the spec checks of
    each body and answer (their cost would swamp a benchmark), ``idle_timeout`` seconds after
    which the server closes an idle kept-alive connection (default 75, as nginx).
    """

    def __init__(
        self,
        api_key: str = "test-key",
        *,
        width: int = 32,
        height: int = 32,
        noise: bool = False,
        path_prefix: str = "/v1",
        delay: float = 0.0,
        image: bytes | None = None,
        validate: bool = True,
        idle_timeout: float = 75.0,
        edits: bool = True,
        port: int = 0,
    ) -> None:
        self.api_key = api_key
        self.edits = edits  # False: a gateway that documents only generations (404 on edits)
        self.delay = delay
        self.image = image
        self.validate = validate
        self.idle_timeout = idle_timeout
        self.in_flight = 0
        self.max_in_flight = 0
        self.width = width
        self.height = height
        self.noise = noise
        self.path_prefix = path_prefix.rstrip("/")
        self.requests: list[RecordedRequest] = []
        self.answered_headers: list[CIMultiDict[str]] = []  # each generation's answer headers
        self.produced: list[bytes] = []
        self.charged_images = 0
        self.downloads: list[str] = []
        self._planned: deque[_Planned] = deque()
        self.moderations: list[RecordedRequest] = []
        self.flagged_words: dict[str, str] = {}
        self._moderation_failures: deque[_Planned] = deque()
        self._files: dict[str, _ServedFile] = {}
        self._seed = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._listen_port = port  # 0: a free one; a fixed one for a proxy configured before

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def start(self) -> None:
        """Listen on 127.0.0.1, on the port given or else a free one."""
        if self.validate:
            # Load the spec now, not inside the first request: a missing spec stops the fake
            # here, and the fake shares the event loop with the bot under test, whose
            # interactions must not wait on the parse.
            spec_validators()
        app = web.Application(
            middlewares=[self._request_id_middleware], client_max_size=EDIT_MAX_BODY
        )
        app.router.add_post(f"{self.path_prefix}/images/generations", self._generate)
        app.router.add_post(f"{self.path_prefix}/images/edits", self._generate)
        app.router.add_post(f"{self.path_prefix}/moderations", self._moderate)
        app.router.add_get("/files/{name}", self._serve_file)
        # handler_cancellation: a "slow" answer stops when the client gives up, so close() is
        # not held up by it.
        self._runner = web.AppRunner(
            app,
            handler_cancellation=True,
            access_log=None,
            shutdown_timeout=1.0,
            keepalive_timeout=self.idle_timeout,
        )
        await self._runner.setup()
        # A deep accept queue: load tests open hundreds of connections at once.
        site = web.TCPSite(self._runner, "127.0.0.1", self._listen_port, backlog=1024)
        await site.start()
        self._port = self._runner.addresses[0][1]

    async def close(self) -> None:
        """Stop listening and drop open connections."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def drop_connections(self) -> int:
        """Close every open connection now, as a server's idle timeout does; return how many.

        The sockets close on the event loop's next turn; a client that reuses one before its
        loop reads the close writes its request to a dead connection (the keep-alive race).
        """
        assert self._runner is not None
        assert self._runner.server is not None
        handlers = self._runner.server.connections
        for handler in handlers:
            if handler.transport is not None:
                handler.transport.close()
        return len(handlers)

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:<port>``, without the API path prefix."""
        if self._port is None:
            raise RuntimeError("FakeImageGateway is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """The base URL to give a client: the origin plus the path prefix (``/v1``)."""
        return self.origin + self.path_prefix

    def fail_next(self, kind: str, times: int = 1, **opts: Any) -> None:
        """Queue a failure for the next ``times`` generation requests (after earlier ones)."""
        if kind not in FAILURE_KINDS:
            raise ValueError(f"unknown failure kind {kind!r}; known: {sorted(FAILURE_KINDS)}")
        if times < 1:
            raise ValueError("times must be at least 1")
        self._planned.append(_Planned(kind, times, opts))

    def fail_moderation(self, kind: str, times: int = 1, **opts: Any) -> None:
        """Queue a failure for the next ``times`` moderation requests."""
        if kind not in MODERATION_FAILURES:
            raise ValueError(f"unknown moderation failure {kind!r}; known: {MODERATION_FAILURES}")
        self._moderation_failures.extend(_Planned(kind, 1, opts) for _ in range(times))

    @property
    def pending_failures(self) -> int:
        """Requests still to be failed by the queue."""
        return sum(planned.times for planned in self._planned)

    def serve_file(
        self,
        data: bytes,
        *,
        content_type: str = "image/png",
        content_length: bool = True,
        redirect_to: str | None = None,
    ) -> str:
        """Serve ``data`` at a new URL and return it (for download tests)."""
        return self._add_file(_ServedFile(data, content_type, content_length, redirect_to))

    def _add_file(self, served: _ServedFile) -> str:
        name = f"{secrets.token_hex(8)}.png"
        self._files[name] = served
        return f"{self.origin}/files/{name}"

    def _take_failure(self) -> _Planned | None:
        if not self._planned:
            return None
        planned = self._planned[0]
        planned.times -= 1
        if planned.times == 0:
            self._planned.popleft()
        return planned

    @web.middleware
    async def _request_id_middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        request_id = f"req_{secrets.token_hex(12)}"
        try:
            response = await handler(request)
        except GatewayError as error:
            response = web.json_response(error.body, status=error.status, headers=error.headers)
            if error.request_id:
                response.headers["x-request-id"] = request_id
        else:
            response.headers["x-request-id"] = request_id
        if request.path.startswith(f"{self.path_prefix}/images/"):
            self.answered_headers.append(CIMultiDict(response.headers))
        return response

    async def _generate(self, request: web.Request) -> web.StreamResponse:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._generate_counted(request)
        finally:
            self.in_flight -= 1

    async def _generate_counted(self, request: web.Request) -> web.StreamResponse:
        """A generation (JSON) or an edit (multipart): the same faults, auth and answers."""
        edit = request.path.endswith("/images/edits")
        upload: EditUpload | None = None
        edit_error: EditError | None = None
        raw = b""
        body: Any = None
        if edit and not self.edits:
            raw = await request.read()
        elif edit:
            try:
                upload = await read_edit(request)
            except EditError as error:
                edit_error = error
            body = None if upload is None else dict(upload.fields)
        else:
            raw = await request.read()
            body = _json_or_none(raw)
        peer = request.transport.get_extra_info("peername") if request.transport else None
        self.requests.append(
            RecordedRequest(
                method=request.method,
                path=request.path,
                headers=CIMultiDict(request.headers),
                json=body,
                raw=raw,
                arrived=time.monotonic(),
                client_port=peer[1] if peer else None,
                upload=upload,
            )
        )
        if edit and not self.edits:
            raise GatewayError(404, f"Invalid URL (POST {request.path})", code="unknown_url")
        planned = self._take_failure()
        kind, opts = (planned.kind, planned.opts) if planned else ("", {})
        if opts.get("delay"):
            await asyncio.sleep(opts["delay"])
        if kind == "disconnect":
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        if kind == "auth":
            raise _auth_error(_bearer_key(request))
        if kind == "litellm":
            raise _litellm(opts, str(body.get("model")) if isinstance(body, dict) else "")
        if kind in _ANSWER_FAILURES:
            raise _ANSWER_FAILURES[kind](opts)
        self._check_auth(request)
        if edit:
            body = _checked_edit(upload, edit_error)
        elif self.validate:
            check_request_structure(body)
        rules = check_model_rules(body)
        if self.delay:
            await asyncio.sleep(self.delay)
        if kind == "slow":
            await asyncio.sleep(opts.get("seconds", 1.0))
        if kind == "malformed_json":
            return web.Response(
                body=opts.get("body", b'{"created": 1, "data": [{"b64_json": "iVBO'),
                content_type="application/json",
            )
        return web.json_response(self._answer(body, rules, kind, opts))

    async def _moderate(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        body = _json_or_none(raw)
        self.moderations.append(
            RecordedRequest(
                method=request.method,
                path=request.path,
                headers=CIMultiDict(request.headers),
                json=body,
                raw=raw,
                arrived=time.monotonic(),
                client_port=None,
            )
        )
        planned = self._moderation_failures.popleft() if self._moderation_failures else None
        kind, opts = (planned.kind, planned.opts) if planned else ("", {})
        if kind == "disconnect":
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        if kind == "server_error":
            raise _server_error(opts)
        self._check_auth(request)
        _check_moderation_request(body)
        if kind == "slow":
            await asyncio.sleep(opts.get("seconds", 1.0))
        if kind == "malformed":
            return web.json_response({"id": "modr-0", "model": body["model"]})
        return web.json_response(self._moderation_answer(body))

    def _moderation_answer(self, body: Mapping[str, Any]) -> dict[str, Any]:
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        results = []
        for text in inputs:
            words = set(str(text).lower().split())
            hits = {category for word, category in self.flagged_words.items() if word in words}
            results.append(
                {
                    "flagged": bool(hits),
                    "categories": {c: c in hits for c in MODERATION_CATEGORIES},
                    "category_scores": {
                        c: 0.9 if c in hits else 0.01 for c in MODERATION_CATEGORIES
                    },
                    "category_applied_input_types": {c: ["text"] for c in MODERATION_CATEGORIES},
                }
            )
        payload = {"id": f"modr-{secrets.token_hex(6)}", "model": body["model"], "results": results}
        error = next(iter(spec_validators().moderation_response.iter_errors(payload)), None)
        if error is not None:
            raise AssertionError(f"fake moderation answer breaks the spec: {error.message}")
        return payload

    def _check_auth(self, request: web.Request) -> None:
        key = _bearer_key(request)
        if not key:
            raise GatewayError(
                401,
                "You didn't provide an API key. You need to provide your API key in an "
                "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            )
        if not secrets.compare_digest(key, self.api_key):
            raise _auth_error(key)

    def _answer(
        self, body: Mapping[str, Any], rules: ModelRules, kind: str, opts: Mapping[str, Any]
    ) -> dict[str, Any]:
        n = body.get("n", 1)
        altered = opts.get("images", n)
        count = opts.get("results", n)
        image_format = body.get("output_format", "png")
        results = [
            self._result(kind if i < altered else "", opts, image_format) for i in range(count)
        ]
        as_url = kind in _URL_KINDS or (
            bool(rules.response_formats)
            and body.get("response_format", rules.default_format) == "url"
        )
        self.produced.extend(result.intact for result in results if result.deliverable)
        if kind == "extra_results":
            # Unasked-for images: billed by the gateway, but not what a good client delivers.
            results += [self._result("", opts) for _ in range(opts.get("extra", 2))]
        data = [self._result_item(result, as_url, body, rules) for result in results]
        self.charged_images += len(results)
        payload = {"created": int(time.time()), "data": data}
        if self.validate:
            check_images_response(payload)
        return payload

    def _result(self, kind: str, opts: Mapping[str, Any], image_format: str = "png") -> _Result:
        """One image in ``image_format``, altered by ``kind`` (``""``: intact)."""
        seed = next(self._seed)
        if kind == "oversize_download":
            side = math.isqrt(opts.get("size", 1024 * 1024) // 3) + 16
            big = make_png(side, side, seed=seed, noise=True)
            return _Result(
                big, file=_ServedFile(big, content_length=opts.get("content_length", True))
            )
        png = self.image or make_png(
            self.width, self.height, seed=seed, noise=self.noise, image_format=image_format
        )
        if kind == "bad_url":
            return _Result(png, url=opts.get("url", _BAD_URL))
        if kind == "truncated_b64":
            return _Result(png, sent=_truncate_valid_b64(png, opts.get("keep", 0.5)))
        if kind == "not_image":
            return _Result(png, sent=opts.get("data", b"<html><body>not an image</body></html>"))
        if kind == "wrong_content_type":
            return _Result(png, file=_ServedFile(png, opts.get("content_type", "text/html")))
        if kind == "redirect":
            target = opts.get("to") or self._add_file(_ServedFile(png))
            return _Result(png, file=_ServedFile(png, redirect_to=target))
        if kind in _DOWNLOAD_FAULTS:
            return _Result(png, file=_ServedFile(png, fault=kind, opts=opts))
        return _Result(png)

    def _result_item(
        self, result: _Result, as_url: bool, body: Mapping[str, Any], rules: ModelRules
    ) -> dict[str, str]:
        payload = result.sent if result.sent is not None else result.intact
        if result.url is not None:
            item = {"url": result.url}
        elif as_url:
            item = {"url": self._add_file(result.file or _ServedFile(payload))}
        else:
            item = {"b64_json": base64.b64encode(payload).decode("ascii")}
        if rules.revised_prompt:
            item["revised_prompt"] = f"A detailed, vivid rendering of: {body['prompt']}"
        return item

    async def _serve_file(self, request: web.Request) -> web.StreamResponse:
        self.downloads.append(request.path)
        if self.delay:
            await asyncio.sleep(self.delay)
        served = self._files.get(request.match_info["name"])
        if served is None:
            raise web.HTTPNotFound()
        if served.redirect_to is not None:
            raise web.HTTPFound(served.redirect_to)
        if served.fault is not None:
            return await _download_fault(request, served.fault, served.opts or {})
        if served.content_length:
            return web.Response(body=served.data, content_type=served.content_type)
        response = web.StreamResponse(headers={"Content-Type": served.content_type})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for start in range(0, len(served.data), 64 * 1024):
            await response.write(served.data[start : start + 64 * 1024])
        await response.write_eof()
        return response


async def _download_fault(
    request: web.Request, fault: str, opts: Mapping[str, Any]
) -> web.StreamResponse:
    if fault == "download_error":
        return web.Response(status=opts.get("status", 503), text="upstream storage unavailable")
    if fault == "download_stall":
        await asyncio.sleep(opts.get("seconds", 30.0))
    reset_connection(request)
    return web.Response(status=599)  # never sent: the connection is gone


def _checked_edit(upload: EditUpload | None, error: EditError | None) -> dict[str, Any]:
    """An edit's fields once its multipart body passed the spec's rules, or the 400."""
    try:
        if error is not None:
            raise error
        assert upload is not None
        return dict(check_edit(upload))
    except EditError as refused:
        raise GatewayError(400, refused.message, code=refused.code, param=refused.param) from None


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _truncate_valid_b64(data: bytes, keep: float) -> bytes:
    """Cut ``data`` so that its base64 is still well-formed: only the file is incomplete."""
    return data[: int(len(data) * keep) // 3 * 3]


def _bearer_key(request: web.Request) -> str:
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    return key if scheme == "Bearer" else ""


def _auth_error(key: str) -> GatewayError:
    return GatewayError(
        401,
        f"Incorrect API key provided: {_mask_key(key)}. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        code="invalid_api_key",
    )


def _retry_headers(opts: Mapping[str, Any]) -> dict[str, str]:
    headers = {}
    if opts.get("retry_after") is not None:
        headers["retry-after"] = str(opts["retry_after"])
    if opts.get("retry_after_ms") is not None:
        headers["retry-after-ms"] = str(opts["retry_after_ms"])
    return headers


def _rate_limit(opts: Mapping[str, Any]) -> GatewayError:
    headers = {"x-ratelimit-limit-requests": "5", "x-ratelimit-remaining-requests": "0"}
    return GatewayError(
        429,
        "Rate limit reached for images per min. Limit: 5/1min. Current: 6/1min.",
        type="requests",
        code="rate_limit_exceeded",
        headers={**headers, **_retry_headers(opts)},
    )


def _insufficient_quota(opts: Mapping[str, Any]) -> GatewayError:
    return GatewayError(
        429,
        "You exceeded your current quota, please check your plan and billing details.",
        type="insufficient_quota",
        code="insufficient_quota",
    )


def _server_error(opts: Mapping[str, Any]) -> GatewayError:
    return GatewayError(
        opts.get("status", 500),
        "The server had an error while processing your request. Sorry about that!",
        type="server_error",
        headers=_retry_headers(opts),
    )


def _http_error(opts: Mapping[str, Any]) -> GatewayError:
    error = GatewayError(
        opts.get("status", 400),
        opts.get("message", "Something was wrong with the request."),
        type=opts.get("type", "invalid_request_error"),
        code=opts.get("code"),
        param=opts.get("param"),
        headers=opts.get("headers"),
        request_id=opts.get("request_id", True),
    )
    if "innererror" in opts:
        error.body["error"]["innererror"] = opts["innererror"]
    return error


def _content_policy(opts: Mapping[str, Any]) -> GatewayError:
    if opts.get("legacy"):
        return GatewayError(400, _SAFETY_MESSAGE)
    return GatewayError(400, _SAFETY_MESSAGE, code="content_policy_violation")


def _moderation_blocked(opts: Mapping[str, Any]) -> GatewayError:
    return GatewayError(
        400,
        "Your request was rejected by the safety system. If you believe this is an error, "
        "contact us at help.openai.com and include the request ID.",
        type="image_generation_user_error",
        code="moderation_blocked",
    )


MODERATION_FAILURES = ("server_error", "slow", "malformed", "disconnect")
MODERATION_CATEGORIES = (
    "hate",
    "hate/threatening",
    "harassment",
    "harassment/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)

# What LiteLLM 1.108.7 answers (status, error.type, error.message): the shapes issue 21 reports,
# the messages as its source builds them (litellm/proxy/_types.py ProxyException: error.code is
# always the status as a string; litellm/types/router.py: the cooldown; litellm/exceptions.py).
LITELLM_ANSWERS: dict[str, tuple[int, str, str]] = {
    "rate_limit": (
        429,
        "throttling_error",
        "litellm.RateLimitError: RateLimitError: OpenAIException - Rate limit reached for images "
        "per min. Limit: 5/1min. Current: 6/1min.",
    ),
    "insufficient_quota": (
        429,
        "throttling_error",
        "litellm.RateLimitError: RateLimitError: OpenAIException - You exceeded your current "
        "quota, please check your plan and billing details.",
    ),
    "server_error": (
        500,
        "internal_server_error",
        "litellm.InternalServerError: InternalServerError: OpenAIException - The server had an "
        "error while processing your request. Sorry about that!",
    ),
    "content_policy": (
        400,
        "invalid_request_error",
        "litellm.BadRequestError: OpenAIException - This prompt was flagged by moderation.",
    ),
    # gpt-image-1's refusal (moderation_blocked): the code is lost, OpenAI's type is kept.
    "moderation_blocked": (
        400,
        "image_generation_user_error",
        "litellm.BadRequestError: OpenAIException - Your request was rejected by the safety "
        "system. If you believe this is an error, contact us at help.openai.com and include the "
        "request ID.",
    ),
    "cooldown": (
        429,
        "all_deployments_in_cooldown",
        "No deployments available for selected model, Try again in 5 seconds. All deployments "
        "for selected model are in cooldown. Passed model=openai/dall-e-3. "
        "pre-call-checks=False, cooldown_list=['3f0c1c4e9b']",
    ),
    "unsupported_params": (
        400,
        "invalid_request_error",
        "litellm.UnsupportedParamsError: Setting response_format is not supported by openai, "
        "flux/flux-1-pro. To drop it from the call, set `litellm.drop_params = True`.",
    ),
    # Any other 400 of the upstream's, its words kept: here one echoing the member's prompt.
    "bad_request": (
        400,
        "invalid_request_error",
        "litellm.BadRequestError: OpenAIException - Invalid 'prompt': 'a poster about the car "
        "safety system' is too long.",
    ),
    # The upstream refused the proxy's key (UPSTREAM_API_KEY), which OpenAI echoes masked.
    "auth": (
        401,
        "authentication_error",
        "litellm.AuthenticationError: AuthenticationError: OpenAIException - Incorrect API key "
        "provided: sk-*************************cdef. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
    ),
    # A key the proxy does not know, with no database to look it up in (raised by its auth).
    "no_db": (400, "no_db_connection", "No connected db."),
}


# What its router appends to an upstream's error (router_utils/common_utils.py,
# format_fallback_outcome_message, while litellm.expose_router_debug_in_errors is on, as by
# default), filled with the model the client asked for. Its cooldown error (a ValueError without
# ``message``) and its auth's answer are not an upstream's: they get none.
LITELLM_NO_FALLBACK = (
    "\n\nLiteLLM: model group '{model}' failed with the error above. No fallback was attempted."
)
_LITELLM_OWN_ANSWERS = frozenset({"cooldown", "no_db"})


def _litellm(opts: Mapping[str, Any], model: str) -> GatewayError:
    answer = opts.get("answer", "server_error")
    status, type_, message = LITELLM_ANSWERS[answer]
    status = opts.get("status", status)
    message = opts.get("message", message)
    if answer not in _LITELLM_OWN_ANSWERS:
        message += LITELLM_NO_FALLBACK.format(model=model)
    # Its auth answers before a call id is made; every later error carries one.
    call_id = {} if answer == "no_db" else {"x-litellm-call-id": str(uuid.uuid4())}
    return GatewayError(
        status,
        message,
        type=opts.get("type", type_),
        code=str(status),
        headers={**call_id, **opts.get("headers", {})},
        request_id=False,
    )


_ANSWER_FAILURES: dict[str, Callable[[Mapping[str, Any]], GatewayError]] = {
    "rate_limit": _rate_limit,
    "insufficient_quota": _insufficient_quota,
    "server_error": _server_error,
    "http_error": _http_error,
    "content_policy": _content_policy,
    "moderation_blocked": _moderation_blocked,
}
