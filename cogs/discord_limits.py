"""Discord's size limits on a message, and the one place that fits embeds and lists to them.

Discord refuses a whole message (HTTP 400, code 50035) when a single embed text is one character
too long, and that post is lost. So every embed the bot sends is built by `fitted_embed`: a list
keeps whole items and counts the rest ("…and N more"), other text is cut with an ellipsis, and
the embed as a whole stays within Discord's 6000 characters. Limits as documented at
https://discord.com/developers/docs/resources/message#embed-object-embed-limits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import discord

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
MAX_FIELDS = 25
EMBED_TOTAL = 6000  # title, description, field names and values, footer and author together
MAX_LISTED = 15  # items a list shows at most, however much room it has
SHORTEST = 40  # the total is met by cutting the longest texts, none below this (or its length)


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters; a cut text ends with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Listing:
    """Items shown whole, at most `most` of them and only as many as the room allows; the
    rest are counted, never cut in half (a half mention is noise)."""

    items: Sequence[str]
    more: Callable[[int], str]  # how the hidden rest is counted, in the reader's language
    empty: str  # what an empty list says, in the reader's language (never "": Discord refuses)
    separator: str = "\n"
    most: int = MAX_LISTED

    def fit(self, limit: int) -> str:
        if not self.items:
            return truncate(self.empty, limit)
        shown = min(len(self.items), self.most)
        while shown and len(self._text(shown)) > limit:
            shown -= 1
        return truncate(self._text(shown), limit)

    def _text(self, shown: int) -> str:
        parts = list(self.items[:shown])
        if hidden := len(self.items) - shown:
            parts.append(self.more(hidden))
        return self.separator.join(parts)


Text = str | Listing


def fit(text: Text, limit: int) -> str:
    return text.fit(limit) if isinstance(text, Listing) else truncate(text, limit)


@dataclass(frozen=True)
class Field:
    name: str
    value: Text
    inline: bool = True


@dataclass(frozen=True)
class Author:
    name: str
    icon_url: str | None = None


def fitted_embed(
    *,
    colour: discord.Colour,
    title: str | None = None,
    description: Text | None = None,
    fields: Sequence[Field] = (),
    footer: str | None = None,
    author: Author | None = None,
) -> discord.Embed:
    """An embed Discord accepts whatever the texts' lengths: each text within its own limit,
    then the longest ones shortened until the whole fits `EMBED_TOTAL`."""
    fields = fields[:MAX_FIELDS]
    texts: list[tuple[Text, int]] = [
        (title or "", TITLE_LIMIT),
        (description or "", DESCRIPTION_LIMIT),
        (footer or "", FOOTER_LIMIT),
        (author.name if author else "", AUTHOR_LIMIT),
    ]
    for item in fields:
        texts += [(item.name, FIELD_NAME_LIMIT), (item.value, FIELD_VALUE_LIMIT)]
    shown = [fit(text, limit) for text, limit in texts]
    excess = sum(map(len, shown)) - EMBED_TOTAL
    for index in sorted(range(len(shown)), key=lambda i: -len(shown[i])):
        if excess <= 0:
            break
        before = len(shown[index])
        shown[index] = fit(texts[index][0], max(min(SHORTEST, before), before - excess))
        excess -= before - len(shown[index])
    title_text, description_text, footer_text, author_name, *field_texts = shown
    embed = discord.Embed(
        colour=colour, title=title_text or None, description=description_text or None
    )
    for item, name, value in zip(fields, field_texts[::2], field_texts[1::2], strict=True):
        embed.add_field(name=name, value=value, inline=item.inline)
    if footer_text:
        embed.set_footer(text=footer_text)
    if author is not None:
        embed.set_author(name=author_name, icon_url=author.icon_url)
    return embed
