"""Whether the commands this bot would publish differ from what Discord has, so that an upgrade
that changed them says `python -m bot sync` is due instead of leaving members with stale ones.

Discord answers in its own shapes (ids, versions, defaults filled in or left out, permissions
as strings, no localizations where there are none), so both sides are reduced to what a member
sees, in every language, and what decides who may use it. Discord's answer carries the
localizations only when asked for them (`with_localizations`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_OPTION_KEYS = (
    "type",
    "name",
    "name_localizations",
    "description",
    "description_localizations",
    "required",
    "channel_types",
    "min_value",
    "max_value",
    "min_length",
    "max_length",
    "autocomplete",
)


@dataclass(frozen=True)
class Drift:
    added: tuple[str, ...]  # published by this bot, unknown to Discord
    removed: tuple[str, ...]  # on Discord, no longer in this bot
    changed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def drift(local: Iterable[Mapping[str, Any]], remote: Iterable[Mapping[str, Any]]) -> Drift:
    """Compare command payloads (discord.py's `to_dict`) with Discord's answer, by name."""
    mine = {command["name"]: _command(command) for command in local}
    theirs = {command["name"]: _command(command) for command in remote}
    return Drift(
        added=tuple(sorted(mine.keys() - theirs.keys())),
        removed=tuple(sorted(theirs.keys() - mine.keys())),
        changed=tuple(sorted(n for n in mine.keys() & theirs.keys() if mine[n] != theirs[n])),
    )


def _command(command: Mapping[str, Any]) -> dict[str, Any]:
    permissions = command.get("default_member_permissions")
    contexts = command.get("contexts")
    return {
        "type": int(command.get("type") or 1),
        "description": command.get("description") or "",
        "name_localizations": command.get("name_localizations") or {},
        "description_localizations": command.get("description_localizations") or {},
        "default_member_permissions": None if permissions is None else int(permissions),
        "contexts": None if contexts is None else sorted(int(c) for c in contexts),
        "nsfw": bool(command.get("nsfw")),
        "options": [_option(o) for o in command.get("options") or []],
    }


def _option(option: Mapping[str, Any]) -> dict[str, Any]:
    """The option's fields that are set: Discord leaves out what is false or empty."""
    shape = {
        key: option[key] for key in _OPTION_KEYS if option.get(key) not in (None, False, [], {})
    }
    if choices := option.get("choices"):
        shape["choices"] = [_choice(c) for c in choices]
    if nested := option.get("options"):
        shape["options"] = [_option(o) for o in nested]
    return shape


def _choice(choice: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "name": choice["name"],
        "value": choice["value"],
        "name_localizations": choice.get("name_localizations") or {},
    }
