-- Gapfill's database on the PostgreSQL primary: the roles, the database, and
-- PostGIS (an extension only a superuser may create). Safe to run again.
--   runuser -u postgres -- psql -v ON_ERROR_STOP=1 -f create-database.sql
-- Then give the roles their passwords, typed, never on a command line:
--   runuser -u postgres -- psql -c '\password gapfill'
--   runuser -u postgres -- psql -c '\password replicator'

SELECT 'CREATE ROLE gapfill LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gapfill') \gexec
SELECT 'CREATE ROLE replicator LOGIN REPLICATION'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'replicator') \gexec

-- Text sorts by code point, as SQLite's BINARY collation does, so both
-- backends order names the same way.
SELECT 'CREATE DATABASE gapfill OWNER gapfill ENCODING ''UTF8'' TEMPLATE template0'
       ' LC_COLLATE ''C'' LC_CTYPE ''C.UTF-8'''
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'gapfill') \gexec

\connect gapfill
CREATE EXTENSION IF NOT EXISTS postgis;
-- Nobody but the owner creates objects in the public schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
