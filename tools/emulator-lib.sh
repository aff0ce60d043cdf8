# shellcheck shell=bash
# Start and stop the local emulator (tests/emulator) as a background process. Sourced by
# tools/with-emulator.sh, and by an integration target that serves an emulator of its own
# (targets/tls: integration_config.yml names this file as emulator_lib).
#
#   emulator_start PYTHON SOURCE_DIR STATE_DIR [ARG...]
#       runs PYTHON SOURCE_DIR (tests/emulator, of the checkout or of an installed collection);
#       serves on a free loopback port, written to STATE_DIR/port (log: STATE_DIR/emulator.log),
#       ARGs passed to the emulator; sets emulator_pid; returns 1, with the end of the log on
#       stderr, when it exits or writes no port within 30 s
#   emulator_stop
#       TERM, KILL after 5 s; does nothing when no emulator was started or it already ended

emulator_pid=

emulator_start() {
  local python=$1 source_dir=$2 state_dir=$3
  shift 3
  # the command docs/docsite/rst/rehearse.rst gives: Python runs the folder's __main__.py (no PYTHONPATH)
  "$python" "$source_dir" --host 127.0.0.1 --port 0 \
    --port-file "$state_dir/port" "$@" >"$state_dir/emulator.log" 2>&1 &
  emulator_pid=$!
  local _
  for _ in $(seq 1 300); do
    [ -s "$state_dir/port" ] && break
    if ! kill -0 "$emulator_pid" 2>/dev/null; then
      echo "the emulator exited before it was listening; its log ($state_dir/emulator.log):" >&2
      tail -n 40 "$state_dir/emulator.log" >&2
      return 1
    fi
    sleep 0.1
  done
  if [ ! -s "$state_dir/port" ]; then
    echo "the emulator wrote no port file in 30 s; its log ($state_dir/emulator.log):" >&2
    tail -n 40 "$state_dir/emulator.log" >&2
    return 1
  fi
}

emulator_stop() {
  [ -n "$emulator_pid" ] || return 0
  if kill -0 "$emulator_pid" 2>/dev/null; then
    kill -TERM "$emulator_pid" 2>/dev/null || true
    local _
    for _ in $(seq 1 50); do
      kill -0 "$emulator_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$emulator_pid" 2>/dev/null || true
  fi
  wait "$emulator_pid" 2>/dev/null || true
  emulator_pid=
}
