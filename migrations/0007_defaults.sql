-- What a request asked for beyond the ledger's columns, and the defaults members and servers set.
-- Shipped: never edit this file; add a later migration instead.

-- The request's options as bot.catalog.RequestOptions JSON (its aspect, the model's own options
-- such as style), so Re-roll and Remix ask for the same again; NULL on rows from before.
ALTER TABLE ledger ADD COLUMN options TEXT;

-- A server's defaults for /imagine (set with Manage Server), as RequestOptions JSON; a field
-- left out follows the catalog.
CREATE TABLE guild_defaults (
    guild_id   INTEGER PRIMARY KEY,
    options    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER NOT NULL
);

-- A member's own defaults in one server; they win over the server's.
CREATE TABLE member_defaults (
    guild_id   INTEGER NOT NULL,
    member_id  INTEGER NOT NULL,
    options    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, member_id)
);
