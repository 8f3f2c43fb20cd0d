-- SPDX-License-Identifier: MIT
-- Event partitions managed by pg_partman (monthly, made ahead by its maintenance, which the collector runs
-- on a schedule) instead of the hand-written proctor_ensure_event_partitions(), which made four months at
-- migration time and nothing later: every event after that landed in events_default.
--
-- pg_partman is not a trusted extension: a superuser creates it once per database (deploy.sh, restore.sh
-- and `make db-extensions` do: CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman; plus
-- grants to the owner role). A superuser running this migration creates it here.
--
-- Upgrade of an existing database, in this one transaction:
--   1. the old default partition is detached (its rows stay in it, now a plain table),
--   2. the monthly partitions are renamed to pg_partman's names (events_2026_01 -> events_p2026_01),
--   3. pg_partman takes the table over from the oldest existing month to PREMAKE months ahead and adds
--      its own events_default,
--   4. the detached rows go into the monthly partitions of their months (created as needed),
--   5. the row count of events must be what it was, or the whole migration rolls back.
-- Retention is NOT set in part_config: the collector drops expired partitions itself, so that every
-- deletion is counted and receipted in the audit log (collector/services/retentionservice.cpp).

-- Month boundaries are UTC months, as the partitions 0001 made: pg_partman computes them in the session's
-- time zone (the collector's maintenance sets UTC too).
SET LOCAL TIME ZONE 'UTC';

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_partman') THEN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'pg_partman is not installed in database %', current_database()
                USING HINT = 'As a PostgreSQL superuser (apt install postgresql-15-partman first): '
                             'CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman; '
                             'GRANT ALL ON SCHEMA partman TO <owner>; GRANT ALL ON ALL TABLES IN SCHEMA partman '
                             'TO <owner>; GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA partman TO <owner>; '
                             'GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA partman TO <owner> '
                             '(make db-extensions does this)';
        END IF;
        CREATE SCHEMA IF NOT EXISTS partman;
        CREATE EXTENSION pg_partman SCHEMA partman;
    END IF;
END $$;

DO $$
DECLARE
    rows_before bigint;
    rows_after  bigint;
    oldest      timestamptz;
    child       record;
    moved       bigint;
    legacy      bigint;
BEGIN
    IF EXISTS (SELECT 1 FROM partman.part_config WHERE parent_table = 'public.events') THEN
        RETURN; -- already converted
    END IF;
    SELECT count(*) INTO rows_before FROM events;

    -- 1. The old default partition becomes a plain table holding the rows to move.
    IF to_regclass('public.events_default') IS NOT NULL THEN
        ALTER TABLE events DETACH PARTITION events_default;
        ALTER TABLE events_default RENAME TO events_legacy_default;
    END IF;

    -- 2. pg_partman recognises its children by name: events_pYYYY_MM for monthly partitions.
    FOR child IN
        SELECT c.relname
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'public.events'::regclass AND c.relname ~ '^events_\d{4}_\d{2}$'
    LOOP
        EXECUTE format('ALTER TABLE %I RENAME TO %I', child.relname,
                       'events_p' || substr(child.relname, length('events_') + 1));
    END LOOP;

    -- 3. From the oldest month that exists or has rows (at most a month back when the table is empty).
    SELECT min(m) INTO oldest FROM (
        SELECT to_date(substr(c.relname, length('events_p') + 1), 'YYYY_MM')::timestamp AT TIME ZONE 'UTC' AS m
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'public.events'::regclass AND c.relname ~ '^events_p\d{4}_\d{2}$'
        UNION ALL
        SELECT date_trunc('month', now(), 'UTC') - interval '1 month'
    ) months;
    IF to_regclass('public.events_legacy_default') IS NOT NULL THEN
        SELECT least(oldest, date_trunc('month', min(session_started_at), 'UTC'))
        INTO oldest FROM events_legacy_default;
    END IF;
    PERFORM partman.create_parent(
        p_parent_table := 'public.events',
        p_control := 'session_started_at',
        p_type := 'native',
        p_interval := 'monthly',
        p_premake := 4,
        p_start_partition := to_char(oldest AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' 00:00:00+00',
        p_jobmon := false);
    -- Partitions older than retention are dropped by the collector, which receipts them; pg_partman's own
    -- retention stays off. infinite_time_partitions: keep making months ahead even without new rows.
    UPDATE partman.part_config
    SET retention = NULL, infinite_time_partitions = true, optimize_constraint = 0
    WHERE parent_table = 'public.events';

    -- 4. The rows that had landed in the old default partition, month by month, into their partitions.
    IF to_regclass('public.events_legacy_default') IS NOT NULL THEN
        SELECT count(*) INTO legacy FROM events_legacy_default;
        LOOP
            SELECT partman.partition_data_time('public.events', p_batch_count := 1000,
                                               p_analyze := false,
                                               p_source_table := 'public.events_legacy_default')
            INTO moved;
            EXIT WHEN moved IS NULL OR moved <= 0;
        END LOOP;
        IF EXISTS (SELECT 1 FROM events_legacy_default) THEN
            RAISE EXCEPTION 'pg_partman conversion: rows left in events_legacy_default';
        END IF;
        DROP TABLE events_legacy_default;
        RAISE NOTICE 'pg_partman conversion: % rows moved out of the old default partition', legacy;
    END IF;

    -- 5. Not one row lost or doubled.
    SELECT count(*) INTO rows_after FROM events;
    IF rows_after <> rows_before THEN
        RAISE EXCEPTION 'pg_partman conversion: events had % rows, now %', rows_before, rows_after;
    END IF;
END $$;

DROP FUNCTION IF EXISTS proctor_ensure_event_partitions(timestamptz, integer);
