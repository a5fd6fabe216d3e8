#!/usr/bin/env bash
# Runs a command with a real, private Secret Service: a fresh D-Bus session bus (dbus-run-session) and an
# unlocked gnome-keyring-daemon whose keyring lives in a temp folder removed afterwards. The user's own
# keychain is never touched. Used by the tests of electron/services/secrets (keytar against a real keychain).
#
#   scripts/with-keyring.sh npx vitest run --project integration test/integration/secrets
#
# Needs Debian packages: dbus (dbus-run-session, dbus-send), gnome-keyring. Works as root in a container
# (no X display: the keyring is unlocked from stdin, so no prompt is ever needed).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args…]" >&2
  exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool not found (apt-get install dbus gnome-keyring)" >&2
    exit 127
  fi
done

home="$(mktemp -d "${TMPDIR:-/tmp}/clets-keyring.XXXXXX")"
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/data" "$home/runtime"
chmod 700 "$home" "$home/runtime"

# The bus and the keyring daemon see the temp folders; the command gets back the caller's XDG variables.
export CLETS_KEYRING_SAVED_DATA_HOME="${XDG_DATA_HOME-__unset__}"
export CLETS_KEYRING_SAVED_RUNTIME_DIR="${XDG_RUNTIME_DIR-__unset__}"

XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/runtime" dbus-run-session -- bash -c '
  set -euo pipefail
  # Creates the "login" collection with this password and unlocks it (stdin, no prompt).
  printf %s "clets-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # Bounded wait until the daemon owns org.freedesktop.secrets on this bus (at most 10 s).
  for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      ready=1; break
    fi
    sleep 0.1
  done
  if [ "${ready:-0}" != 1 ]; then echo "with-keyring: gnome-keyring-daemon did not appear on the bus" >&2; exit 1; fi
  if [ "$CLETS_KEYRING_SAVED_DATA_HOME" = __unset__ ]; then unset XDG_DATA_HOME; else export XDG_DATA_HOME="$CLETS_KEYRING_SAVED_DATA_HOME"; fi
  if [ "$CLETS_KEYRING_SAVED_RUNTIME_DIR" = __unset__ ]; then unset XDG_RUNTIME_DIR; else export XDG_RUNTIME_DIR="$CLETS_KEYRING_SAVED_RUNTIME_DIR"; fi
  unset CLETS_KEYRING_SAVED_DATA_HOME CLETS_KEYRING_SAVED_RUNTIME_DIR
  export CLETS_TEST_KEYRING=1
  exec "$@"
' with-keyring "$@"
