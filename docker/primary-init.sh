#!/bin/sh
# Run once by the postgres image when it makes the primary's cluster: a role for the standby's replication
# connection, and the pg_hba line that lets it in.
set -e
psql -v ON_ERROR_STOP=1 -U postgres -d postgres \
  -c "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}'"
echo 'host replication replicator all scram-sha-256' >>"$PGDATA/pg_hba.conf"
