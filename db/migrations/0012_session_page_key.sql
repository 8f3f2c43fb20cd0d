-- SPDX-License-Identifier: MIT
-- The page key that opened a session, so the attempt-burst risk factor can group short or near-empty
-- attempts by key as well as by address and device (a script that rotates addresses and fingerprints
-- still sends one key). NULL for sessions opened before this column and for keys that no longer exist.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS api_key_id bigint REFERENCES api_keys (id) ON DELETE SET NULL;
-- The burst factor looks up one key's sessions within a time window of a start.
CREATE INDEX IF NOT EXISTS sessions_api_key ON sessions (api_key_id, started_at) WHERE api_key_id IS NOT NULL;
