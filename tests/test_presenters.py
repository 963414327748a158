"""The presenters word every kind of core error: a new kind without a sentence fails here."""

from __future__ import annotations

import typing
from datetime import UTC, datetime

import discord
import pytest

from bot.catalog import ModelSpec, RequestOptions, RequestRejected, load_catalog
from bot.defaults import DefaultsUsed
from bot.generation import Refused, ShuttingDown, refusal_rule
from bot.history import PAGE_SIZE, Entry, Page
from bot.images import ImageAPIError
from bot.policy import Paused, Refusal, StrikeOutcome
from bot.queue import QueueFull
from bot.quota import QuotaExceeded
from cogs.discord_limits import DESCRIPTION_LIMIT
from cogs.i18n import words_for
from cogs.presenters import (
    audit_generation_embed,
    defaults_applied,
    history_embed,
    image_failure,
    quoted_term,
    refusal,
    rejection,
    rule_refusal,
    with_strike,
)

T = typing.TypeVar("T")
ENGLISH = words_for("en-US")

# A value for each type a rejection's fields have, so any new kind can be built without code.
_FIELD_SAMPLES: dict[object, object] = {
    str: "x",
    int: 2,
    tuple[str, ...]: ("a", "b"),
    ModelSpec: load_catalog().get("flux/flux-1-pro"),  # has a free-form size range
}


def kinds(base: type[T]) -> list[type[T]]:
    """Every subclass of `base`, however deep."""
    direct = base.__subclasses__()
    return direct + [deeper for sub in direct for deeper in kinds(sub)]


def example(kind: type[RequestRejected]) -> RequestRejected:
    """One rejection of this kind, each field filled in by its type."""
    fields = typing.get_type_hints(kind).items()
    return kind(**{name: _FIELD_SAMPLES[hint] for name, hint in fields})


@pytest.mark.parametrize("kind", kinds(RequestRejected), ids=lambda kind: kind.__name__)
def test_every_kind_of_rejection_has_a_sentence(kind: type[RequestRejected]) -> None:
    assert rejection(ENGLISH, example(kind)).endswith(".")


def test_each_kind_of_rejection_has_its_own_sentence() -> None:
    every = kinds(RequestRejected)
    assert len(every) > 1
    assert len({rejection(ENGLISH, example(kind)) for kind in every}) == len(every)


@pytest.mark.parametrize("kind", kinds(ImageAPIError), ids=lambda kind: kind.__name__)
def test_every_kind_of_image_failure_has_a_sentence(kind: type[ImageAPIError]) -> None:
    assert image_failure(ENGLISH, kind()).endswith(".")


def test_each_kind_of_image_failure_has_its_own_sentence() -> None:
    every = kinds(ImageAPIError)
    assert len(every) > 1
    assert len({image_failure(ENGLISH, kind()) for kind in every}) == len(every)


@pytest.mark.parametrize(
    ("limit", "said"),
    [
        (2, "You already have 2 requests waiting in line, as many as one member may."),
        # MEMBER_QUEUE_LIMIT=0: no member may wait, so "you already have 0 waiting" is false.
        (0, "Requests do not wait in line in this server, and yours could not start now."),
    ],
)
def test_a_member_s_share_of_the_line_is_explained_even_when_it_is_none(
    limit: int, said: str
) -> None:
    assert refusal(ENGLISH, QueueFull(1, limit, "member")).startswith(said)


def test_every_refusal_rule_has_words_in_the_history() -> None:
    refusals: list[Refused] = [
        QuotaExceeded("member", limit=1, remaining=0, cost=1, resets_at=datetime.now(UTC)),
        QuotaExceeded("bot", limit=1, remaining=0, cost=1, resets_at=datetime.now(UTC)),
        QueueFull(1, 1, "guild"),
        QueueFull(1, 1, "member"),
        ShuttingDown(),
    ]
    rules = {kind.rule for kind in kinds(Refusal)} | {refusal_rule(r) for r in refusals}
    unknown = ENGLISH("history-refused-rule", rule="")
    worded = {rule: ENGLISH("history-refused-rule", rule=rule) for rule in rules}
    assert unknown not in worded.values()
    assert len(set(worded.values())) == len(rules)


def test_ten_of_the_longest_entries_fit_one_history_page() -> None:
    entry = Entry(
        interaction_id=1,
        member_id=2**63 - 1,
        created_at=datetime(2099, 12, 31, tzinfo=UTC),
        model="m",
        size="1792x1024",
        quality="standard",
        n=10,
        credits=1_000_000,
        outcome="committed",
        why=None,
        prompt="*_" * 3000,  # escaping doubles it: the cut comes after
        channel_id=2**63 - 1,
        message_id=2**63 - 1,
    )
    page = Page((entry,) * PAGE_SIZE, 99, True)
    description = history_embed(
        ENGLISH, page, 2**63 - 1, False, lambda _: "N" * 500, 2**63 - 1
    ).description
    assert description is not None
    assert len(description) < DESCRIPTION_LIMIT  # whole, not cut
    assert description.count("jump to it") == PAGE_SIZE


def test_audit_numbers_are_written_the_servers_way() -> None:
    """Credits in an audit post read like every other number the server reads (issue 20)."""
    plan = load_catalog().plan_options("a fox", RequestOptions(model="openai/dall-e-3"))
    requester = typing.cast(discord.abc.User, discord.Object(id=5))
    german = words_for("de")
    embed = audit_generation_embed(german, requester, 1, plan, 12345, None)
    fields = {field.name: field.value for field in embed.fields}
    assert fields[german("audit-credits")] == "12.345"
    english = audit_generation_embed(words_for("en-US"), requester, 1, plan, 12345, None)
    assert {f.name: f.value for f in english.fields}["Credits"] == "12,345"


@pytest.mark.parametrize(
    ("code", "quoted"),
    [("en-US", "“owl”"), ("de", "„owl“"), ("es-ES", "«owl»"), ("ja", "「owl」")],
)
def test_a_quoted_term_has_the_readers_quotation_marks(code: str, quoted: str) -> None:
    """As the catalogs quote a term inside a sentence, so a list of terms quotes it."""
    words = words_for(code)
    assert quoted_term(words, "owl") == quoted
    assert quoted in words("rule-blocked-term", term="owl")  # the same marks as the sentence


def test_a_strike_pause_is_told_by_the_catalog_not_by_its_stored_reason() -> None:
    """Pauses by the strike limit before issue 20 stored an English reason ("3 strikes") that a
    German member read inside a German sentence; a moderator's reason is still quoted."""
    german = words_for("de")
    by_strikes = rule_refusal(german, Paused("3 strikes", by_strikes=True), "DALL·E 3")
    assert by_strikes == german("rule-paused-strikes")
    assert "strikes" not in by_strikes
    by_moderator = rule_refusal(german, Paused("spam", by_strikes=False), "DALL·E 3")
    assert "spam" in by_moderator


@pytest.mark.parametrize(("code", "gap"), [("en-US", " "), ("de", " "), ("ja", "")])
def test_sentences_follow_each_other_as_the_language_sets_them(code: str, gap: str) -> None:
    words = words_for(code)
    why, counted = words("rule-flagged"), words("strike-counted-of", count=3, limit=3)
    said = with_strike(words, why, StrikeOutcome(3, 3, paused=True))
    assert said == gap.join((why, counted, words("strike-paused")))
    assert with_strike(words, why, None) == why  # an uncounted strike adds nothing


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("en-US", "yours: Aspect, Style, and Output format; the server's: Model"),
        ("de", "deine: Seitenverhältnis, Stil und Ausgabeformat; die des Servers: Modell"),
        ("ja", "あなたの既定値：アスペクト比、スタイル、出力形式／サーバーの既定値：モデル"),
    ],
)
def test_the_defaults_a_result_used_are_named_in_the_servers_language(code: str, said: str) -> None:
    """The options are named as the result's own fields name them and listed as the language
    lists words; "output format" in English had been all a Japanese server read."""
    used = DefaultsUsed(
        applied=(
            ("member", "aspect", "portrait"),
            ("member", "style", "natural"),
            ("member", "output_format", "webp"),
            ("server", "model", "openai/dall-e-3"),
        )
    )
    assert defaults_applied(words_for(code), used) == said
