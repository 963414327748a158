-- A member's history: where each delivered result was posted, what a member erased, and the
-- requests a rule refused before any credit was reserved.
-- Shipped: never edit this file; add a later migration instead.

-- The result message (its channel is channel_id), kept for the jump link in /imagine-history;
-- NULL until delivered, and again once the result is deleted or the member erased it.
ALTER TABLE ledger ADD COLUMN message_id INTEGER;
-- 1: the member erased their history (/imagine-forget); the row stays for the accounts
-- (credits, time, model), without its prompt or message, and leaves the member's history.
ALTER TABLE ledger ADD COLUMN erased INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1));
CREATE INDEX ledger_member ON ledger (guild_id, member_id, created_at);
CREATE INDEX ledger_message ON ledger (message_id) WHERE message_id IS NOT NULL;

-- Requests refused before a reservation (a moderation rule, the budget, a full queue), so a
-- member's history says why. They cost nothing: no ledger row. Deleted with the prompts after
-- PROMPT_RETENTION_DAYS, by /imagine-forget, and when the bot leaves the guild.
CREATE TABLE refusals (
    id             INTEGER PRIMARY KEY,
    interaction_id INTEGER NOT NULL UNIQUE,
    guild_id       INTEGER NOT NULL,
    member_id      INTEGER NOT NULL,
    channel_id     INTEGER,
    model          TEXT NOT NULL,
    size           TEXT NOT NULL,
    quality        TEXT,
    n              INTEGER NOT NULL CHECK (n >= 1),
    credits        INTEGER NOT NULL CHECK (credits >= 0), -- what it would have cost
    prompt         TEXT NOT NULL,
    rule           TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX refusals_member ON refusals (guild_id, member_id, created_at);
CREATE INDEX refusals_time ON refusals (created_at);
