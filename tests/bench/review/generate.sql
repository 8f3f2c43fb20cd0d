-- SPDX-License-Identifier: MIT
-- Review scale benchmark data: :sessions finished test sessions and about :events events, in bulk SQL.
-- Run by tests/bench/review/run.sh on a migrated database that holds the seed tests (import-test) and no
-- sessions. Deterministic (setseed), so two runs at one scale give the same data.
--   psql -v sessions=1000000 -v events=50000000 -f generate.sql
-- Shape: six tests (two timed), about 0.4 candidates per session (repeat attempts, some several times),
-- sessions spread over two years with recent months busier, 8 % of sessions on 1,500 shared lab
-- computers and 10 % of candidates on a second device, violations on about 12 % of sessions, the stored
-- assessment columns (0006) filled as the assessment would fill them (the counts match the generated
-- events), factor rows for the sessions with points, review decisions on part of the risky ones, a
-- certificate for every pass, and 2 % more sessions started and never finished (the abandoned list).
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';
-- Triggers (the review rollups of 0010) are rebuilt in one pass at the end instead of row by row.
SET session_replication_role = replica;
SELECT setseed(0.42);

\set candidates '(:sessions * 2 / 5)'
\set unfinished '(:sessions / 50)'
\set total '(:sessions + :sessions / 50)'
-- Ordinary events per session on average: the total less test_started, test_finished and the violations.
\set avg_events '(:events::numeric / :total - 2.2)'

-- Six tests: copies of the imported seed test under other ids (the detail reads the definition).
INSERT INTO tests (id, title, definition, pass_threshold, questions_per_attempt, time_limit_seconds, checksum)
SELECT 'bench-' || i, 'Benchmark test ' || i, jsonb_set(t.definition, '{id}', to_jsonb('bench-' || i)),
       t.pass_threshold, t.questions_per_attempt, CASE WHEN i % 3 = 0 THEN 1800 ELSE 0 END, md5('bench' || i)
FROM (SELECT * FROM tests WHERE id = 'infosec-basics') t, generate_series(1, 6) i
ON CONFLICT (id) DO NOTHING;

-- Candidates: names from a few lists, so some are common and searching a surname finds many.
INSERT INTO candidates (id, identity_key, persistent_id, last_name, first_name, middle_name, position, email)
SELECT i, 'bench:' || i, md5('p' || i),
       (ARRAY['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов',
              'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров',
              'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин',
              'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев'])[1 + (i * 7919) % 30]
           || (ARRAY['', '', '', 'а', '-Тихонов', 'ский', 'ич'])[1 + (i / 30) % 7]
           || CASE WHEN i % 11 = 0 THEN '-' || (i % 997)::text ELSE '' END,
       (ARRAY['Александр', 'Мария', 'Дмитрий', 'Анна', 'Сергей', 'Елена', 'Андрей', 'Ольга', 'Алексей',
              'Наталья', 'Иван', 'Татьяна', 'Михаил', 'Ирина', 'Николай', 'Светлана'])[1 + (i * 31) % 16],
       (ARRAY['Александрович', 'Сергеевич', 'Игоревна', 'Петровна', '', 'Ивановна', 'Андреевич'])[1 + i % 7],
       (ARRAY['Инженер', 'Бухгалтер', 'Оператор', 'Специалист', 'Менеджер'])[1 + i % 5],
       'candidate' || i || '@example.org'
FROM generate_series(1::bigint, :candidates) i;
SELECT setval('candidates_id_seq', (SELECT max(id) FROM candidates));

-- One plan row per session: every random draw once, so the session, its assessment and its events agree.
CREATE UNLOGGED TABLE bench_plan AS
SELECT g,
       g > :sessions AS unfinished,
       -- Repeat attempts: a quarter of the candidates take most sessions.
       1 + floor(CASE WHEN r.a < 0.5 THEN r.b * :candidates / 4 ELSE r.b * :candidates END)::bigint AS candidate_id,
       'bench-' || (1 + floor(r.c * r.c * 6)::int) AS test_id,
       -- Two years, recent months busier; the unfinished ones mostly in the last month.
       now() - CASE WHEN g > :sessions THEN r.d * interval '30 days' ELSE power(r.d, 1.3) * interval '730 days' END AS started_at,
       interval '1 second' * (300 + floor(r.e * 2100)) AS duration,
       greatest(0, least(100, round(72 + 16 * sqrt(-2 * ln(1 - r.f)) * cos(2 * pi() * r.h))))::int AS score,
       CASE WHEN r.i < 0.08 THEN 'lab' || floor(r.j * 1500)::int
            WHEN r.i < 0.17 THEN 'second' || floor(r.b * 1000000)::bigint
            ELSE 'own' END AS device,
       CASE WHEN r.k < 0.12 THEN floor(power(r.l, 2) * 14)::int ELSE 0 END AS n_focus,
       CASE WHEN r.k < 0.12 AND r.m < 0.35 THEN 1 + floor(r.n * 3)::int ELSE 0 END AS n_clip,
       CASE WHEN r.k < 0.12 AND r.m > 0.92 THEN 1 ELSE 0 END AS n_print,
       CASE WHEN r.k < 0.12 AND r.n > 0.7 THEN 1 + floor(r.l * 2)::int ELSE 0 END AS n_fullscreen,
       CASE WHEN r.k < 0.12 AND r.m BETWEEN 0.5 AND 0.55 THEN 1 ELSE 0 END AS n_after,
       greatest(4, round(:avg_events * (0.3 + 1.4 * r.o)))::int AS n_base,
       r.p AS review_draw, r.q AS away_draw
FROM generate_series(1::bigint, :total) g
CROSS JOIN LATERAL (SELECT random() + 0 * g AS a, random() AS b, random() AS c, random() AS d, random() AS e,
                           random() AS f, random() AS h, random() AS i, random() AS j, random() AS k,
                           random() AS l, random() AS m, random() AS n, random() AS o, random() AS p,
                           random() AS q) r;
ALTER TABLE bench_plan ADD PRIMARY KEY (g);

-- The assessment as the rules of shared/analysis/riskscore.h (RiskConfig defaults) would score these
-- counts: focus losses > 5: 25, time away > 60 s: 25, print > 0: 35, clipboard > 0: 15, fullscreen > 0: 10,
-- events after the finish: 30; medium from 25, high from 60.
CREATE UNLOGGED TABLE bench_assessed AS
SELECT p.*, least(100, x.points)::int AS risk_score,
       CASE WHEN x.points >= 60 THEN 2 WHEN x.points >= 25 THEN 1 ELSE 0 END AS risk_level,
       p.n_focus + p.n_clip + p.n_print + p.n_fullscreen AS violation_count,
       x.away_ms
FROM bench_plan p
CROSS JOIN LATERAL (SELECT (p.n_focus * (5000 + p.away_draw * 25000))::bigint AS away_ms) a
CROSS JOIN LATERAL (SELECT a.away_ms,
                           (CASE WHEN p.n_focus > 5 THEN 25 ELSE 0 END + CASE WHEN a.away_ms > 60000 THEN 25 ELSE 0 END
                            + CASE WHEN p.n_print > 0 THEN 35 ELSE 0 END + CASE WHEN p.n_clip > 0 THEN 15 ELSE 0 END
                            + CASE WHEN p.n_fullscreen > 0 THEN 10 ELSE 0 END + CASE WHEN p.n_after > 0 THEN 30 ELSE 0 END)
                               AS points) x;
ALTER TABLE bench_assessed ADD PRIMARY KEY (g);

INSERT INTO sessions (id, test_id, kind, candidate_id, status, question_ids, fingerprint_hash, fingerprint,
                      persistent_id, locale, client_ip, user_agent, started_at, finished_at, score,
                      correct_count, total_count, passed, grade, answers, risk_score, risk_level,
                      violation_count, violations, away_ms, event_count, last_event_at, assessed_at,
                      assessment_rules, review_state)
SELECT md5('session' || a.g)::uuid, a.test_id, 'test', a.candidate_id,
       CASE WHEN a.unfinished THEN 'in_progress' ELSE 'completed' END, '{}',
       encode(sha256(convert_to(CASE WHEN a.device = 'own' THEN 'own' || a.candidate_id ELSE a.device END, 'UTF8')), 'hex'),
       '{"platform":"Win32"}', md5('p' || a.candidate_id), 'ru', ('10.' || (a.g % 250) || '.' || (a.g / 250 % 250) || '.1')::inet,
       'Mozilla/5.0 (bench)', a.started_at,
       CASE WHEN a.unfinished THEN NULL ELSE a.started_at + a.duration END,
       CASE WHEN a.unfinished THEN NULL ELSE a.score END,
       CASE WHEN a.unfinished THEN NULL ELSE a.score / 5 END,
       CASE WHEN a.unfinished THEN NULL ELSE 20 END,
       CASE WHEN a.unfinished THEN NULL ELSE a.score >= 80 END,
       CASE WHEN a.unfinished THEN NULL WHEN a.score >= 90 THEN 5 WHEN a.score >= 80 THEN 4 WHEN a.score >= 60 THEN 3 ELSE 2 END,
       CASE WHEN a.unfinished THEN NULL ELSE '[]'::jsonb END,
       a.risk_score, a.risk_level, a.violation_count,
       jsonb_strip_nulls(jsonb_build_object('focus_loss', NULLIF(a.n_focus, 0), 'copy_attempt', NULLIF(a.n_clip, 0),
                                            'print_attempt', NULLIF(a.n_print, 0), 'fullscreen_exit', NULLIF(a.n_fullscreen, 0))),
       a.away_ms, 2 + a.n_base + a.n_focus * 2 + a.n_clip + a.n_print + a.n_fullscreen + a.n_after,
       a.started_at + CASE WHEN a.unfinished THEN a.duration / 3 ELSE a.duration + interval '1 second' * a.n_after END,
       a.started_at + a.duration + interval '5 seconds', 1,
       -- Decisions on part of the sessions a proctor would look at first.
       CASE WHEN a.unfinished THEN 0
            WHEN a.risk_level > 0 AND a.review_draw < 0.3 THEN 2
            WHEN a.risk_level > 0 AND a.review_draw < 0.5 THEN 1
            WHEN a.risk_level > 0 AND a.review_draw < 0.6 THEN 3
            WHEN a.review_draw < 0.05 THEN 1 ELSE 0 END
FROM bench_assessed a;

-- Factor rows behind the points (the detail reads them; sessions with points only).
INSERT INTO session_risk_factors (session_id, reason_key, points, observed, threshold, detail)
SELECT md5('session' || a.g)::uuid, f.key, f.points, f.observed, f.threshold, jsonb_build_object('count', f.observed)
FROM bench_assessed a
CROSS JOIN LATERAL (VALUES ('risk.focus_losses', 25, a.n_focus, 5),
                           ('risk.blur_time', 25, a.away_ms, 60000),
                           ('risk.print_attempts', 35, a.n_print, 0),
                           ('risk.clipboard', 15, a.n_clip, 0),
                           ('risk.fullscreen_exit', 10, a.n_fullscreen, 0),
                           ('risk.events_after_finish', 30, a.n_after, 0)) f(key, points, observed, threshold)
WHERE a.risk_score > 0 AND f.observed > f.threshold;

-- A certificate for every pass, numbered per month in finishing order.
INSERT INTO certificates (number, session_id, candidate_id, test_id, holder_name, position, score, issued_at,
                          verification_code)
SELECT n.period || '-' || lpad(n.n::text, greatest(4, length(n.n::text)), '0'),
       n.id, n.candidate_id, n.test_id, concat_ws(' ', c.last_name, c.first_name, NULLIF(c.middle_name, '')),
       c.position, n.score, n.finished_at, upper(substr(md5(n.id::text), 1, 12))
FROM (SELECT s.*, to_char(s.finished_at AT TIME ZONE 'UTC', 'YY/MM') AS period,
             row_number() OVER (PARTITION BY to_char(s.finished_at AT TIME ZONE 'UTC', 'YY/MM')
                                ORDER BY s.finished_at, s.id) AS n
      FROM sessions s WHERE s.passed) n
JOIN candidates c ON c.id = n.candidate_id;
INSERT INTO document_counters (period, last_value)
SELECT split_part(number, '-', 1), max(split_part(number, '-', 2)::int) FROM certificates GROUP BY 1
ON CONFLICT (period) DO UPDATE SET last_value = greatest(document_counters.last_value, EXCLUDED.last_value);

-- Events: monthly partitions for the whole span; the indexes are dropped for the load and built once after
-- (a sorted build is many times faster than 50 million random inserts into three B-trees).
-- (pg_partman owns the partitions since 0011: it makes the past months on request.)
SELECT partman.create_partition_time('public.events',
    ARRAY(SELECT generate_series(date_trunc('month', now() - interval '25 months', 'UTC'), now(), interval '1 month')),
    p_analyze := false);
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_pkey;
DROP INDEX IF EXISTS events_session_seq;
DROP INDEX IF EXISTS events_type;
\echo generating events
-- Per session: test_started, the ordinary stream (question_shown / answer_changed / scroll), each focus loss
-- followed by its focus_gain with the time away, the other violations, test_finished, then the events after
-- the finish. Chunks of 50,000 sessions keep each statement's memory small and show progress.
SELECT format($q$
INSERT INTO events (session_id, event_id, session_started_at, seq, type, client_ts, received_at, details)
SELECT s.id, gen_random_uuid(), s.started_at, k.seq,
       CASE WHEN k.seq = 0 THEN 'test_started'
            WHEN k.seq <= a.n_base THEN (ARRAY['question_shown', 'answer_changed', 'answer_changed', 'question_shown', 'scroll_depth_milestone'])[1 + k.seq %% 5]
            WHEN k.seq <= a.n_base + a.n_focus * 2 THEN CASE WHEN (k.seq - a.n_base) %% 2 = 1 THEN 'focus_loss' ELSE 'focus_gain' END
            WHEN k.seq <= a.n_base + a.n_focus * 2 + a.n_clip THEN 'copy_attempt'
            WHEN k.seq <= a.n_base + a.n_focus * 2 + a.n_clip + a.n_print THEN 'print_attempt'
            WHEN k.seq <= a.n_base + a.n_focus * 2 + a.n_clip + a.n_print + a.n_fullscreen THEN 'fullscreen_exit'
            WHEN k.seq = s.event_count - 1 - a.n_after AND NOT a.unfinished THEN 'test_finished'
            WHEN a.unfinished THEN 'network_online'
            ELSE 'answer_changed' END,
       s.started_at + a.duration * k.seq / s.event_count,
       s.started_at + a.duration * k.seq / s.event_count + interval '80 milliseconds',
       CASE WHEN k.seq > a.n_base AND k.seq <= a.n_base + a.n_focus * 2 AND (k.seq - a.n_base) %% 2 = 0
            THEN jsonb_build_object('durationMs', a.away_ms / greatest(a.n_focus, 1))
            ELSE '{}'::jsonb END
FROM bench_assessed a JOIN sessions s ON s.id = md5('session' || a.g)::uuid
CROSS JOIN LATERAL generate_series(0, s.event_count - 1) k(seq)
WHERE a.g > %s AND a.g <= %s
$q$, lo, lo + 50000)
FROM generate_series(0, :total - 1, 50000) lo
\gexec
\echo building event indexes
ALTER TABLE events ADD PRIMARY KEY (session_id, event_id, session_started_at);
CREATE INDEX IF NOT EXISTS events_session_seq ON events (session_id, seq);
CREATE INDEX IF NOT EXISTS events_type ON events (type, session_started_at);

DROP TABLE bench_plan;
DROP TABLE bench_assessed;
SET session_replication_role = origin;
-- The rollups of 0010 in one pass (the triggers were off for the load).
SELECT proctor_rebuild_review_rollups();
CREATE TABLE IF NOT EXISTS bench_meta (sessions bigint, events bigint, generation_seconds bigint DEFAULT 0,
                                       generated_at timestamptz DEFAULT now());
INSERT INTO bench_meta (sessions, events) VALUES (:sessions, (SELECT count(*) FROM events));
