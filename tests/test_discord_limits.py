"""Every embed the bot builds fits Discord's limits, whatever the lengths of what it shows.

Checked with the fake Discord's own limit checks (tests/fakes/discord/limits.py), which answer
400 50035 where Discord would.
"""

from __future__ import annotations

import discord
import pytest

from bot.policy import RoleNotAllowed
from cogs.discord_limits import (
    EMBED_TOTAL,
    FIELD_VALUE_LIMIT,
    MAX_LISTED,
    Author,
    Field,
    Listing,
    fitted_embed,
)
from cogs.i18n import words_for
from cogs.presenters import audit_refusal_embed, audit_strike_embed, error_text, rule_refusal
from tests.fakes.discord.limits import check_message

COLOUR = discord.Colour.blurple()
ENGLISH = words_for("en-US")


def MORE(hidden: int) -> str:  # what presenters pass: the catalog's words
    return ENGLISH("listing-more", count=hidden)


ROLE = 1_400_000_000_000_000_100


MEMBER = discord.Object(1_500_000_000_000_000_001)  # all the audit embeds read of a member


def accepted(embed: discord.Embed) -> None:
    """Raises as Discord would refuse the message; the fake's check counts as Discord does."""
    check_message({"embeds": [embed.to_dict()]}, [], 0)
    assert len(embed) <= EMBED_TOTAL  # discord.py's count agrees


def test_a_list_shows_whole_items_and_counts_the_rest() -> None:
    items = [f"item {i:02} " + "x" * 90 for i in range(20)]
    text = Listing(items, MORE, "none").fit(FIELD_VALUE_LIMIT)
    *shown, more = text.split("\n")
    assert len(text) <= FIELD_VALUE_LIMIT
    assert shown == items[: len(shown)]  # whole items, in order
    assert more == f"…and {20 - len(shown)} more"
    assert len("\n".join([*items[: len(shown) + 1], more])) > FIELD_VALUE_LIMIT  # no room left


def test_a_list_shows_at_most_fifteen_and_says_when_it_is_empty() -> None:
    items = [f"<@&{i}>" for i in range(40)]
    text = Listing(items, MORE, "none", separator=", ").fit(FIELD_VALUE_LIMIT)
    assert text == ", ".join([*items[:MAX_LISTED], "…and 25 more"])
    assert Listing(items[:3], MORE, "none").fit(100) == "\n".join(items[:3])
    assert Listing([], MORE, empty="everyone").fit(100) == "everyone"
    assert Listing(["x" * 50] * 3, MORE, "none").fit(20) == "…and 3 more"


@pytest.mark.parametrize("size", [300, 1_100, 5_000])
def test_any_lengths_fit_every_limit_and_the_total(size: int) -> None:
    long = "y" * size
    embed = fitted_embed(
        colour=COLOUR,
        title=long,
        description=long,
        fields=[
            Field(long, Listing([long[:200]] * 30, MORE, "none") if i % 2 else long)
            for i in range(30)
        ],
        footer=long,
        author=Author(long),
    )
    accepted(embed)
    assert len(embed.fields) == 25
    assert str(embed.description).endswith("…")
    lists = [str(f.value) for f in embed.fields[1::2]]
    assert all(v.rsplit("\n", 1)[-1].startswith("…and ") for v in lists)


def test_short_texts_are_left_as_they_are() -> None:
    embed = fitted_embed(
        colour=COLOUR,
        title="t",
        description="d",
        fields=[Field("n", "v", inline=False)],
        footer="f",
        author=Author("a", "https://example.invalid/a.png"),
    )
    shown = embed.to_dict()
    assert {k: shown[k] for k in ("title", "description", "fields", "footer", "author")} == {
        "title": "t",
        "description": "d",
        "fields": [{"name": "n", "value": "v", "inline": False}],
        "footer": {"text": "f"},
        "author": {"name": "a", "icon_url": "https://example.invalid/a.png"},
    }


def test_a_refusal_naming_many_roles_fits_the_note_and_the_audit_post() -> None:
    refusal = RoleNotAllowed(tuple(range(ROLE, ROLE + 45)))
    note = rule_refusal(ENGLISH, refusal, "DALL·E 3")
    assert note.endswith(", …and 30 more.")
    assert note.count("<@&") == MAX_LISTED
    check_message({"content": error_text(note)}, [], 0)
    prompt = "z" * 6_000
    embed = audit_refusal_embed(ENGLISH, MEMBER, 1, prompt, refusal, "DALL·E 3")  # type: ignore[arg-type]
    accepted(embed)
    assert {f.name: f.value for f in embed.fields}["Why"] == note
    accepted(audit_strike_embed(ENGLISH, MEMBER, 1, prompt, "w" * 3_000, None))  # type: ignore[arg-type]
