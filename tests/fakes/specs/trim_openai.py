"""Derive ``openai-openapi.images.yaml`` from OpenAI's full API description.

The full document (openai/openai-openapi) is 3 MB and takes seconds to parse; the fake image
gateway needs only the image endpoints and the moderation endpoint it also fakes. This keeps
those paths, every component they reference, transitively, and ``Error``; nothing is edited,
so the result is the upstream text for what it keeps. Regenerate after taking a new upstream
file, from the repository's root::

    python -m tests.fakes.specs.trim_openai openai-openapi.yaml \\
        > tests/fakes/specs/openai-openapi.images.yaml
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from tests.fakes.specs import load_spec

PATHS = ("/images/generations", "/images/edits", "/images/variations", "/moderations")
ROOTS = ("#/components/schemas/Error",)
TOP_LEVEL = ("openapi", "info", "servers", "security")
HEADER = "# Trimmed by tests/fakes/specs/trim_openai.py from openai-openapi.yaml"


def _refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` string anywhere under ``node``."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                yield ref
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _component(ref: str) -> tuple[str, str]:
    """``#/components/<kind>/<name>[/...]`` → (kind, name); other references are refused."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in ref.split("/")]
    if len(parts) < 4 or parts[:2] != ["#", "components"]:
        raise ValueError(f"unsupported $ref {ref!r}: only #/components/... is followed")
    return parts[2], parts[3]


def trim(document: dict[str, Any]) -> dict[str, Any]:
    """The document cut down to PATHS, ROOTS and what they reference, in upstream order."""
    components: dict[str, dict[str, Any]] = document.get("components", {})
    paths = {path: document["paths"][path] for path in PATHS}
    wanted: set[tuple[str, str]] = set()
    pending = [_component(ref) for ref in (*ROOTS, *_refs(paths))]
    while pending:
        key = pending.pop()
        if key in wanted:
            continue
        kind, name = key
        if name not in components.get(kind, {}):
            raise ValueError(f"#/components/{kind}/{name} is referenced but not defined")
        wanted.add(key)
        pending.extend(_component(ref) for ref in _refs(components[kind][name]))
    kept: dict[str, dict[str, Any]] = {}
    for kind, entries in components.items():
        names = {name: value for name, value in entries.items() if (kind, name) in wanted}
        if names:
            kept[kind] = names
    if "security" in document and "securitySchemes" in components:
        kept["securitySchemes"] = components["securitySchemes"]
    top = {key: document[key] for key in TOP_LEVEL if key in document}
    return {**top, "paths": paths, "components": kept}


def render(document: dict[str, Any]) -> str:
    """The YAML text of a trimmed document (stable: the same input gives the same bytes)."""
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("upstream", type=Path, help="the full openai-openapi.yaml")
    args = parser.parse_args()
    digest = hashlib.sha256(args.upstream.read_bytes()).hexdigest()
    sys.stdout.write(f"{HEADER} (sha256 {digest}).\n{render(trim(load_spec(args.upstream)))}")


if __name__ == "__main__":
    main()
