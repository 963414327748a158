"""Validate the JSON bodies the bot sends against Discord's OpenAPI document.

The document (``tests/fakes/specs/discord-openapi.json``) is loaded and each operation's
validator compiled once per process: the file is 1.2 MB and tests must stay fast. A document that
cannot be loaded raises :class:`~tests.fakes.specs.SpecUnavailableError`: the checks are never
silently off.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.fakes.specs import DISCORD_SPEC, load_spec

SPEC_URI = "urn:discord-openapi"


@dataclass(frozen=True)
class Violation:
    method: str
    path: str
    template: str
    message: str

    def __str__(self) -> str:
        return f"{self.method} {self.path} (spec {self.template}): {self.message}"


@functools.cache
def document() -> dict[str, Any]:
    """The whole spec, loaded once; raises if it cannot be."""
    return load_spec(DISCORD_SPEC)


@functools.cache
def _registry() -> Registry[Any]:
    resource = Resource.from_contents(document(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
    return registry


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def match_template(path: str) -> str | None:
    """The spec's path template for a concrete path; literal segments beat ``{params}``."""
    segments = path.strip("/").split("/")
    best: tuple[int, str] | None = None
    for template in document()["paths"]:
        parts = template.strip("/").split("/")
        if len(parts) != len(segments):
            continue
        literal = 0
        for part, segment in zip(parts, segments, strict=True):
            if part.startswith("{") and part.endswith("}"):
                continue
            if part != segment:
                break
            literal += 1
        else:
            if best is None or literal > best[0]:
                best = (literal, template)
    return None if best is None else best[1]


@functools.cache
def _validator(template: str, method: str, media_type: str) -> Draft202012Validator | None:
    operation = document()["paths"][template].get(method, {})
    content = operation.get("requestBody", {}).get("content", {})
    if media_type not in content:
        media_type = "application/json"
    if media_type not in content:
        return None
    ref = "#/" + _pointer("paths", template, method, "requestBody", "content", media_type, "schema")
    return Draft202012Validator({"$ref": SPEC_URI + ref}, registry=_registry())


def relax(body: Any) -> Any:
    """Known, documented relaxations of the preview spec.

    discord.py sends ``attachments[].id`` as the integers 0, 1, … for new uploads; the spec's
    SnowflakeType wants a string but Discord's docs accept "snowflake or number", so integers are
    turned into strings before validation.
    """
    body = copy.deepcopy(body)
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for item in node.get("attachments") or []:
                if isinstance(item, dict) and isinstance(item.get("id"), int):
                    item["id"] = str(item["id"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return body


def validate(method: str, path: str, body: Any, media_type: str) -> list[Violation]:
    """Validate one request body; an empty list when it is valid."""
    return _check(
        method,
        path,
        relax(body),
        lambda template: _validator(template, method.lower(), media_type),
        f"the spec defines no {media_type} body",
        where="",
    )


@functools.cache
def _response_validator(template: str, method: str, status: str) -> Draft202012Validator | None:
    responses = document()["paths"][template].get(method, {}).get("responses", {})
    if "application/json" not in responses.get(status, {}).get("content", {}):
        return None
    ref = "#/" + _pointer(
        "paths", template, method, "responses", status, "content", "application/json", "schema"
    )
    return Draft202012Validator({"$ref": SPEC_URI + ref}, registry=_registry())


def validate_response(method: str, path: str, status: int, body: Any) -> list[Violation]:
    """Check one of the fake's own answers against the spec's response schema for it."""
    return _check(
        method,
        path,
        body,
        lambda template: _response_validator(template, method.lower(), str(status)),
        f"the spec defines no {status} JSON answer",
        where="answer ",
    )


def _check(
    method: str,
    path: str,
    body: Any,
    validator_for: Callable[[str], Draft202012Validator | None],
    undefined: str,
    *,
    where: str,
) -> list[Violation]:
    """Match the path to the spec's template, then list what the schema finds wrong."""
    template = match_template(path)
    if template is None:
        return [Violation(method, path, "-", "no such path in the spec")]
    validator = validator_for(template)
    if validator is None:
        return [Violation(method, path, template, undefined)]
    return [
        Violation(
            method,
            path,
            template,
            f"{where}{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}",
        )
        for e in validator.iter_errors(body)
    ]
