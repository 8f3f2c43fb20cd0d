-- SPDX-License-Identifier: MIT
-- Core schema. Forward-only: never edit this file once applied; add 0002_… instead.

CREATE TABLE tests (
    id                    text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
    title                 text NOT NULL,
    definition            jsonb NOT NULL,          -- the full definition, answer key included: never sent out as is
    pass_threshold        integer NOT NULL DEFAULT 80 CHECK (pass_threshold BETWEEN 0 AND 100),
    questions_per_attempt integer NOT NULL CHECK (questions_per_attempt > 0),
    time_limit_seconds    integer NOT NULL DEFAULT 0 CHECK (time_limit_seconds >= 0),
    checksum              text NOT NULL,           -- SHA-256 of the imported file, to make re-imports no-ops
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

-- A candidate is a person, not a browser: the identity key joins the browser's persistent id with the
-- normalised full name, so two people sharing one computer stay two candidates.
CREATE TABLE candidates (
    id            bigserial PRIMARY KEY,
    identity_key  text NOT NULL UNIQUE,
    persistent_id text NOT NULL,
    last_name     text NOT NULL,
    first_name    text NOT NULL,
    middle_name   text NOT NULL DEFAULT '',
    position      text NOT NULL DEFAULT '',
    email         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candidates_persistent_id ON candidates (persistent_id);
CREATE INDEX candidates_names ON candidates (lower(last_name), lower(first_name));

CREATE TABLE sessions (
    id               uuid PRIMARY KEY,
    test_id          text NOT NULL REFERENCES tests (id),
    kind             text NOT NULL CHECK (kind IN ('test', 'study')),
    candidate_id     bigint NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    status           text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed', 'abandoned')),
    question_ids     text[] NOT NULL DEFAULT '{}',  -- the questions drawn for this attempt, in order
    fingerprint_hash text NOT NULL,
    fingerprint      jsonb NOT NULL DEFAULT '{}',
    persistent_id    text NOT NULL,
    locale           text NOT NULL DEFAULT 'ru',
    client_ip        inet,
    user_agent       text,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    score            integer CHECK (score BETWEEN 0 AND 100),
    correct_count    integer,
    total_count      integer,
    passed           boolean,
    grade            smallint,
    answers          jsonb,
    outcome          jsonb                           -- the exact 201 body, replayed on resubmission
);
CREATE INDEX sessions_candidate ON sessions (candidate_id);
CREATE INDEX sessions_fingerprint ON sessions (fingerprint_hash);
CREATE INDEX sessions_finished ON sessions (finished_at DESC, id DESC) WHERE finished_at IS NOT NULL;
CREATE INDEX sessions_started ON sessions (started_at DESC, id DESC);
CREATE INDEX sessions_test ON sessions (test_id, finished_at DESC);

-- Events are range-partitioned by the month their session started, so every event of a session lives in
-- one partition, the (session_id, event_id) uniqueness can be enforced there, and retention drops whole
-- partitions. session_started_at travels inside the session token: ingest never looks it up.
CREATE TABLE events (
    session_id         uuid NOT NULL,
    event_id           uuid NOT NULL,
    session_started_at timestamptz NOT NULL,
    seq                integer NOT NULL CHECK (seq >= 0),
    type               text NOT NULL,
    client_ts          timestamptz NOT NULL,
    received_at        timestamptz NOT NULL DEFAULT now(),
    details            jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (session_id, event_id, session_started_at)
) PARTITION BY RANGE (session_started_at);
CREATE INDEX events_session_seq ON events (session_id, seq);
CREATE INDEX events_type ON events (type, session_started_at);

-- Creates the monthly partitions covering [from, from + months).
CREATE FUNCTION proctor_ensure_event_partitions(from_ts timestamptz, months integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    first_month date := date_trunc('month', from_ts AT TIME ZONE 'UTC')::date;
    m date;
    name text;
    created integer := 0;
BEGIN
    FOR i IN 0 .. months - 1 LOOP
        m := (first_month + make_interval(months => i))::date;
        name := format('events_%s', to_char(m, 'YYYY_MM'));
        IF to_regclass(name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)',
                           name, (m::timestamp AT TIME ZONE 'UTC'),
                           ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END $$;

-- Rows outside every monthly partition still land somewhere instead of failing an acknowledged batch.
CREATE TABLE events_default PARTITION OF events DEFAULT;
SELECT proctor_ensure_event_partitions(now() - interval '1 month', 4);

CREATE TABLE session_telemetry (
    session_id       uuid PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    questions        jsonb NOT NULL DEFAULT '[]',
    mouse            jsonb NOT NULL DEFAULT '[]',
    keystrokes       jsonb NOT NULL DEFAULT '[]',
    focus_loss_count integer NOT NULL DEFAULT 0,
    blur_ms          bigint NOT NULL DEFAULT 0,
    viewport         jsonb,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE document_counters (
    period     text PRIMARY KEY CHECK (period ~ '^\d{2}/\d{2}$'),   -- 'YY/MM'
    last_value integer NOT NULL DEFAULT 0
);

CREATE TABLE certificates (
    number       text PRIMARY KEY,                                  -- 'YY/MM-NNNN'
    session_id   uuid NOT NULL UNIQUE REFERENCES sessions (id) ON DELETE CASCADE,
    candidate_id bigint NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    test_id      text NOT NULL REFERENCES tests (id),
    holder_name  text NOT NULL,
    position     text NOT NULL DEFAULT '',
    score        integer NOT NULL,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz
);
CREATE INDEX certificates_issued ON certificates (issued_at DESC);

CREATE TABLE api_keys (
    id           bigserial PRIMARY KEY,
    name         text NOT NULL,
    prefix       text NOT NULL,                    -- first characters, shown to identify the key
    key_hash     bytea NOT NULL UNIQUE,            -- SHA-256 of the key; the key itself is never stored
    scopes       text[] NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    usage_count  bigint NOT NULL DEFAULT 0,
    last_used_at timestamptz
);

CREATE TABLE admins (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash text NOT NULL,                   -- argon2id (libsodium crypto_pwhash_str)
    role          text NOT NULL CHECK (role IN ('admin', 'proctor')),
    display_name  text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz,
    last_login_at timestamptz
);

CREATE TABLE admin_tokens (
    token_hash   bytea PRIMARY KEY,                -- SHA-256 of the bearer token
    admin_id     bigint NOT NULL REFERENCES admins (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    client_ip    inet
);
CREATE INDEX admin_tokens_admin ON admin_tokens (admin_id);

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    admin_id   bigint REFERENCES admins (id) ON DELETE SET NULL,
    actor      text NOT NULL,                      -- email at the time, kept when the admin is deleted
    action     text NOT NULL,
    target     text,
    details    jsonb NOT NULL DEFAULT '{}',
    client_ip  inet,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created ON audit_log (created_at DESC, id DESC);
