/// The SQL files of the PostgreSQL export that do not depend on the archive:
/// the schema (created when missing, so several municipalities' exports load
/// into one database), the indexes (made after the first load's data, which
/// is faster than keeping them up during it) and the load script.
enum PostgresSchema {
    static let name = "agendac_archive"

    static let schema = """
        -- agendac archive export: the PostgreSQL schema. Made by `agendac archive export --to postgres`;
        -- load.sql runs it. Creates only what is missing, so exports of several municipalities share it.
        -- Needs PostgreSQL 13 or later and a UTF8 database with a UTF-8 ctype (e.g. C.UTF-8 or da_DK.UTF-8),
        -- so that lower() and the text-search parser know æ, ø and å as letters.
        CREATE SCHEMA IF NOT EXISTS agendac_archive;

        -- Folding as agendac's search folds words: NFC, the decomposed Ø/ø NFC leaves apart, lowercase, aa as å.
        CREATE OR REPLACE FUNCTION agendac_archive.fold(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT replace(replace(lower(normalize(value, NFC)), 'o' || chr(824), 'ø'), 'aa', 'å') $$;

        -- Text as agendac's search splits it into words: folded, and every character that is neither a
        -- letter, a digit nor a hyphen a space, so that the parser finds no paths, hosts or e-mail
        -- addresses ("/JS", "mio.kr.") where agendac's search sees words.
        CREATE OR REPLACE FUNCTION agendac_archive.words(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT regexp_replace(agendac_archive.fold(value), '[^[:alnum:]-]+', ' ', 'g') $$;

        -- A query as agendac's search reads it: every word must match, by its Danish stem.
        CREATE OR REPLACE FUNCTION agendac_archive.query(words text) RETURNS tsquery
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT plainto_tsquery('danish', agendac_archive.words(words)) $$;

        CREATE TABLE IF NOT EXISTS agendac_archive.meetings (
            id text PRIMARY KEY,                 -- municipality/committee/2026-05-04, as the OParl export's paths
            municipality text NOT NULL,
            committee text NOT NULL,
            committee_slug text NOT NULL,
            meeting_date date NOT NULL,
            time_suffix text NOT NULL,           -- '1500' when the committee met twice that day, else ''
            starts_at timestamptz,
            ends_at timestamptz,
            place text,
            stage text NOT NULL CHECK (stage IN ('agenda', 'minutes', 'approved')),
            revision integer NOT NULL
        );

        -- The public items only: a closed item has its public title and public decision, nothing else.
        CREATE TABLE IF NOT EXISTS agendac_archive.items (
            meeting_id text NOT NULL REFERENCES agendac_archive.meetings (id) ON DELETE CASCADE,
            position integer NOT NULL,           -- 1, 2, … in the meeting's order
            number integer NOT NULL,             -- the item's number as printed
            title text NOT NULL,
            is_public boolean NOT NULL,          -- false for a closed item
            case_number text,                    -- as written
            case_key text,                       -- agendac's canonical form, as `archive case` files it
            final_authority text,                -- "Sagen afgøres i …"
            sections text NOT NULL,
            recommendation text NOT NULL,
            decision text NOT NULL,
            decided boolean NOT NULL,
            search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('danish', agendac_archive.words(title)), 'A') ||
                setweight(to_tsvector('danish', agendac_archive.words(decision)), 'B') ||
                setweight(to_tsvector('danish', agendac_archive.words(recommendation)), 'C') ||
                setweight(to_tsvector('danish', agendac_archive.words(sections)), 'D')) STORED,
            PRIMARY KEY (meeting_id, position)
        );

        CREATE TABLE IF NOT EXISTS agendac_archive.cases (
            municipality text NOT NULL,
            case_key text NOT NULL,
            case_number text NOT NULL,           -- as first written
            title text NOT NULL,                 -- the first treatment's item title
            first_date date NOT NULL,
            last_date date NOT NULL,
            treatments integer NOT NULL,
            PRIMARY KEY (municipality, case_key)
        );

        CREATE TABLE IF NOT EXISTS agendac_archive.treatments (
            municipality text NOT NULL,
            case_key text NOT NULL,
            meeting_id text NOT NULL,
            position integer NOT NULL,
            link text NOT NULL CHECK (link IN ('sagsnr', 'sagens gang')),  -- carries the number, or a sagens gang line links it
            PRIMARY KEY (meeting_id, position, case_key),
            FOREIGN KEY (meeting_id, position) REFERENCES agendac_archive.items (meeting_id, position) ON DELETE CASCADE,
            FOREIGN KEY (municipality, case_key) REFERENCES agendac_archive.cases (municipality, case_key) ON DELETE CASCADE
        );

        -- The public files kept for each meeting (the archive's paths and checksums).
        CREATE TABLE IF NOT EXISTS agendac_archive.files (
            meeting_id text NOT NULL REFERENCES agendac_archive.meetings (id) ON DELETE CASCADE,
            path text NOT NULL,
            kind text NOT NULL,
            title text,
            sha256 text NOT NULL,
            byte_count bigint NOT NULL,
            item_positions integer[] NOT NULL,   -- the items whose attachments name the file
            PRIMARY KEY (meeting_id, path)
        );

        -- Every treatment of a case across the archive, as `agendac archive case` lists them:
        -- ORDER BY meeting_date, time_suffix, committee_slug, item_number.
        CREATE OR REPLACE VIEW agendac_archive.case_history AS
            SELECT t.municipality, t.case_key, i.case_number, m.meeting_date, m.time_suffix, m.committee,
                   m.committee_slug, m.id AS meeting_id, i.position, i.number AS item_number, i.title AS item_title,
                   i.recommendation, i.decision AS outcome, m.stage, t.link
            FROM agendac_archive.treatments t
            JOIN agendac_archive.items i ON i.meeting_id = t.meeting_id AND i.position = t.position
            JOIN agendac_archive.meetings m ON m.id = t.meeting_id;

        -- The items matching a query, best first (ts_rank over the weighted fields).
        CREATE OR REPLACE FUNCTION agendac_archive.search(words text, max_hits integer DEFAULT 10)
            RETURNS TABLE (meeting_id text, "position" integer, committee text, meeting_date date,
                           item_number integer, title text, rank real)
            LANGUAGE sql STABLE
            AS $$
                SELECT i.meeting_id, i.position, m.committee, m.meeting_date, i.number, i.title,
                       ts_rank(i.search, agendac_archive.query(words)) AS rank
                FROM agendac_archive.items i JOIN agendac_archive.meetings m ON m.id = i.meeting_id
                WHERE i.search @@ agendac_archive.query(words)
                ORDER BY rank DESC, m.meeting_date DESC, i.meeting_id, i.position
                LIMIT max_hits
            $$;

        """

    static let indexes = """
        -- agendac archive export: the indexes, made after the data (load.sql runs it).
        CREATE INDEX IF NOT EXISTS items_search ON agendac_archive.items USING gin (search);
        CREATE INDEX IF NOT EXISTS items_case_key ON agendac_archive.items (case_key);
        CREATE INDEX IF NOT EXISTS meetings_committee_date ON agendac_archive.meetings (committee_slug, meeting_date);
        CREATE INDEX IF NOT EXISTS meetings_municipality ON agendac_archive.meetings (municipality);
        CREATE INDEX IF NOT EXISTS treatments_case ON agendac_archive.treatments (municipality, case_key);
        CREATE INDEX IF NOT EXISTS treatments_case_key ON agendac_archive.treatments (case_key);
        ANALYZE agendac_archive.meetings;
        ANALYZE agendac_archive.items;
        ANALYZE agendac_archive.cases;
        ANALYZE agendac_archive.treatments;
        ANALYZE agendac_archive.files;

        """

    static let load = """
        -- Loads this export into PostgreSQL:  psql -d DATABASE -f load.sql
        -- One transaction: the municipalities' earlier rows are replaced, or nothing changes.
        \\set ON_ERROR_STOP on
        \\encoding UTF8
        SET client_min_messages = warning;
        BEGIN;
        \\ir schema.sql
        \\ir data/replace.sql
        \\ir data/meetings.sql
        \\ir data/items.sql
        \\ir data/cases.sql
        \\ir data/treatments.sql
        \\ir data/files.sql
        \\ir indexes.sql
        COMMIT;

        """
}
