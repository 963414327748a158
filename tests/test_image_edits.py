"""ImageClient edits (``POST /images/edits``, multipart) against the fake gateway."""

from __future__ import annotations

import dataclasses
import io
import logging

import pytest
from PIL import Image

from bot.images import (
    BadRequestError,
    ChargeOutcome,
    ChargeTracker,
    EditsUnsupportedError,
    ImageClient,
    ImageRequest,
    InputFile,
    RateLimitedError,
    UpstreamUnavailableError,
)
from tests.fakes.image_gateway import FakeImageGateway, RecordedRequest

KEY = "sk-test-edits-0123456789"


def png(width: int = 24, height: int = 24, *, mode: str = "RGB", fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height), (10, 200, 30, 0)[: len(mode)]).save(buffer, format=fmt)
    return buffer.getvalue()


def image_file(data: bytes | None = None, content_type: str = "image/png") -> InputFile:
    return InputFile(data or png(), "image.png", content_type)


EDIT = ImageRequest(
    "openai/gpt-image-1", "add a hat", 1, "1024x1024", "low", None, images=(image_file(),)
)


def client(gw: FakeImageGateway, **options: object) -> ImageClient:
    async def no_sleep(_: float) -> None:
        return None

    return ImageClient(gw.base_url, KEY, sleep=no_sleep, **options)  # type: ignore[arg-type]


def only(gw: FakeImageGateway) -> RecordedRequest:
    (request,) = gw.requests
    assert request.is_edit
    assert request.upload is not None
    return request


async def test_one_image_is_sent_as_multipart_image_and_answered_like_a_generation() -> None:
    async with FakeImageGateway(KEY) as gw:
        images = client(gw)
        result = await images.generate(EDIT)
        await images.close()
    request = only(gw)
    assert request.upload is not None
    assert [f.field for f in request.upload.images] == ["image"]
    assert request.upload.images[0].data == EDIT.images[0].data
    assert request.json == {
        "model": "openai/gpt-image-1",
        "prompt": "add a hat",
        "n": 1,
        "size": "1024x1024",
        "quality": "low",
    }
    assert [image.data for image in result.images] == gw.produced


async def test_two_images_and_a_mask_go_as_image_array_and_mask() -> None:
    mask = image_file(png(mode="RGBA"))
    request = dataclasses.replace(
        EDIT, images=(image_file(), image_file(png(fmt="WEBP"), "image/webp")), mask=mask
    )
    async with FakeImageGateway(KEY) as gw:
        images = client(gw)
        await images.generate(request)
        await images.close()
    upload = only(gw).upload
    assert upload is not None
    assert [f.field for f in upload.images] == ["image[]", "image[]"]
    assert upload.mask is not None
    assert upload.mask.data == mask.data


@pytest.mark.parametrize(
    ("images", "mask", "param"),
    [
        ((image_file(b"GIF89a not an image"),), None, "image"),
        ((image_file(),), image_file(png()), "mask"),  # no alpha
        ((image_file(),), image_file(png(32, 32, mode="RGBA")), "mask"),  # not the image's size
        ((image_file(),), image_file(png(mode="RGBA", fmt="WEBP")), "mask"),  # not a PNG
        (tuple(image_file() for _ in range(17)), None, "image"),
    ],
)
async def test_the_fake_refuses_what_the_spec_refuses(
    images: tuple[InputFile, ...], mask: InputFile | None, param: str
) -> None:
    """The fake's checks are real: a client bug in the inputs shows up as the gateway's 400."""
    async with FakeImageGateway(KEY) as gw:
        client_ = client(gw)
        with pytest.raises(BadRequestError) as raised:
            await client_.generate(dataclasses.replace(EDIT, images=images, mask=mask))
        await client_.close()
    assert raised.value.status == 400
    assert raised.value.param == param
    assert len(gw.requests) == 1


@pytest.mark.parametrize("edits", [False, True])
async def test_a_gateway_or_model_without_edits_is_not_charged_not_retried_and_logged_once(
    edits: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """404 from a gateway without the route; 400 "does not support image edits" for dall-e-3."""
    request = dataclasses.replace(EDIT, model="openai/dall-e-3", quality="hd")
    caplog.set_level(logging.WARNING, "imagine.images")
    async with FakeImageGateway(KEY, edits=edits) as gw:
        images = client(gw)
        for _ in range(2):
            with pytest.raises(EditsUnsupportedError) as raised:
                await images.generate(request)
            assert raised.value.charge is ChargeOutcome.NOT_CHARGED
            assert raised.value.status == (400 if edits else 404)
        await images.close()
    assert len(gw.requests) == 2  # one attempt each: no retry
    logged = [r for r in caplog.records if "does not offer edits" in r.getMessage()]
    assert len(logged) == 1


async def test_edits_get_the_same_faults_and_retries_as_generations() -> None:
    async with FakeImageGateway(KEY) as gw:
        images = client(gw, max_retries=1)
        gw.fail_next("rate_limit", times=2)
        with pytest.raises(RateLimitedError):
            await images.generate(EDIT)
        assert len(gw.requests) == 2
        assert all(r.upload is not None for r in gw.requests)
        gw.fail_next("server_error")
        await images.generate(EDIT)  # retried with the same files: the form is built again
        assert gw.requests[-1].upload == gw.requests[-2].upload
        gw.fail_next("disconnect")
        tracker = ChargeTracker()
        with pytest.raises(UpstreamUnavailableError) as raised:
            await images.generate(EDIT, tracker)
        assert raised.value.charge is ChargeOutcome.UNKNOWN  # sent, then dropped: maybe billed
        await images.close()
