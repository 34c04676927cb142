#!/usr/bin/env bash
# Deploy gate on Ratchet's status command: runs the application with --ratchet.command=status and
# turns its exit code into a pipeline decision.
#
#   status-gate.sh [--allow-pending] <command that starts the application...>
#   status-gate.sh java -jar target/app.jar                  # after the migrate Job: must be up to date
#   status-gate.sh --allow-pending java -jar target/app.jar  # before it: pending work is expected
#   status-gate.sh kubectl run chat-status --rm -i --restart=Never --image=chat-service:1.0.0 --env=... --
#
# Exit codes of status (the contract): 0 up to date, 1 pending work, 2 invalid or failed, 3 could not
# run. The gate exits 0 to proceed and repeats status's own code otherwise, so a caller may branch on it.
set -uo pipefail

allow_pending=false
if [[ "${1:-}" == "--allow-pending" ]]; then
  allow_pending=true
  shift
fi
if [[ $# -eq 0 ]]; then
  echo "usage: $0 [--allow-pending] <command that starts the application...>" >&2
  exit 64
fi

"$@" --ratchet.command=status
code=$?

case $code in
  0) echo "ratchet gate: schema up to date" >&2; exit 0 ;;
  1) if $allow_pending; then
       echo "ratchet gate: pending migrations (allowed before the migrate Job)" >&2; exit 0
     fi
     echo "ratchet gate: pending migrations; run the migrate Job first" >&2; exit 1 ;;
  2) echo "ratchet gate: a migration is invalid or failed; see the report above, fix it, then repair" >&2; exit 2 ;;
  3) echo "ratchet gate: status could not run (connection, lock or configuration)" >&2; exit 3 ;;
  *) echo "ratchet gate: unexpected exit code $code from the status command" >&2; exit "$code" ;;
esac
