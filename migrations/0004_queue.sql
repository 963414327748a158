-- A guild's own limits for the fair queue, never above the process-wide settings (the bot caps
-- them when it applies them); a NULL column follows the setting.
-- Shipped: never edit this file; add a later migration instead.
CREATE TABLE queue_limits (
    guild_id           INTEGER PRIMARY KEY,
    guild_concurrency  INTEGER CHECK (guild_concurrency >= 1),
    member_concurrency INTEGER CHECK (member_concurrency >= 1),
    queue_limit        INTEGER CHECK (queue_limit >= 0),
    updated_at         TEXT NOT NULL,
    updated_by         INTEGER NOT NULL
);
