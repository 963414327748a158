"""Defaults for /imagine: a server's (set by its admins) and each member's own in that server.

Precedence, option by option: what the member typed, then the member's default, then the
server's, then the catalog's. A default applies only where the model in use takes it (a style
default does not reach GPT Image); a default model the server has since disabled is skipped,
and the request says so rather than failing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from bot.catalog import Catalog, ModelSpec, RequestOptions
from bot.clock import Clock, utc_now
from bot.quota import _ts as timestamp
from bot.store import Store

Whose = Literal["member", "server"]


@dataclass(frozen=True)
class DefaultsUsed:
    """Which defaults shaped a request: (whose, option, value) applied, (whose, model) skipped."""

    applied: tuple[tuple[Whose, str, str], ...] = ()
    skipped: tuple[tuple[Whose, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.applied or self.skipped)


@dataclass(frozen=True)
class Resolved:
    options: RequestOptions
    used: DefaultsUsed = field(default_factory=DefaultsUsed)


def resolve(
    typed: RequestOptions,
    layers: list[tuple[Whose, RequestOptions]],
    catalog: Catalog,
    enabled: Callable[[str], bool],
) -> Resolved:
    """The options a request runs with: `typed` filled in from `layers`, first layer first."""
    applied: list[tuple[Whose, str, str]] = []
    skipped: list[tuple[Whose, str]] = []
    model_id = typed.model
    if model_id is None:
        for whose, layer in layers:
            if layer.model is None:
                continue
            if catalog.get(layer.model) is None or not enabled(layer.model):
                skipped.append((whose, layer.model))
                continue
            model_id = layer.model
            applied.append((whose, "model", layer.model))
            break
    model = catalog.get(model_id or catalog.default_model)
    if model is None:  # an unknown typed model: the catalog refuses it as typed
        return Resolved(typed)
    options = replace(typed, model=model_id)
    if typed.size is None and typed.aspect is None:
        options = _shape(options, model, layers, applied)
    if typed.quality is None:
        for whose, layer in layers:
            if layer.quality is not None and layer.quality in model.qualities:
                options = replace(options, quality=layer.quality)
                applied.append((whose, "quality", layer.quality))
                break
    extra = dict(typed.extra)
    for name, allowed in model.extra_params.items():
        if name in extra:
            continue
        for whose, layer in layers:
            value = layer.extra.get(name)
            if value is not None and value in allowed:
                extra[name] = value
                applied.append((whose, name, value))
                break
    return Resolved(replace(options, extra=extra), DefaultsUsed(tuple(applied), tuple(skipped)))


def _shape(
    options: RequestOptions,
    model: ModelSpec,
    layers: list[tuple[Whose, RequestOptions]],
    applied: list[tuple[Whose, str, str]],
) -> RequestOptions:
    """The first default size or aspect the model can draw."""
    for whose, layer in layers:
        if layer.aspect is not None and layer.aspect in model.aspects:
            applied.append((whose, "aspect", layer.aspect))
            return replace(options, aspect=layer.aspect)
        if layer.size is not None and model.allows_size(layer.size):
            applied.append((whose, "size", layer.size))
            return replace(options, size=layer.size)
    return options


class DefaultsStore:
    """Reads and writes both kinds of defaults, as RequestOptions JSON."""

    def __init__(self, store: Store, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    async def layers(self, guild_id: int, member_id: int) -> list[tuple[Whose, RequestOptions]]:
        """The member's defaults, then the server's (those set), in one read."""
        rows = await self._store.fetch(
            """SELECT 0 AS rank, options FROM member_defaults
                   WHERE guild_id = :guild AND member_id = :member
               UNION ALL
               SELECT 1 AS rank, options FROM guild_defaults WHERE guild_id = :guild
               ORDER BY rank""",
            {"guild": guild_id, "member": member_id},
        )
        names: tuple[Whose, Whose] = ("member", "server")
        return [(names[row[0]], RequestOptions.from_json(row[1])) for row in rows]

    async def member(self, guild_id: int, member_id: int) -> RequestOptions | None:
        rows = await self._store.fetch(
            "SELECT options FROM member_defaults WHERE guild_id = ? AND member_id = ?",
            (guild_id, member_id),
        )
        return RequestOptions.from_json(rows[0][0]) if rows else None

    async def server(self, guild_id: int) -> RequestOptions | None:
        rows = await self._store.fetch(
            "SELECT options FROM guild_defaults WHERE guild_id = ?", (guild_id,)
        )
        return RequestOptions.from_json(rows[0][0]) if rows else None

    async def set_member(self, guild_id: int, member_id: int, options: RequestOptions) -> None:
        await self._store.execute(
            """INSERT INTO member_defaults (guild_id, member_id, options, updated_at)
                   VALUES (?, ?, ?, ?)
               ON CONFLICT (guild_id, member_id) DO UPDATE SET
                   options = excluded.options, updated_at = excluded.updated_at""",
            (guild_id, member_id, options.to_json(), timestamp(self._clock())),
        )

    async def set_server(self, guild_id: int, options: RequestOptions, actor_id: int) -> None:
        await self._store.execute(
            """INSERT INTO guild_defaults (guild_id, options, updated_at, updated_by)
                   VALUES (?, ?, ?, ?)
               ON CONFLICT (guild_id) DO UPDATE SET options = excluded.options,
                   updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
            (guild_id, options.to_json(), timestamp(self._clock()), actor_id),
        )

    async def clear_member(self, guild_id: int, member_id: int) -> bool:
        return bool(
            await self._store.execute(
                "DELETE FROM member_defaults WHERE guild_id = ? AND member_id = ?",
                (guild_id, member_id),
            )
        )

    async def clear_server(self, guild_id: int) -> bool:
        return bool(
            await self._store.execute("DELETE FROM guild_defaults WHERE guild_id = ?", (guild_id,))
        )

    async def purge_guild(self, guild_id: int) -> None:
        """Forget a guild the bot left, its members' defaults too."""
        await self.clear_server(guild_id)
        await self._store.execute("DELETE FROM member_defaults WHERE guild_id = ?", (guild_id,))


def merged(old: RequestOptions | None, new: RequestOptions) -> RequestOptions:
    """A default changed by the options given now; those left out stay. A new model drops
    the old shape, quality and style, which belonged to the old model."""
    if old is None:
        return new
    if new.model is not None and new.model != old.model:
        return new
    size, aspect = (new.size, new.aspect) if new.size or new.aspect else (old.size, old.aspect)
    return RequestOptions(
        new.model or old.model,
        size,
        aspect,
        new.quality or old.quality,
        1,
        {**old.extra, **new.extra},
    )
