-- SPDX-License-Identifier: MIT
-- Review cases: every decision a proctor records on a session (cleared, violation confirmed, needs a second
-- look, or back to unreviewed), with who, when and why. sessions.review_state (0006) holds the current one
-- so lists filter on it; this table is the history behind it and what the per-factor precision counts.

CREATE TABLE IF NOT EXISTS review_decisions (
    id                  bigserial PRIMARY KEY,
    session_id          uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    state               smallint NOT NULL CHECK (state BETWEEN 0 AND 3), -- as sessions.review_state
    comment             text NOT NULL DEFAULT '',
    reviewer_id         bigint REFERENCES admins (id) ON DELETE SET NULL,
    reviewer            text NOT NULL,                  -- the admin's e-mail (kept when the admin is deleted)
    decided_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    revoked_certificate text                            -- the certificate revoked with this decision, if any
);
CREATE INDEX IF NOT EXISTS review_decisions_session ON review_decisions (session_id, decided_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS review_decisions_decided ON review_decisions (decided_at);
