"""Defaults in the core: stored on both databases, and resolved option by option."""

from __future__ import annotations

import pytest

from bot.catalog import RequestOptions, load_catalog
from bot.defaults import DefaultsStore, DefaultsUsed, Whose, merged, resolve

GUILD, OTHER_GUILD, MEMBER, ADMIN = 10**18 + 1, 10**18 + 2, 10**18 + 3, 10**18 + 4
CATALOG = load_catalog()


async def test_both_kinds_are_kept_read_in_order_and_purged(store) -> None:
    defaults = DefaultsStore(store)
    assert await defaults.layers(GUILD, MEMBER) == []
    server = RequestOptions(model="openai/gpt-image-1", quality="high")
    mine = RequestOptions(aspect="portrait", extra={"style": "natural"})
    await defaults.set_server(GUILD, server, ADMIN)
    await defaults.set_member(GUILD, MEMBER, mine)
    await defaults.set_member(OTHER_GUILD, MEMBER, server)
    assert await defaults.layers(GUILD, MEMBER) == [("member", mine), ("server", server)]
    assert await defaults.layers(GUILD, ADMIN) == [("server", server)]
    changed = RequestOptions(quality="low")
    await defaults.set_member(GUILD, MEMBER, changed)
    assert await defaults.member(GUILD, MEMBER) == changed
    assert await defaults.clear_member(GUILD, MEMBER)
    assert not await defaults.clear_member(GUILD, MEMBER)
    await defaults.purge_guild(GUILD)
    assert await defaults.server(GUILD) is None
    assert await defaults.member(OTHER_GUILD, MEMBER) == server  # another guild keeps its own


def enabled_all(model_id: str) -> bool:
    return True


@pytest.mark.parametrize(
    ("typed", "layers", "expected"),
    [
        (RequestOptions(), [], RequestOptions()),
        (
            RequestOptions(quality="hd"),
            [("member", RequestOptions(quality="standard"))],
            RequestOptions(quality="hd"),
        ),
        (
            RequestOptions(),
            [
                ("member", RequestOptions(quality="hd")),
                ("server", RequestOptions(quality="standard", extra={"style": "natural"})),
            ],
            RequestOptions(quality="hd", extra={"style": "natural"}),
        ),
        (  # a typed size wins over a default aspect
            RequestOptions(size="1792x1024"),
            [("member", RequestOptions(aspect="portrait"))],
            RequestOptions(size="1792x1024"),
        ),
        (  # a default the model lacks does not apply
            RequestOptions(model="openai/gpt-image-1"),
            [("member", RequestOptions(quality="hd", extra={"style": "vivid"}))],
            RequestOptions(model="openai/gpt-image-1"),
        ),
    ],
)
def test_resolve_takes_each_option_from_the_first_that_has_it(typed, layers, expected) -> None:
    assert resolve(typed, layers, CATALOG, enabled_all).options == expected


def test_a_disabled_default_model_is_skipped_for_the_next() -> None:
    layers: list[tuple[Whose, RequestOptions]] = [
        ("member", RequestOptions(model="flux/flux-1-pro")),
        ("server", RequestOptions(model="openai/gpt-image-1")),
    ]
    resolved = resolve(RequestOptions(), layers, CATALOG, lambda m: m != "flux/flux-1-pro")
    assert resolved.options.model == "openai/gpt-image-1"
    assert resolved.used == DefaultsUsed(
        applied=(("server", "model", "openai/gpt-image-1"),),
        skipped=(("member", "flux/flux-1-pro"),),
    )


def test_merged_keeps_what_was_left_out_and_drops_another_models_options() -> None:
    old = RequestOptions(model="openai/dall-e-3", size="1792x1024", extra={"style": "natural"})
    assert merged(old, RequestOptions(quality="hd")) == RequestOptions(
        "openai/dall-e-3", "1792x1024", None, "hd", 1, {"style": "natural"}
    )
    assert merged(old, RequestOptions(aspect="square")).size is None
    assert merged(old, RequestOptions(model="flux/flux-1-pro")) == RequestOptions(
        model="flux/flux-1-pro"
    )
