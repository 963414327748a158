-- Usage counters: what the ledger's rows add up to, per guild and per member, per UTC day.
-- Shipped: never edit this file; add a newer one instead.
--
-- A budget check sums these instead of the window's ledger rows: at most 31 rows (a month's
-- days) for the guild and 31 for the member, however many requests the window holds. Buckets
-- are UTC days because every window (day, week, month) starts at a UTC midnight: a window is a
-- whole number of days, so changing the period mid-window stays exact.
--
-- Invariant, kept by bot/quota.py in the same transaction as every ledger change:
--   credits = SUM(ledger.credits) over the rows of that guild (and member, for scope 'member')
--             created on that day (SUBSTR(created_at, 1, 10)) and not forgiven.
-- scope 'guild' rows hold the guild's total and have member_id 0.
CREATE TABLE usage_counters (
    guild_id  INTEGER NOT NULL,
    scope     TEXT NOT NULL CHECK (scope IN ('guild', 'member')),
    member_id INTEGER NOT NULL,
    day       TEXT NOT NULL,     -- 'YYYY-MM-DD'
    credits   INTEGER NOT NULL CHECK (credits >= 0),
    PRIMARY KEY (guild_id, scope, member_id, day),
    CHECK (scope = 'member' OR member_id = 0)
);

INSERT INTO usage_counters (guild_id, scope, member_id, day, credits)
SELECT guild_id, 'member', member_id, SUBSTR(created_at, 1, 10), SUM(credits)
FROM ledger WHERE forgiven = 0
GROUP BY guild_id, member_id, SUBSTR(created_at, 1, 10);

INSERT INTO usage_counters (guild_id, scope, member_id, day, credits)
SELECT guild_id, 'guild', 0, SUBSTR(created_at, 1, 10), SUM(credits)
FROM ledger WHERE forgiven = 0
GROUP BY guild_id, SUBSTR(created_at, 1, 10);

-- The budget check no longer sums the window's rows; reset and usage reports still find them by
-- guild and time, and a settlement finds its row by interaction_id (UNIQUE).
DROP INDEX ledger_guild_time;
CREATE INDEX ledger_guild_time ON ledger (guild_id, created_at);
