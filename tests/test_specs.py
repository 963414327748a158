"""The fakes' API specs ship with the repository, load or fail loudly, and really validate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.discord import spec as discord_spec
from tests.fakes.discord.server import FakeDiscord
from tests.fakes.image_gateway import (
    FakeImageGateway,
    GatewayError,
    check_request_structure,
    spec_validators,
)
from tests.fakes.specs import (
    DISCORD_SPEC,
    OPENAI_SPEC,
    SPECS_DIR,
    SpecUnavailableError,
    load_spec,
    trim_openai,
)

ROOT = Path(__file__).resolve().parents[1]


def test_the_specs_and_their_licences_are_inside_the_repository() -> None:
    for path in (DISCORD_SPEC, OPENAI_SPEC):
        assert path.is_relative_to(ROOT)
        assert path.is_file()
    for licence in ("discord-openapi.LICENSE", "openai-openapi.LICENSE"):
        assert (SPECS_DIR / licence).read_text(encoding="utf-8").startswith(("MIT", "The MIT"))


def test_a_missing_spec_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SpecUnavailableError, match="cannot load the API spec"):
        load_spec(tmp_path / "discord-openapi.json")


@pytest.mark.parametrize(
    ("name", "text"),
    [("broken.json", '{"paths": '), ("broken.yaml", "paths: [unclosed"), ("list.json", "[]")],
)
def test_a_broken_spec_is_an_error(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(SpecUnavailableError, match=name):
        load_spec(tmp_path / name)


@pytest.fixture
def missing_specs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Both fakes pointed at specs that do not exist, with their loaded copies forgotten."""
    monkeypatch.setattr(discord_spec, "DISCORD_SPEC", tmp_path / "absent.json")
    monkeypatch.setattr("tests.fakes.image_gateway.OPENAI_SPEC", tmp_path / "absent.yaml")
    discord_spec.document.cache_clear()
    spec_validators.cache_clear()
    yield
    discord_spec.document.cache_clear()
    spec_validators.cache_clear()


@pytest.mark.usefixtures("missing_specs")
async def test_without_its_spec_the_fake_discord_refuses_to_start() -> None:
    with pytest.raises(SpecUnavailableError, match=r"absent\.json"):
        await FakeDiscord().start()


@pytest.mark.usefixtures("missing_specs")
async def test_without_its_spec_the_fake_gateway_refuses_to_start() -> None:
    with pytest.raises(SpecUnavailableError, match=r"absent\.yaml"):
        await FakeImageGateway().start()


def test_the_discord_spec_refuses_a_bad_message_body() -> None:
    body = {"content": 5, "tts": "yes"}
    violations = discord_spec.validate("POST", "/channels/1/messages", body, "application/json")
    assert {v.message.split(":")[0] for v in violations} == {"content", "tts"}
    assert discord_spec.validate("POST", "/channels/1/messages", {"content": "hi"}, "") == []


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"model": "dall-e-2"}, "prompt"),  # required
        ({"model": "dall-e-2", "prompt": "cat", "n": "two"}, "n"),
    ],
)
def test_the_openai_spec_refuses_a_bad_image_request(body: dict[str, Any], param: str) -> None:
    with pytest.raises(GatewayError, match=f"Invalid '{param}'"):
        check_request_structure(body)


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _resolve(document: Any, ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node = document
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_the_trimmed_openai_spec_is_self_contained() -> None:
    document = load_spec(OPENAI_SPEC)
    refs = set(_refs(document))
    assert "#/components/schemas/CreateImageRequest" in refs
    for ref in refs:
        assert _resolve(document, ref) is not None, ref
    assert set(trim_openai.PATHS) == set(document["paths"])
    assert "Error" in document["components"]["schemas"]


def test_the_trimmed_openai_spec_is_exactly_what_the_script_makes() -> None:
    """Trimming the trimmed file again changes nothing: no hand edits, nothing unreferenced."""
    header, body = OPENAI_SPEC.read_text(encoding="utf-8").split("\n", 1)
    assert header.startswith(trim_openai.HEADER)
    assert trim_openai.render(trim_openai.trim(load_spec(OPENAI_SPEC))) == body


def test_the_trim_follows_references_transitively() -> None:
    schemas: dict[str, dict[str, Any]] = {
        "A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}},
        "B": {"items": {"$ref": "#/components/schemas/C"}},
        "C": {"type": "string"},
        "Error": {"type": "object"},
        "Unused": {"type": "object"},
    }
    ok = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}
    paths = {path: {"post": {"responses": {"200": ok}}} for path in trim_openai.PATHS}
    paths["/other"] = {}
    document = {"openapi": "3.1.0", "paths": paths, "components": {"schemas": schemas}}
    trimmed = trim_openai.trim(document)
    assert list(trimmed["components"]["schemas"]) == ["A", "B", "C", "Error"]
    assert "/other" not in trimmed["paths"]
    schemas["B"]["items"]["$ref"] = "#/components/schemas/Gone"
    with pytest.raises(ValueError, match="Gone is referenced but not defined"):
        trim_openai.trim(document)
