"""The moderation rules on a real SQLite store, without Discord: order, lists, strikes, budgets."""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import timedelta

import pytest

import bot.terms
from bot.clock import FakeClock
from bot.metrics import Metrics
from bot.moderation_api import ModerationClient
from bot.policy import (
    MAX_BLOCKED_TERMS,
    Asker,
    BlockedTerm,
    ChannelNotAllowed,
    CoolingDown,
    Flagged,
    InvalidSetting,
    ModelDisabled,
    ModerationDown,
    NsfwOnly,
    Paused,
    PolicyDefaults,
    PolicyService,
    Refusal,
    RoleNotAllowed,
    StrikeOutcome,
)
from bot.quota import QuotaDefaults, QuotaService
from bot.store import Store
from bot.terms import InvalidTerm
from tests.conftest import API_KEY
from tests.test_metrics import refusal_counts

GUILD, MEMBER, ADMIN, CHANNEL, OTHER_CHANNEL, THREAD = 1, 2, 3, 10, 11, 12
ROLE_A, ROLE_B, ROLE_C = 20, 21, 22
MODEL = "openai/dall-e-3"
ASKER = Asker(GUILD, MEMBER, frozenset(), CHANNEL, None, False, False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def metrics() -> Metrics:
    return Metrics()


@pytest.fixture
def make(store: Store, clock: FakeClock, metrics: Metrics):
    quota = QuotaService(store, QuotaDefaults(100, 25, "day"), clock=clock)

    def factory(**options) -> PolicyService:
        options.setdefault("builtin_terms", ("gore", "nude*"))
        return PolicyService(
            store, quota, PolicyDefaults(0, 3), clock=clock, metrics=metrics, **options
        )

    return factory


@pytest.fixture
def policy(make) -> PolicyService:
    return make()


async def test_a_new_guild_allows_everything_but_builtin_terms(policy) -> None:
    assert await policy.check(ASKER, MODEL, "a red fox") is None
    assert await policy.check(ASKER, MODEL, "so much gore") == BlockedTerm("gore", builtin=True)
    # Age-restricted channels are exempt from the built-in list, not from the admins' terms.
    nsfw = replace(ASKER, age_restricted=True)
    assert await policy.check(nsfw, MODEL, "so much gore") is None
    await policy.add_entry(GUILD, "term", "fox")
    assert await policy.check(nsfw, MODEL, "a red F0X") == BlockedTerm("F0X", builtin=False)
    await policy.update(GUILD, builtin_terms=False, actor_id=ADMIN)
    assert await policy.check(ASKER, MODEL, "so much gore") is None


async def test_rules_apply_in_order(policy) -> None:
    """paused → channel → role → NSFW-only → model → blocked terms → cooldown."""
    await policy.update(GUILD, nsfw_only=True, cooldown_seconds=60, actor_id=ADMIN)
    await policy.add_entry(GUILD, "channel", OTHER_CHANNEL)
    await policy.add_entry(GUILD, "role", ROLE_A)
    await policy.add_entry(GUILD, "disabled_model", MODEL)
    await policy.add_entry(GUILD, "term", "fox")
    policy.accepted(GUILD, MEMBER)
    await policy.pause(GUILD, MEMBER, "spam", ADMIN)
    asker, prompt = ASKER, "a fox"
    expected = [
        Paused("spam", by_strikes=False),
        ChannelNotAllowed((OTHER_CHANNEL,)),
        RoleNotAllowed((ROLE_A,)),
        NsfwOnly(),
        ModelDisabled(MODEL),
        BlockedTerm("fox", builtin=False),
    ]
    fixes = [
        lambda: policy.unpause(GUILD, MEMBER),
        lambda: policy.remove_entry(GUILD, "channel", OTHER_CHANNEL),
        lambda: policy.remove_entry(GUILD, "role", ROLE_A),
        lambda: policy.update(GUILD, nsfw_only=False, actor_id=ADMIN),
        lambda: policy.remove_entry(GUILD, "disabled_model", MODEL),
        lambda: policy.remove_entry(GUILD, "term", "FOX"),
    ]
    for refusal, fix in zip(expected, fixes, strict=True):
        assert await policy.check(asker, MODEL, prompt) == refusal
        await fix()
    refusal = await policy.check(asker, MODEL, prompt)
    assert isinstance(refusal, CoolingDown)


async def test_a_term_stored_with_underscores_can_be_removed(make, store) -> None:
    """Terms stored while `_` was a letter stay in the table, and still block their words."""
    await store.execute(
        "INSERT INTO moderation_entries (guild_id, kind, value) VALUES (?, ?, ?)",
        (GUILD, "term", "blood_bath"),
    )
    policy = make()
    assert await policy.check(ASKER, MODEL, "a blood bath") == BlockedTerm("blood bath", False)
    assert await policy.remove_entry(GUILD, "term", "blood_bath")
    assert await policy.check(ASKER, MODEL, "a blood bath") is None


async def test_an_admins_text_with_a_lone_surrogate_is_stored_without_it(policy) -> None:
    """Discord's JSON may carry a lone `\\udXXX`; no database encodes it, so it is dropped."""
    assert await policy.add_entry(GUILD, "term", "tomato\udcff")
    assert await policy.check(ASKER, MODEL, "some tomato") == BlockedTerm("tomato", False)
    assert await policy.remove_entry(GUILD, "term", "tomato\udcff")
    assert await policy.check(ASKER, MODEL, "some tomato") is None
    assert await policy.pause(GUILD, ASKER.member_id, "spam\udcff", actor_id=1)
    assert (await policy.policy(GUILD)).paused[ASKER.member_id].reason == "spam"


async def test_a_thread_follows_its_parent_channel(policy) -> None:
    await policy.add_entry(GUILD, "channel", CHANNEL)
    in_thread = replace(ASKER, channel_id=THREAD, parent_id=CHANNEL)
    elsewhere = replace(ASKER, channel_id=THREAD, parent_id=OTHER_CHANNEL)
    assert await policy.check(in_thread, MODEL, "a fox") is None
    assert await policy.check(elsewhere, MODEL, "a fox") == ChannelNotAllowed((CHANNEL,))


async def test_any_listed_role_lets_a_member_in(policy) -> None:
    await policy.add_entry(GUILD, "role", ROLE_A)
    await policy.add_entry(GUILD, "role", ROLE_B)
    with_b = replace(ASKER, role_ids=frozenset({ROLE_B, ROLE_C}))
    assert await policy.check(with_b, MODEL, "a fox") is None
    with_c = replace(ASKER, role_ids=frozenset({ROLE_C}))
    assert await policy.check(with_c, MODEL, "a fox") == RoleNotAllowed((ROLE_A, ROLE_B))


async def test_cooldown_counts_from_the_last_accepted_request(policy, clock) -> None:
    await policy.update(GUILD, cooldown_seconds=30, actor_id=ADMIN)
    assert await policy.check(ASKER, MODEL, "a fox") is None  # nothing accepted yet
    policy.accepted(GUILD, MEMBER)
    clock.advance(seconds=10)
    refusal = await policy.check(ASKER, MODEL, "a fox")
    assert refusal == CoolingDown(clock() + timedelta(seconds=20))
    assert await policy.check(replace(ASKER, manages_guild=True), MODEL, "a fox") is None
    clock.advance(seconds=20)
    assert await policy.check(ASKER, MODEL, "a fox") is None


async def test_role_budgets_take_the_largest_of_the_members_roles(policy) -> None:
    await policy.set_role_budget(GUILD, ROLE_A, 50)
    await policy.set_role_budget(GUILD, ROLE_B, 80)
    assert await policy.member_credits(GUILD, [ROLE_A, ROLE_B, ROLE_C]) == 80
    assert await policy.member_credits(GUILD, [ROLE_A]) == 50
    assert await policy.member_credits(GUILD, [ROLE_C]) is None  # the member default
    await policy.set_role_budget(GUILD, ROLE_B, None)
    assert await policy.member_credits(GUILD, [ROLE_A, ROLE_B]) == 50
    with pytest.raises(InvalidSetting) as raised:
        await policy.set_role_budget(GUILD, ROLE_A, 0)
    assert raised.value.field == "role_credits"


async def test_strikes_pause_at_the_limit_and_unpause_forgives(policy) -> None:
    await policy.update(GUILD, strike_limit=2, actor_id=ADMIN)
    assert await policy.add_strike(GUILD, MEMBER, "safety") == StrikeOutcome(1, 2, False)
    assert await policy.check(ASKER, MODEL, "a fox") is None
    assert await policy.add_strike(GUILD, MEMBER, "safety") == StrikeOutcome(2, 2, True)
    assert await policy.check(ASKER, MODEL, "a fox") == Paused(None, by_strikes=True)
    assert await policy.unpause(GUILD, MEMBER)
    assert not await policy.unpause(GUILD, MEMBER)
    assert await policy.check(ASKER, MODEL, "a fox") is None
    assert await policy.add_strike(GUILD, MEMBER, "safety") == StrikeOutcome(1, 2, False)


async def test_strikes_at_the_same_moment_still_reach_the_limit(make) -> None:
    """Two processes (here, two services) count a member's strikes at once: one pauses them."""
    first, second = make(), make()
    await first.update(GUILD, strike_limit=2, actor_id=ADMIN)
    outcomes = await asyncio.gather(
        first.add_strike(GUILD, MEMBER, "safety"), second.add_strike(GUILD, MEMBER, "safety")
    )
    assert sorted(o.count for o in outcomes) == [1, 2]
    assert [o.paused for o in outcomes].count(True) == 1
    assert await make().check(ASKER, MODEL, "a fox") == Paused(None, by_strikes=True)


async def test_strikes_count_per_quota_period_and_limit_0_never_pauses(policy, clock) -> None:
    await policy.add_strike(GUILD, MEMBER, "safety")
    await policy.add_strike(GUILD, MEMBER, "safety")
    clock.advance(days=1)
    assert (await policy.add_strike(GUILD, MEMBER, "safety")).count == 1
    await policy.update(GUILD, strike_limit=0, actor_id=ADMIN)
    for _ in range(5):
        assert not (await policy.add_strike(GUILD, MEMBER, "safety")).paused


async def test_the_policy_survives_a_restart(make, policy) -> None:
    await policy.add_entry(GUILD, "term", "fox")
    await policy.pause(GUILD, MEMBER, None, ADMIN)
    fresh = make()
    assert await fresh.check(ASKER, MODEL, "a fox") == Paused(None, by_strikes=False)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({}, None),
        ({"cooldown_seconds": 86_401}, "cooldown_seconds"),
        ({"strike_limit": -1}, "strike_limit"),
    ],
)
async def test_update_checks_its_values(policy, changes, field) -> None:
    with pytest.raises(InvalidSetting) as raised:
        await policy.update(GUILD, actor_id=ADMIN, **changes)
    assert raised.value.field == field
    assert await policy.policy(GUILD) == await policy.policy(GUILD + 1)  # nothing changed


# -- pre-moderation --------------------------------------------------------------------------


@pytest.fixture
async def moderation(gateway) -> AsyncIterator[ModerationClient]:
    client = ModerationClient(gateway.base_url, API_KEY, "omni-moderation-latest", timeout=10)
    yield client
    await client.close()


async def test_pre_moderation_runs_only_after_the_other_rules(make, moderation, gateway) -> None:
    policy = make(moderation=moderation)
    gateway.flagged_words = {"fox": "violence"}
    await policy.add_entry(GUILD, "term", "red")
    assert await policy.check(ASKER, MODEL, "a red fox") == BlockedTerm("red", builtin=False)
    assert gateway.moderations == []
    assert await policy.check(ASKER, MODEL, "a blue cat") is None
    refusal = await policy.check(ASKER, MODEL, "a blue fox")
    assert refusal == Flagged(("violence",), StrikeOutcome(1, 3, False))
    assert len(gateway.moderations) == 2


async def test_pre_moderation_failing_closed_and_open(make, moderation, gateway) -> None:
    gateway.fail_moderation("server_error", times=2)
    assert await make(moderation=moderation).check(ASKER, MODEL, "a fox") == ModerationDown()
    open_policy = make(moderation=moderation, moderation_fail_open=True)
    assert await open_policy.check(ASKER, MODEL, "a fox") is None


async def test_each_refusal_is_counted_under_its_rule(make, metrics, moderation, gateway) -> None:
    """One guild per rule, so no rule hides another; a request let through counts nothing."""
    policy = make(moderation=moderation)
    gateway.flagged_words = {"wolf": "violence"}
    await policy.pause(1, MEMBER, None, ADMIN)
    await policy.add_entry(2, "channel", OTHER_CHANNEL)
    await policy.add_entry(3, "role", ROLE_A)
    await policy.update(4, nsfw_only=True, actor_id=ADMIN)
    await policy.add_entry(5, "disabled_model", MODEL)
    await policy.add_entry(6, "term", "fox")
    await policy.update(7, cooldown_seconds=60, actor_id=ADMIN)
    policy.accepted(7, MEMBER)
    for guild in range(1, 8):
        await policy.check(replace(ASKER, guild_id=guild), MODEL, "a fox")
    await policy.check(replace(ASKER, guild_id=8), MODEL, "a grey wolf")
    gateway.fail_moderation("server_error")
    await policy.check(replace(ASKER, guild_id=9), MODEL, "a fox")
    assert await policy.check(replace(ASKER, guild_id=10), MODEL, "a fox") is None

    rules = [
        "paused",
        "channel",
        "role",
        "nsfw_only",
        "model",
        "blocked_term",
        "cooldown",
        "pre_moderation",
        "pre_moderation_unavailable",
    ]
    assert refusal_counts(metrics) == dict.fromkeys(rules, 1)
    assert set(rules) == {kind.rule for kind in Refusal.__subclasses__()}  # every kind is here


async def test_purge_guild_forgets_everything(make, policy) -> None:
    await policy.update(GUILD, strike_limit=1, actor_id=ADMIN)
    await policy.add_entry(GUILD, "term", "fox")
    await policy.set_role_budget(GUILD, ROLE_A, 10)
    await policy.add_strike(GUILD, MEMBER, "safety")  # pauses at 1
    await policy.purge_guild(GUILD)
    fresh = await make().policy(GUILD)
    assert fresh.blocked_terms == ()
    assert fresh.role_budgets == {}
    assert fresh.paused == {}
    assert fresh.strike_limit == 3
    assert (await policy.add_strike(GUILD, MEMBER, "safety")).count == 1


async def test_cooldowns_long_past_are_forgotten(policy, clock, monkeypatch) -> None:
    monkeypatch.setattr("bot.policy.PRUNE_COOLDOWNS_AT", 2)
    await policy.update(GUILD, cooldown_seconds=60, actor_id=ADMIN)
    policy._prune_at = 2
    policy.accepted(GUILD, 100)
    policy.accepted(GUILD, 101)
    clock.advance(days=2)
    policy.accepted(GUILD, MEMBER)  # the third: the two from two days ago go
    assert set(policy._last_accepted) == {(GUILD, MEMBER)}
    assert isinstance(await policy.check(ASKER, MODEL, "a fox"), CoolingDown)


# -- blocked terms: compiled off the event loop, and capped -------------------------------------


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The chunks compiled from here on, starting from an empty cache (a restarted bot)."""
    compiled: list[tuple[str, ...]] = []
    chunk = bot.terms._Chunk

    def counting(terms: tuple[str, ...]) -> bot.terms._Chunk:
        compiled.append(terms)
        return chunk(terms)

    monkeypatch.setattr(bot.terms, "_CACHE", bot.terms._Cache())
    monkeypatch.setattr(bot.terms, "_Chunk", counting)
    return compiled


def _costly_terms(count: int) -> list[str]:
    """Terms of the costliest kind to compile: 100 letters that all have digit stand-ins."""
    rng = random.Random(15)
    return ["".join(rng.choice("aeilost") for _ in range(100)) for _ in range(count)]


async def test_a_list_compiles_in_a_worker_while_the_loop_runs_on(
    policy, monkeypatch, compiles
) -> None:
    """A worst-case list takes about a second to compile: on the event loop, that second would
    be every server's. Each chunk's compile waits for the loop to beat once, which it could
    never do if it ran on the loop itself."""
    beat = threading.Event()
    seen: list[tuple[int, bool]] = []
    counting: Callable[[tuple[str, ...]], bot.terms._Chunk] = bot.terms._Chunk

    def compiling(terms: tuple[str, ...]) -> bot.terms._Chunk:
        beat.clear()
        seen.append((threading.get_ident(), beat.wait(timeout=2)))
        return counting(terms)

    monkeypatch.setattr(bot.terms, "_Chunk", compiling)

    async def heartbeat() -> None:
        while True:
            beat.set()
            await asyncio.sleep(0.001)

    terms = _costly_terms(6)
    beating = asyncio.create_task(heartbeat())
    try:
        for term in terms:
            await policy.add_entry(GUILD, "term", term)
        refusal = await policy.check(ASKER, MODEL, f"a {terms[-1]}!")
    finally:
        beating.cancel()
    assert refusal == BlockedTerm(terms[-1], builtin=False)
    assert len(seen) == len(compiles) > len(terms)  # every term, and the built-in list
    loop = threading.get_ident()
    assert [(thread != loop, beaten) for thread, beaten in seen] == [(True, True)] * len(seen)


async def test_checks_waiting_for_one_list_share_its_compile(
    make, policy, monkeypatch, compiles
) -> None:
    """Ten members asking at once after a restart: the list is compiled once, not ten times."""
    await policy.add_entry(GUILD, "term", "shared")
    restarted = make()
    monkeypatch.setattr(bot.terms, "_CACHE", bot.terms._Cache())  # nothing compiled
    lists: list[tuple[str, ...]] = []
    compile = bot.terms._CACHE.compile

    def compiling(terms: tuple[str, ...]) -> bot.terms.Matcher:
        lists.append(terms)
        return compile(terms)

    monkeypatch.setattr(bot.terms._CACHE, "compile", compiling)
    askers = [replace(ASKER, member_id=member) for member in range(100, 110)]
    refusals = await asyncio.gather(*(restarted.check(a, MODEL, "shared") for a in askers))
    assert refusals == [BlockedTerm("shared", builtin=False)] * len(askers)
    assert sorted(lists) == [("gore", "nude*"), ("shared",)]  # once each


async def test_a_changed_list_is_compiled_before_a_member_asks(policy, compiles) -> None:
    """The admin's command waits for the compile, so the members' checks do not."""
    await policy.add_entry(GUILD, "term", "ahead")
    assert bot.terms._CACHE.get(("ahead",)) is not None
    await policy.add_entry(GUILD, "term", "of time")
    assert bot.terms._CACHE.get(("ahead", "of time")) is not None
    await policy.remove_entry(GUILD, "term", "ahead")
    assert bot.terms._CACHE.get(("of time",)) is not None
    assert await policy.check(ASKER, MODEL, "well ahead") is None
    assert await policy.check(ASKER, MODEL, "of time") == BlockedTerm("of time", builtin=False)


async def test_a_guild_has_at_most_so_many_terms(policy) -> None:
    """Each term costs compile time and memory that every server shares."""
    full = tuple(sorted(f"capped{n:03}" for n in range(MAX_BLOCKED_TERMS - 1)))
    for term in full:
        await policy.add_entry(GUILD, "term", term)
    # Admins taking the last place at once (on connections of their own): one of them gets it.
    await asyncio.gather(*(policy.policy(guild) for guild in range(100, 110)))
    added = await asyncio.gather(
        *(policy.add_entry(GUILD, "term", f"last {n}") for n in range(5)),
        return_exceptions=True,
    )
    assert added.count(True) == 1
    assert [e.reason for e in added if isinstance(e, InvalidTerm)] == ["too_many"] * 4
    terms = (await policy.policy(GUILD)).blocked_terms
    assert len(terms) == MAX_BLOCKED_TERMS
    with pytest.raises(InvalidTerm):
        await policy.add_entry(GUILD, "term", "more")
    assert await policy.check(ASKER, MODEL, "more") is None
    assert await policy.add_entry(GUILD, "term", "capped000") is False  # there: nothing to add
    assert await policy.add_entry(GUILD + 1, "term", "more") is True  # the cap is per guild
