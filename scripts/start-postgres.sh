#!/usr/bin/env bash
# Start a local PostgreSQL for the test suite and print the line that exports its URL.
#
#   eval "$(scripts/start-postgres.sh)"    # sets CLAIMGRAPH_TEST_PG_URL
#
# Idempotent: reuses a server already answering pg_isready, otherwise starts (or creates)
# a Debian cluster with pg_ctlcluster. Then makes sure the role and the database exist.
# Works as root (or as postgres, or with sudo) on Debian after `apt-get install postgresql`.
# Only the export line goes to stdout; progress goes to stderr. Values must be URL-safe.
set -euo pipefail

PG_USER=${CLAIMGRAPH_PG_USER:-claimgraph}
PG_PASSWORD=${CLAIMGRAPH_PG_PASSWORD:-claimgraph}
PG_DB=${CLAIMGRAPH_PG_DB:-claimgraph_test}
PG_HOST=${CLAIMGRAPH_PG_HOST:-127.0.0.1}
PG_PORT=${CLAIMGRAPH_PG_PORT:-5432}
PG_CLUSTER=${CLAIMGRAPH_PG_CLUSTER:-main}  # name of a cluster created when none exists

log() { echo "start-postgres: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Run a command as the postgres system user (peer authentication on the local socket).
as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        (cd /tmp && "$@")
    elif [ "$(id -u)" = 0 ]; then
        if command -v runuser >/dev/null 2>&1; then
            (cd /tmp && runuser -u postgres -- "$@")
        else
            (cd /tmp && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
        fi
    else
        (cd /tmp && sudo -n -u postgres -- "$@")
    fi
}

ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" >/dev/null 2>&1; }

# pg_isready and psql live in /usr/bin via postgresql-common wrappers; fall back to the
# newest server's bin directory when the wrappers are missing.
if ! command -v pg_isready >/dev/null 2>&1; then
    newest=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$newest" ] || die "PostgreSQL is not installed (apt-get install -y postgresql)"
    PATH="/usr/lib/postgresql/$newest/bin:$PATH"
fi

if ready; then
    log "reusing the server answering on $PG_HOST:$PG_PORT"
else
    command -v pg_lsclusters >/dev/null 2>&1 \
        || die "no server on $PG_HOST:$PG_PORT and no pg_lsclusters (postgresql-common)"
    # Columns: version cluster port status owner datadir logfile
    cluster=$(pg_lsclusters --no-header | awk -v p="$PG_PORT" '$3 == p {print $1, $2; exit}')
    if [ -z "$cluster" ]; then
        other=$(pg_lsclusters --no-header | awk 'NR == 1 {print $1, $2, $3}')
        if [ -n "$other" ]; then
            set -- $other
            log "no cluster on port $PG_PORT; using cluster $1/$2 on port $3"
            cluster="$1 $2"
            PG_PORT=$3
        else
            version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
            [ -n "$version" ] || die "PostgreSQL server binaries not found"
            log "creating cluster $version/$PG_CLUSTER on port $PG_PORT"
            pg_createcluster "$version" "$PG_CLUSTER" --port "$PG_PORT" >&2
            cluster="$version $PG_CLUSTER"
        fi
    fi
    set -- $cluster
    if ! ready; then
        log "starting cluster $1/$2"
        # pg_ctlcluster refuses to run as an arbitrary user; root or postgres is fine.
        if [ "$(id -u)" = 0 ] || [ "$(id -un)" = postgres ]; then
            pg_ctlcluster "$1" "$2" start >&2 || true
        else
            sudo -n pg_ctlcluster "$1" "$2" start >&2 || true
        fi
    fi
    for _ in $(seq 1 60); do
        ready && break
        sleep 0.5
    done
    ready || die "PostgreSQL did not come up on $PG_HOST:$PG_PORT (see /var/log/postgresql/)"
    log "server ready on $PG_HOST:$PG_PORT"
fi

# Role and database: skip when they already work, otherwise create them as postgres.
if PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" \
    -U "$PG_USER" -d "$PG_DB" -c 'SELECT 1' >/dev/null 2>&1; then
    log "role $PG_USER and database $PG_DB already usable"
else
    log "creating role $PG_USER and database $PG_DB"
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
        -v user="$PG_USER" -v pw="$PG_PASSWORD" -v db="$PG_DB" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pw')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
    PGPASSWORD=$PG_PASSWORD psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
        -d "$PG_DB" -c 'SELECT 1' >/dev/null \
        || die "cannot connect as $PG_USER to $PG_DB over TCP (check pg_hba.conf)"
fi

echo "export CLAIMGRAPH_TEST_PG_URL=postgresql://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DB"
