-- SPDX-License-Identifier: MIT
-- Admin API: key/value settings (certificate print settings), indexes behind the review lists' keyset
-- pagination, the abandoned-sessions list, the audit filter and candidate deletion.

CREATE TABLE settings (
    key        text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_.]{0,63}$'),
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by bigint REFERENCES admins (id) ON DELETE SET NULL
);

-- Results sorted by score (the finished-time order has sessions_finished from 0001).
CREATE INDEX sessions_score ON sessions (score DESC, id DESC) WHERE finished_at IS NOT NULL;
-- Started, never finished: the abandoned list, newest first, tests and study separately.
CREATE INDEX sessions_unfinished ON sessions (kind, started_at DESC, id DESC) WHERE finished_at IS NULL;
-- The certificate registry pages by (issued_at, number) in both directions.
CREATE INDEX certificates_issued_number ON certificates (issued_at, number);
-- ON DELETE CASCADE from candidates scans certificates by candidate.
CREATE INDEX certificates_candidate ON certificates (candidate_id);
CREATE INDEX audit_log_action ON audit_log (action, id DESC);
CREATE INDEX admin_tokens_expires ON admin_tokens (expires_at);
