-- Moderation per guild: rules, lists, role budgets, paused members and strikes.
-- Shipped: never edit this file; add a later migration instead.

-- Per-guild overrides of the moderation defaults; a NULL column follows the default.
CREATE TABLE moderation_settings (
    guild_id         INTEGER PRIMARY KEY,
    audit_channel_id INTEGER,
    nsfw_only        INTEGER CHECK (nsfw_only IN (0, 1)),
    cooldown_seconds INTEGER CHECK (cooldown_seconds BETWEEN 0 AND 86400),
    builtin_terms    INTEGER CHECK (builtin_terms IN (0, 1)),
    strike_limit     INTEGER CHECK (strike_limit BETWEEN 0 AND 100),
    updated_at       TEXT NOT NULL,
    updated_by       INTEGER NOT NULL
);

-- The guild's lists: blocked terms, channels and roles where /imagine works, disabled models.
CREATE TABLE moderation_entries (
    guild_id INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('term', 'channel', 'role', 'disabled_model')),
    value    TEXT NOT NULL,
    PRIMARY KEY (guild_id, kind, value)
) WITHOUT ROWID;

-- Credits per period for members with a role, instead of the member default.
CREATE TABLE role_budgets (
    guild_id INTEGER NOT NULL,
    role_id  INTEGER NOT NULL,
    credits  INTEGER NOT NULL CHECK (credits BETWEEN 1 AND 1000000),
    PRIMARY KEY (guild_id, role_id)
) WITHOUT ROWID;

-- Members who may not use /imagine until a moderator unpauses them.
CREATE TABLE paused_members (
    guild_id  INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    reason    TEXT,
    paused_by INTEGER,              -- NULL: paused by reaching the strike limit
    paused_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, member_id)
) WITHOUT ROWID;

-- Refused prompts (the gateway's safety system or pre-moderation); counted per quota period.
CREATE TABLE strikes (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    member_id  INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX strikes_member ON strikes (guild_id, member_id, created_at);
