"""When a guild's rules change, the requests waiting in its line are judged again.

A moderator who pauses a member, disables a model or takes a channel off the list means it to
hold at once, for requests already waiting too: those leave the line, are refunded (as every
ticket that leaves the line is) and their members are told which rule now refuses them. The
cooldown is not judged again: a waiting request started it. Running requests are left alone:
the gateway is at work and their cost is incurred.

The line is per process and holds only the guilds of the process's shards, and a guild's admin
commands (and its strikes) arrive at the process holding its shard: one local pass is complete.
"""

from __future__ import annotations

from bot.generation import GenerationService, Reserved
from bot.policy import PolicyService, Refusal


async def enforce_on_line(
    policy: PolicyService, generation: GenerationService, guild_id: int
) -> int:
    """Take out of the guild's line what its rules now refuse; returns how many requests."""
    rules = await policy.policy(guild_id)

    def judge(request: Reserved) -> Refusal | None:
        asker, plan = request.who.asker, request.plan
        if asker is None:  # not asked through Discord: no facts to judge it by
            return None
        return policy.standing_refusal(rules, asker, plan.model.id, plan.prompt)

    return generation.expel(guild_id, judge)
