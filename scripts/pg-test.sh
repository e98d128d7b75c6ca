#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1 for the store tests, installing
# the Debian package `postgresql` first when it is missing, and prints the
# DSN the tests read from DOSSIER_TEST_PG. Idempotent: a server already
# running is reused. Its data lives in $DOSSIER_PG_DATA (default
# /var/tmp/dossier-pg), apart from any system cluster, on port
# $DOSSIER_PG_PORT (default 54329).
#
#   export DOSSIER_TEST_PG=$(scripts/pg-test.sh)
#   go test ./...
set -euo pipefail
port=${DOSSIER_PG_PORT:-54329}
data=${DOSSIER_PG_DATA:-/var/tmp/dossier-pg}
db=dossier_test

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "pg-test.sh: PostgreSQL is not installed; run as root to install it (apt-get install postgresql)" >&2
		exit 1
	fi
	echo "pg-test.sh: installing postgresql" >&2
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
	bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# The server refuses to run as root: run it as the postgres user then.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

if [ ! -f "$data/PG_VERSION" ]; then
	mkdir -p "$data"
	[ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
	as_pg "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >&2
fi
if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
	as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >&2
fi
psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
	"${psql[@]}" -d postgres -c "CREATE DATABASE $db" >&2
fi
echo "postgres://postgres@127.0.0.1:$port/$db?sslmode=disable"
