"""When a guild's rules change, the requests waiting in its line are judged again.

A moderator who pauses a member, disables a model or takes a channel off the list means it to
hold at once, for requests already waiting too: those leave the line, are refunded (as every
ticket that leaves the line is) and their members are told which rule now refuses them. The
cooldown is not judged again: a waiting request started it. Running requests are left alone:
the gateway is at work and their cost is incurred.

A request is judged by the rules when it asks, then awaits pre-moderation and its credits
before it joins the line: a change in between finds nothing to take out, so a request whose
rules changed before it joined is judged again once it has (`refusal_on_joining`), and given
back before it starts: a request with a free slot never waits, so no pass over the line sees it.

The line is per process and holds only the guilds of the process's shards, and a guild's admin
commands (and its strikes) arrive at the process holding its shard: one local pass is complete.
"""

from __future__ import annotations

import logging

from bot.generation import GenerationService, Reserved
from bot.policy import CompiledTerms, GuildPolicy, PolicyService, Refusal
from bot.store import StoreUnavailable

log = logging.getLogger("imagine.rule_changes")


async def enforce_on_line(
    policy: PolicyService, generation: GenerationService, guild_id: int
) -> int:
    """Take out of the guild's line what its rules now refuse; returns how many requests."""
    rules = await policy.policy(guild_id)
    terms = await policy.terms(rules)
    return generation.expel(guild_id, lambda request: _judge(policy, rules, terms, request))


async def refusal_on_joining(
    policy: PolicyService, request: Reserved, judged_by: GuildPolicy
) -> Refusal | None:
    """What the guild's rules now refuse in a request judged by `judged_by` that has just joined
    the line (a change replaces the cached rules; None when none came in between, or when the
    database cannot give the new ones: the request holds credits and a place, and passed)."""
    try:
        rules = await policy.policy(request.who.guild_id)
    except StoreUnavailable as error:
        log.warning("could not judge request %s again: %s", request.who.interaction_id, error)
        return None
    if rules is judged_by:
        return None
    return _judge(policy, rules, await policy.terms(rules), request)


def _judge(
    policy: PolicyService, rules: GuildPolicy, terms: CompiledTerms, request: Reserved
) -> Refusal | None:
    asker, plan = request.who.asker, request.plan
    if asker is None:  # not asked through Discord: no facts to judge it by
        return None
    return policy.standing_refusal(rules, terms, asker, plan.model.id, plan.prompt)
