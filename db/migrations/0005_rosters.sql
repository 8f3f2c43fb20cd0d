-- SPDX-License-Identifier: MIT
-- Rosters: the candidates an administrator lists for a test whose access is "roster", each with a personal
-- access code. Only the code's SHA-256 is stored (the code is shown once, when created or regenerated);
-- codes carry 50 random bits, so a plain hash is enough.

CREATE TABLE IF NOT EXISTS roster_entries (
    id             bigserial PRIMARY KEY,
    test_id        text NOT NULL REFERENCES tests (id) ON DELETE CASCADE,
    last_name      text NOT NULL,
    first_name     text NOT NULL,
    middle_name    text NOT NULL DEFAULT '',
    position       text NOT NULL DEFAULT '',
    email          text NOT NULL DEFAULT '',
    external_id    text NOT NULL DEFAULT '',
    code_hash      text UNIQUE,                 -- hex SHA-256 of the normalised code; NULL until issued
    code_expires_at timestamptz,
    code_issued_at timestamptz,
    starts         integer NOT NULL DEFAULT 0,  -- sessions opened with the code
    last_used_at   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS roster_entries_test ON roster_entries (test_id, lower(last_name), lower(first_name));
-- Re-imports match an entry by external id, else by e-mail (case-insensitive), within the test.
CREATE UNIQUE INDEX IF NOT EXISTS roster_entries_external ON roster_entries (test_id, external_id)
    WHERE external_id <> '';
CREATE UNIQUE INDEX IF NOT EXISTS roster_entries_email ON roster_entries (test_id, lower(email))
    WHERE email <> '';
