-- SPDX-License-Identifier: MIT
-- The stored risk assessment (and the review state lists filter on): one per session, written only by the collector's assessment maintainer from
-- shared/analysis (the single implementation of the rules). Lists, filters, sorting, the dashboard, the
-- detail and the reports read these columns, so they cannot disagree. Sessions whose data changed wait in
-- assessment_queue; the maintainer drains it off the ingest path, in batches.

ALTER TABLE sessions
    ADD COLUMN IF NOT EXISTS risk_score       smallint NOT NULL DEFAULT 0 CHECK (risk_score BETWEEN 0 AND 100),
    ADD COLUMN IF NOT EXISTS risk_level       smallint NOT NULL DEFAULT 0 CHECK (risk_level BETWEEN 0 AND 2), -- 0 low, 1 medium, 2 high
    ADD COLUMN IF NOT EXISTS violation_count  integer NOT NULL DEFAULT 0,   -- sum of `violations`
    ADD COLUMN IF NOT EXISTS violations       jsonb NOT NULL DEFAULT '{}',  -- event type -> count, non-zero only
    ADD COLUMN IF NOT EXISTS away_ms          bigint NOT NULL DEFAULT 0,    -- total time away (blur), ms
    ADD COLUMN IF NOT EXISTS event_count      integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS last_event_at    timestamptz,
    ADD COLUMN IF NOT EXISTS assessed_at      timestamptz,                  -- NULL: not assessed yet
    ADD COLUMN IF NOT EXISTS assessment_rules integer NOT NULL DEFAULT 0,   -- rules version used (re-assessment)
    -- The proctor's current decision (history and comments live with the review workflow's tables):
    -- 0 unreviewed, 1 cleared, 2 violation confirmed, 3 needs a second look. Here so lists filter on it.
    ADD COLUMN IF NOT EXISTS review_state     smallint NOT NULL DEFAULT 0 CHECK (review_state BETWEEN 0 AND 3);

-- The factors behind risk_score, each with what was measured, the limit and its evidence
-- (detail: count, eventIds, relatedSessionIds, questionIds, chance of a match and comparisons made).
CREATE TABLE IF NOT EXISTS session_risk_factors (
    session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    reason_key text NOT NULL,
    points     real NOT NULL,
    observed   double precision NOT NULL,
    threshold  double precision NOT NULL,
    detail     jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (session_id, reason_key)
);

-- Sessions to (re-)assess; due_at lets bursts of appends coalesce into one assessment.
CREATE TABLE IF NOT EXISTS assessment_queue (
    session_id uuid PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    due_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS assessment_queue_due ON assessment_queue (due_at);
