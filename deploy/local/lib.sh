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

SERVICES=(intake-service assignment-service engagement-service health-service)

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

service_marker() {
  echo "$1/target/quarkus-app/quarkus-run.jar"
}
