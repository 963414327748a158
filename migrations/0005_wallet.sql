-- The operator's wallet: what the whole bot spends per UTC day, and the operator's word on each
-- guild (approved or not, a ceiling above the default, its name when the bot last saw it).
-- Shipped: never edit this file; add a later migration instead.
--
-- Invariant, kept by bot/quota.py in the same transaction as every ledger change:
--   bot_usage.credits = SUM(ledger.credits) over the rows created on that day
--                       (SUBSTR(created_at, 1, 10)), forgiven or not,
-- plus the rows of guilds purged since. An admin's reset forgives a guild's use, not the
-- operator's bill, and a guild that leaves does not take back what it spent.
CREATE TABLE bot_usage (
    day     TEXT PRIMARY KEY,    -- 'YYYY-MM-DD'
    credits INTEGER NOT NULL CHECK (credits >= 0)
);

INSERT INTO bot_usage (day, credits)
SELECT SUBSTR(created_at, 1, 10), SUM(credits) FROM ledger GROUP BY SUBSTR(created_at, 1, 10);

-- Set by the operator (python -m bot guilds …), never by a guild's admins; kept when the bot
-- leaves a guild, so an approval or a grant survives the bot being re-invited.
CREATE TABLE guild_access (
    guild_id    INTEGER PRIMARY KEY,
    name        TEXT,                 -- as the bot last saw it; NULL: not known yet
    approved    INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1)),
    credits_max INTEGER CHECK (credits_max BETWEEN 0 AND 1000000), -- NULL: QUOTA_GUILD_CREDITS_MAX
    updated_at  TEXT NOT NULL
);
