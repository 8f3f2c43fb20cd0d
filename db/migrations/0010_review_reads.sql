-- SPDX-License-Identifier: MIT
-- The review reads on the stored assessment (0006): indexes for every sort and filter of the results list,
-- and the dashboard's daily rollups, maintained by triggers on sessions so they always agree with the
-- stored columns whoever writes them (the result service, the assessment maintainer, review decisions,
-- erasure, purge).

-- Results list: finished test sessions, keyset-paged by (sort key, finished_at, id) in either direction.
CREATE INDEX IF NOT EXISTS sessions_review_risk ON sessions (risk_score, finished_at, id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
CREATE INDEX IF NOT EXISTS sessions_review_score ON sessions (score, finished_at, id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
CREATE INDEX IF NOT EXISTS sessions_review_duration ON sessions ((finished_at - started_at), finished_at, id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
CREATE INDEX IF NOT EXISTS sessions_review_finished ON sessions (finished_at, id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
-- Sort by candidate: walk candidates in name order, then each one's sessions.
CREATE INDEX IF NOT EXISTS sessions_review_candidate ON sessions (candidate_id, finished_at, id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
CREATE INDEX IF NOT EXISTS candidates_sort_name ON candidates (last_name, first_name, middle_name, id);
-- The certificate registry's holder and score sorts (issued and number have theirs).
CREATE INDEX IF NOT EXISTS certificates_holder_number ON certificates (holder_name, number);
CREATE INDEX IF NOT EXISTS certificates_score_number ON certificates (score, number);
-- Selective filters (a risk level, a review state, a test) read their own index in finishing order.
CREATE INDEX IF NOT EXISTS sessions_review_level ON sessions (risk_level, finished_at, id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
CREATE INDEX IF NOT EXISTS sessions_review_state ON sessions (review_state, finished_at, id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
CREATE INDEX IF NOT EXISTS sessions_review_test ON sessions (test_id, finished_at, id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
-- Dashboard "unique candidates" of the previous week: read index-only.
CREATE INDEX IF NOT EXISTS sessions_review_finished_candidate ON sessions (finished_at) INCLUDE (candidate_id)
    WHERE finished_at IS NOT NULL AND kind = 'test';
-- Dashboard "top candidates by anomalies": only sessions with violations, read index-only.
CREATE INDEX IF NOT EXISTS sessions_review_violating ON sessions (finished_at) INCLUDE (candidate_id, violation_count)
    WHERE finished_at IS NOT NULL AND kind = 'test' AND violation_count > 0;

-- Dashboard rollups. Finished test sessions per UTC day of finishing and score (-1: no score): counts,
-- passes and sessions whose stored risk level is not low. A year is 365 x ~60 rows however many sessions.
CREATE TABLE IF NOT EXISTS review_daily (
    day       date NOT NULL,
    score     smallint NOT NULL,
    sessions  bigint NOT NULL DEFAULT 0,
    passed    bigint NOT NULL DEFAULT 0,
    anomalous bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, score)
);
-- Stored violation counts (sessions.violations) per day and event type.
CREATE TABLE IF NOT EXISTS review_daily_violations (
    day    date NOT NULL,
    type   text NOT NULL,
    events bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, type)
);
-- Each candidate's latest finished test session: "unique candidates in the last N days" is the number of
-- candidates whose latest finish is in those days (a distinct count the daily rows cannot add up).
CREATE TABLE IF NOT EXISTS review_candidate_last (
    candidate_id     bigint PRIMARY KEY,
    last_finished_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS review_candidate_last_at ON review_candidate_last (last_finished_at);
-- ... counted per UTC day of that latest finish, so the count for a year is a sum of at most 366 rows.
CREATE TABLE IF NOT EXISTS review_candidate_days (
    day        date PRIMARY KEY,
    candidates bigint NOT NULL DEFAULT 0
);

-- Adds (sign 1) or removes (sign -1) one session's share of the daily rollups.
CREATE OR REPLACE FUNCTION proctor_review_rollup_apply(r sessions, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    d date;
BEGIN
    IF r.kind <> 'test' OR r.finished_at IS NULL THEN
        RETURN;
    END IF;
    d := (r.finished_at AT TIME ZONE 'UTC')::date;
    INSERT INTO review_daily AS x (day, score, sessions, passed, anomalous)
    VALUES (d, COALESCE(r.score, -1), sign, sign * (r.passed IS TRUE)::int, sign * (r.risk_level > 0)::int)
    ON CONFLICT (day, score) DO UPDATE
        SET sessions = x.sessions + EXCLUDED.sessions, passed = x.passed + EXCLUDED.passed,
            anomalous = x.anomalous + EXCLUDED.anomalous;
    IF r.violations <> '{}'::jsonb THEN
        INSERT INTO review_daily_violations AS x (day, type, events)
        SELECT d, v.key, sign * v.value::bigint FROM jsonb_each_text(r.violations) v
        ON CONFLICT (day, type) DO UPDATE SET events = x.events + EXCLUDED.events;
    END IF;
END $$;

-- Recomputes one candidate's latest finish (the candidate index makes it one index probe).
CREATE OR REPLACE FUNCTION proctor_review_candidate_refresh(cid bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    latest timestamptz;
    previous timestamptz;
BEGIN
    SELECT max(finished_at) INTO latest FROM sessions
    WHERE candidate_id = cid AND finished_at IS NOT NULL AND kind = 'test';
    SELECT last_finished_at INTO previous FROM review_candidate_last WHERE candidate_id = cid;
    IF previous IS NOT DISTINCT FROM latest THEN
        RETURN;
    END IF;
    IF previous IS NOT NULL THEN
        UPDATE review_candidate_days SET candidates = candidates - 1
        WHERE day = (previous AT TIME ZONE 'UTC')::date;
    END IF;
    IF latest IS NOT NULL THEN
        INSERT INTO review_candidate_days AS x (day, candidates) VALUES ((latest AT TIME ZONE 'UTC')::date, 1)
        ON CONFLICT (day) DO UPDATE SET candidates = x.candidates + 1;
    END IF;
    IF latest IS NULL THEN
        DELETE FROM review_candidate_last WHERE candidate_id = cid;
    ELSE
        INSERT INTO review_candidate_last (candidate_id, last_finished_at) VALUES (cid, latest)
        ON CONFLICT (candidate_id) DO UPDATE SET last_finished_at = EXCLUDED.last_finished_at;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION proctor_review_rollup_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- The assessment maintainer rewrites risk columns often: skip when the rollups' inputs are equal.
        IF OLD.kind = NEW.kind AND OLD.finished_at IS NOT DISTINCT FROM NEW.finished_at
           AND OLD.score IS NOT DISTINCT FROM NEW.score AND OLD.passed IS NOT DISTINCT FROM NEW.passed
           AND (OLD.risk_level > 0) = (NEW.risk_level > 0) AND OLD.violations = NEW.violations
           AND OLD.candidate_id = NEW.candidate_id THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM proctor_review_rollup_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM proctor_review_rollup_apply(NEW, 1);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind = 'test' AND OLD.finished_at IS NOT NULL THEN
        PERFORM proctor_review_candidate_refresh(OLD.candidate_id);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.kind = 'test' AND NEW.finished_at IS NOT NULL
       AND (TG_OP = 'INSERT' OR OLD.candidate_id <> NEW.candidate_id
            OR OLD.finished_at IS DISTINCT FROM NEW.finished_at OR OLD.kind <> NEW.kind) THEN
        PERFORM proctor_review_candidate_refresh(NEW.candidate_id);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS sessions_review_rollup ON sessions;
CREATE TRIGGER sessions_review_rollup
    AFTER INSERT OR DELETE OR UPDATE OF kind, finished_at, score, passed, risk_level, violations, candidate_id
    ON sessions FOR EACH ROW EXECUTE FUNCTION proctor_review_rollup_trigger();

-- Rebuilds the rollups from the sessions in one pass (this migration, bulk loads with triggers off).
CREATE OR REPLACE FUNCTION proctor_rebuild_review_rollups() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE review_daily, review_daily_violations, review_candidate_last, review_candidate_days IN EXCLUSIVE MODE;
    DELETE FROM review_daily;
    DELETE FROM review_daily_violations;
    DELETE FROM review_candidate_last;
    DELETE FROM review_candidate_days;
    INSERT INTO review_daily (day, score, sessions, passed, anomalous)
    SELECT (finished_at AT TIME ZONE 'UTC')::date, COALESCE(score, -1), count(*), count(*) FILTER (WHERE passed),
           count(*) FILTER (WHERE risk_level > 0)
    FROM sessions WHERE kind = 'test' AND finished_at IS NOT NULL GROUP BY 1, 2;
    INSERT INTO review_daily_violations (day, type, events)
    SELECT (s.finished_at AT TIME ZONE 'UTC')::date, v.key, sum(v.value::bigint)
    FROM sessions s CROSS JOIN LATERAL jsonb_each_text(s.violations) v
    WHERE s.kind = 'test' AND s.finished_at IS NOT NULL AND s.violations <> '{}'::jsonb GROUP BY 1, 2;
    INSERT INTO review_candidate_last (candidate_id, last_finished_at)
    SELECT candidate_id, max(finished_at) FROM sessions
    WHERE kind = 'test' AND finished_at IS NOT NULL GROUP BY 1;
    INSERT INTO review_candidate_days (day, candidates)
    SELECT (last_finished_at AT TIME ZONE 'UTC')::date, count(*) FROM review_candidate_last GROUP BY 1;
END $$;

SELECT proctor_rebuild_review_rollups();

-- Name and number search ("q" of the results list, GET /api/v1/search) with trigram indexes, so a substring
-- search costs the matches, not a scan of every session. The name text is one immutable expression (both
-- orders of first and last name) that the index and the queries share.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION proctor_candidate_names(last_name text, first_name text, middle_name text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT last_name || ' ' || first_name || ' ' || middle_name || ' | ' || first_name || ' ' || last_name $$;
CREATE INDEX IF NOT EXISTS candidates_names_trgm
    ON candidates USING gin (proctor_candidate_names(last_name, first_name, middle_name) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS candidates_email_trgm ON candidates USING gin (email gin_trgm_ops);
CREATE INDEX IF NOT EXISTS certificates_number_trgm ON certificates USING gin (number gin_trgm_ops);
CREATE INDEX IF NOT EXISTS certificates_holder_trgm ON certificates USING gin (holder_name gin_trgm_ops);
