"""The public API descriptions the fakes validate against, kept in the repository.

- ``discord-openapi.json``: Discord's OpenAPI 3.1 description of its HTTP API
  (discord/discord-api-spec, snapshot of 2026-07-18), unmodified; MIT, see
  ``discord-openapi.LICENSE``.
- ``openai-openapi.images.yaml``: OpenAI's API description (openai/openai-openapi, 2026-08-21)
  cut down by ``trim_openai.py`` to the endpoints the fake image gateway speaks; MIT, see
  ``openai-openapi.LICENSE``.

They live here, beside the fakes, so that a fresh clone's tests check what they claim: a spec
that is missing or cannot be parsed raises :class:`SpecUnavailableError`, never turns the checks
off. They are test data, so the wheel (``bot``, ``cogs``) does not carry them; the sdist does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

SPECS_DIR = Path(__file__).resolve().parent
DISCORD_SPEC = SPECS_DIR / "discord-openapi.json"
OPENAI_SPEC = SPECS_DIR / "openai-openapi.images.yaml"


class SpecUnavailableError(RuntimeError):
    """A spec the fakes need is missing or broken: the tests must stop, not skip the checks."""


def load_spec(path: Path) -> dict[str, Any]:
    """The OpenAPI document at ``path`` (JSON or YAML), or :class:`SpecUnavailableError`."""
    try:
        raw = path.read_bytes()
        if path.suffix == ".json":
            document = json.loads(raw)
        else:
            document = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as error:
        raise SpecUnavailableError(f"cannot load the API spec {path}: {error.strerror}") from error
    except (ValueError, yaml.YAMLError) as error:
        raise SpecUnavailableError(f"cannot load the API spec {path}: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise SpecUnavailableError(f"the API spec {path} is not an OpenAPI document")
    return document
