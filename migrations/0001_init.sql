-- Quota policy per guild, the ledger of reservations, and the admin audit trail.
-- Times are UTC text 'YYYY-MM-DDTHH:MM:SS.ffffffZ': fixed width, so they sort and compare as text.
-- Shipped: never edit this file; add 0002_….sql instead.

-- Per-guild overrides of the bot's defaults; a NULL column follows the default.
CREATE TABLE guild_settings (
    guild_id       INTEGER PRIMARY KEY,
    guild_credits  INTEGER CHECK (guild_credits BETWEEN 0 AND 1000000),
    member_credits INTEGER CHECK (member_credits BETWEEN 0 AND 1000000), -- 0: no member budget
    period         TEXT CHECK (period IN ('day', 'week', 'month')),
    updated_at     TEXT NOT NULL,
    updated_by     INTEGER NOT NULL
);

-- One row per /imagine interaction. `reserved` is what the budget check granted; `credits` is
-- what counts against the budgets now (= reserved while pending, the spent part once
-- committed, 0 once refunded). Usage is the sum of `credits` over rows created in the current
-- window that an admin reset has not forgiven.
CREATE TABLE ledger (
    id             INTEGER PRIMARY KEY,
    interaction_id INTEGER NOT NULL UNIQUE,
    guild_id       INTEGER NOT NULL,
    member_id      INTEGER NOT NULL,
    channel_id     INTEGER,
    model          TEXT NOT NULL,
    size           TEXT NOT NULL,
    quality        TEXT,
    n              INTEGER NOT NULL CHECK (n >= 1),
    reserved       INTEGER NOT NULL CHECK (reserved >= 1),
    credits        INTEGER NOT NULL CHECK (credits BETWEEN 0 AND reserved),
    state          TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'committed', 'refunded', 'unknown')),
    forgiven       INTEGER NOT NULL DEFAULT 0 CHECK (forgiven IN (0, 1)),
    prompt         TEXT,             -- nulled by prompt retention
    period_start   TEXT NOT NULL,    -- start of the window the request was charged to
    created_at     TEXT NOT NULL,
    settled_at     TEXT,
    note           TEXT,
    CHECK ((state = 'pending') = (settled_at IS NULL)),
    CHECK (state <> 'pending' OR credits = reserved),
    CHECK (state <> 'refunded' OR credits = 0)
);

-- Covers the budget check (sum of credits per guild and member since the window start), and
-- serves reset, usage reports and purge_guild.
CREATE INDEX ledger_guild_time ON ledger (guild_id, created_at, forgiven, member_id, credits);
-- Start-up recovery and prompt retention only look at the few rows they change.
CREATE INDEX ledger_pending ON ledger (created_at) WHERE state = 'pending';
CREATE INDEX ledger_prompts ON ledger (created_at) WHERE prompt IS NOT NULL;

-- Who changed a guild's quota and when.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    actor_id   INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('set_policy', 'reset')),
    detail     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX audit_log_guild ON audit_log (guild_id, created_at);
