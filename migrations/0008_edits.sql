-- Edits (/imagine-edit, the Edit button) are billed in the same ledger as generations; `kind`
-- tells them apart for /usage. Every row before this migration was a generation.
-- Shipped: never edit this file; add a later migration instead.
ALTER TABLE ledger ADD COLUMN kind TEXT NOT NULL DEFAULT 'generation'
    CHECK (kind IN ('generation', 'edit'));
