-- Loads this export into PostgreSQL:  psql -d DATABASE -f load.sql
-- One transaction: the municipalities' earlier rows are replaced, or nothing changes.
\set ON_ERROR_STOP on
\encoding UTF8
SET client_min_messages = warning;
BEGIN;
\ir schema.sql
\ir data/replace.sql
\ir data/meetings.sql
\ir data/items.sql
\ir data/cases.sql
\ir data/treatments.sql
\ir data/files.sql
\ir indexes.sql
COMMIT;
