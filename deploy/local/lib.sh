# Shared by deploy/local/* scripts: where things live and how to tell what runs.
# shellcheck shell=bash

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FASTTRACK_HOME=${FASTTRACK_HOME:-$REPO_ROOT/.fasttrack}
mkdir -p "$FASTTRACK_HOME"
FASTTRACK_HOME=$(cd "$FASTTRACK_HOME" && pwd)
RUN_DIR=$FASTTRACK_HOME/run
LOG_DIR=$FASTTRACK_HOME/logs
DATA_DIR=$FASTTRACK_HOME/data

KAFKA_PORT=${FASTTRACK_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${FASTTRACK_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
PARTITIONS=${FASTTRACK_PARTITIONS:-3}

# The key pair of the local stack's bearer tokens: start creates it, services read the public half
# (mp.jwt.verify.publickey.location defaults to ${fasttrack.home}/keys/jwt-public.pem), token signs.
KEYS_DIR=$FASTTRACK_HOME/keys
jwt_private_key() { echo "$KEYS_DIR/jwt-private.pem"; }
jwt_public_key() { echo "$KEYS_DIR/jwt-public.pem"; }

SERVICES=(intake-service assignment-service engagement-service health-service)

# The console: a browser UI over the four services' APIs. It has no database, no topics and no projection, so it
# is no member of SERVICES (databases, replay, topics); start launches it after the services, stop stops it with them.
CONSOLE=console
CONSOLE_PORT=${FASTTRACK_CONSOLE_PORT:-8080}

# JVM options of every service (FASTTRACK_SERVICE_JAVA_OPTS replaces them all): serial GC and capped metaspace,
# code cache, direct memory and thread stacks. The heap starts at 32 MB and may grow to 256 MB: a heap that starts at
# its cap has its young generation touched, and resident, within seconds, while the live set of a fresh service is
# about 30 MB. It does grow with the state: in the 40-minute benchmark (170,000 requests, none completed) a 160 MB
# cap left assignment-service 27 of 30 s in full collections by the last round (BENCHMARKS.md).
# Only the C1 JIT (TieredStopAtLevel=1), measured again in steady state (BENCHMARKS.md, "JIT"): after a 60 s
# warm-up, C2 still spent the next minutes compiling in all four JVMs, so at 500 req/s a request cost 10.7 ms of CPU
# with C2 and 9.0 with C1 alone, one at a time took 92 ms instead of 37, and each service took 60 MB more memory.
JVM_CAPS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m \
-XX:MaxDirectMemorySize=64m -Xss512k"
DEFAULT_SERVICE_JAVA_OPTS="-Xms32m -Xmx256m $JVM_CAPS"
SERVICE_JAVA_OPTS=${FASTTRACK_SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS}
# The console's (FASTTRACK_CONSOLE_JAVA_OPTS replaces them): the same caps and a smaller heap, since it keeps no
# state of its own, only the pages it is rendering.
DEFAULT_CONSOLE_JAVA_OPTS="-Xms16m -Xmx128m $JVM_CAPS"
CONSOLE_JAVA_OPTS=${FASTTRACK_CONSOLE_JAVA_OPTS:-$DEFAULT_CONSOLE_JAVA_OPTS}
# The broker's JVM options (FASTTRACK_KAFKA_JAVA_OPTS replaces them): it keeps records in the page cache, not its heap.
KAFKA_JAVA_OPTS=${FASTTRACK_KAFKA_JAVA_OPTS:--Xms64m -Xmx256m}
# FASTTRACK_SERVICE_CDS=on: each service, and the console, starts from an AppCDS archive of its classes, made at its
# first stop ($FASTTRACK_HOME/cds, one per build of its jar); a service starts in about 3.3 s instead of 4.3 s
# (BENCHMARKS.md).
SERVICE_CDS=${FASTTRACK_SERVICE_CDS:-off}

service_port() {
  case $1 in
    intake-service) echo "${FASTTRACK_INTAKE_PORT:-8081}" ;;
    assignment-service) echo "${FASTTRACK_ASSIGNMENT_PORT:-8082}" ;;
    engagement-service) echo "${FASTTRACK_ENGAGEMENT_PORT:-8083}" ;;
    health-service) echo "${FASTTRACK_HEALTH_PORT:-8084}" ;;
  esac
}

# The topic names every service uses: the defaults in shared-events, each overridable by
# FASTTRACK_TOPIC_<NAME> exactly as the services read them.
topic_names() {
  local key value env
  while IFS='=' read -r key value; do
    [[ $key =~ ^fasttrack\.topic\.([a-z]+)$ ]] || continue
    env=FASTTRACK_TOPIC_${BASH_REMATCH[1]^^}
    echo "${!env:-$value}"
  done < "$REPO_ROOT/shared-events/src/main/resources/META-INF/microprofile-config.properties"
}

# pid of a process start launched, if it still runs and is still ours (pid files can go stale).
running_pid() {
  local name=$1 marker=$2 pid
  [[ -f $RUN_DIR/$name.pid ]] || return 1
  pid=$(<"$RUN_DIR/$name.pid")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$marker" || return 1
  echo "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# What identifies a running service (or the console) in its command line, whichever database flavour it was built for.
service_marker() {
  echo "$1/target/"
}

# H2 (default) or postgres: FASTTRACK_DB=postgres runs every service on its own PostgreSQL database.
FASTTRACK_DB=${FASTTRACK_DB:-h2}
case $FASTTRACK_DB in h2|postgres) ;; *) echo "FASTTRACK_DB must be h2 or postgres" >&2; exit 2 ;; esac
PG_PORT=${FASTTRACK_POSTGRES_PORT:-55432}

# Whether the postgres user can reach a directory, or the nearest existing parent it would be created in.
postgres_reaches() {
  local dir=$1
  while [[ ! -e $dir ]]; do dir=$(dirname "$dir"); done
  runuser -u postgres -- test -x "$dir"
}

# The PostgreSQL cluster lives in $FASTTRACK_HOME/postgres. As root its server runs as the postgres user, which
# cannot reach a FASTTRACK_HOME under a private directory (a checkout in a `mktemp -d` directory): the cluster then
# lives under /tmp, named after FASTTRACK_HOME, and $FASTTRACK_HOME/postgres.location records it.
PG_DIR=$FASTTRACK_HOME/postgres
if ((EUID == 0)) && id -u postgres >/dev/null 2>&1 && ! postgres_reaches "$FASTTRACK_HOME"; then
  PG_DIR=${TMPDIR:-/tmp}/fasttrack-postgres-$(printf '%s' "$FASTTRACK_HOME" | sha1sum | cut -c1-12)
fi

# The built jar of a service: the H2 build, or the build made with the postgres profile.
service_jar() {
  if [[ $FASTTRACK_DB == postgres ]]; then
    echo "$REPO_ROOT/$1/target/postgres/quarkus-run.jar"
  else
    echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"
  fi
}

# The console runs from its one build whatever FASTTRACK_DB says: it has no database.
console_jar() {
  echo "$REPO_ROOT/$CONSOLE/target/quarkus-app/quarkus-run.jar"
}

service_database() {
  echo "fasttrack_${1%-service}"
}

pg_bin() {
  local bin=${FASTTRACK_POSTGRES_BIN:-}
  [[ -n $bin ]] || bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -x $bin/initdb ]] || { echo "PostgreSQL not found: apt-get install -y postgresql" >&2; exit 1; }
  echo "$bin"
}

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_postgres() {
  # from /, which the postgres user can always enter, whatever directory the caller is in
  if ((EUID == 0)); then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

psql_admin() {
  as_postgres "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

# The classpath of a Kafka broker and its tools, resolved once from Maven Central (deploy/local/broker/pom.xml).
kafka_classpath() {
  local cp_file=$FASTTRACK_HOME/kafka/classpath.txt
  mkdir -p "$FASTTRACK_HOME/kafka"
  if [[ ! -s $cp_file || $REPO_ROOT/deploy/local/broker/pom.xml -nt $cp_file ]]; then
    echo "resolving the Kafka broker from Maven Central..." >&2
    "$REPO_ROOT/mvnw" -B -q -f "$REPO_ROOT/deploy/local/broker/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
  fi
  cat "$cp_file"
}

# Stops a process start launched (TERM, then KILL after 30 s) and forgets its pid file.
stop_process() {
  local name=$1 marker=$2 pid
  if ! pid=$(running_pid "$name" "$marker"); then
    rm -f "$RUN_DIR/$name.pid"
    return
  fi
  echo "stopping $name (pid $pid)..."
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$RUN_DIR/$name.pid"; return; }
    sleep 0.5
  done
  echo "$name did not stop in 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$RUN_DIR/$name.pid"
}
