-- SPDX-License-Identifier: MIT
-- Attempts per candidate: an unfinished attempt whose time ran out is closed by the server as 'expired'
-- (it counts as an attempt, without a result). The attempt policy itself lives in tests.definition
-- (attemptPolicy), so it travels with the test.
ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_status_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_status_check
    CHECK (status IN ('in_progress', 'completed', 'abandoned', 'expired'));
-- A start looks up the candidate's attempts of one test under its advisory lock.
CREATE INDEX IF NOT EXISTS sessions_candidate_test ON sessions (candidate_id, test_id, started_at DESC);
