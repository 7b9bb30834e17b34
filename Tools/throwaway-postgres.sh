# Sourced by the benchmark scripts (bench-peers.sh, bench-postgis-store.sh, compare-pgrouting.sh): a throwaway
# PostgreSQL 15 in WORK/pgdata on a free loopback port, stopped when the script exits. As root it runs as
# `postgres` (initdb refuses root). Sets `port`, `pgbin`, `pgdata`, `as_pg` and `psql` (a psql command line as
# the superuser on that server).
#
#   start_throwaway_postgres WORK [SERVER OPTION ...]     e.g. -c shared_buffers=512MB
start_throwaway_postgres() {
    local work=$1; shift
    pgbin=/usr/lib/postgresql/15/bin
    pgdata=$work/pgdata
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg=()
    if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); chown -R postgres "$work"; fi
    rm -rf "$pgdata"
    "${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres -A trust >/dev/null
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 $*" -l "$work/pg.log" -w start >&2
    trap '"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >&2 || true' EXIT
    psql=(psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
}
