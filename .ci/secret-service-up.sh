# Starts a private D-Bus session bus and a headless gnome-keyring Secret Service with a brand-new, unlocked
# "login" collection (the "default" alias), for the keychain tests. Source it, then stop it on exit:
#   . .ci/secret-service-up.sh && trap secret_service_down EXIT
# Safe under `set -euo pipefail`. Exports DBUS_SESSION_BUS_ADDRESS, XDG_DATA_HOME and XDG_RUNTIME_DIR.
SS_TMP="$(mktemp -d /tmp/ci-secrets.XXXXXX)"
export XDG_DATA_HOME="$SS_TMP/data"      # keyrings go to $XDG_DATA_HOME/keyrings: never reuse an old one
export XDG_RUNTIME_DIR="$SS_TMP/run"     # gnome-keyring's control socket goes to $XDG_RUNTIME_DIR/keyring
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
SS_DBUS_PID="" SS_KEYRING_PID=""
secret_service_down() {
  if [ -n "${SS_KEYRING_PID:-}" ]; then kill "$SS_KEYRING_PID" 2>/dev/null || true; wait "$SS_KEYRING_PID" 2>/dev/null || true; fi
  if [ -n "${SS_DBUS_PID:-}" ]; then kill "$SS_DBUS_PID" 2>/dev/null || true; fi
  rm -rf "${SS_TMP:?}"
  return 0
}
_ss_out="$(dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1)"
export DBUS_SESSION_BUS_ADDRESS="$(printf '%s\n' "$_ss_out" | sed -n 1p)"
SS_DBUS_PID="$(printf '%s\n' "$_ss_out" | sed -n 2p)"
# --unlock reads the password on stdin; on an empty XDG_DATA_HOME it creates the login keyring with it, so no
# prompter (which would need a display) is ever asked. --foreground with & keeps the PID ours.
printf '%s' "${CI_KEYRING_PASS:-ci-keyring-pass}" |
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$SS_TMP/gkd.log" 2>&1 &
SS_KEYRING_PID=$!
_ss_ok=""
for _ss_i in $(seq 1 100); do          # wait (at most about 10 s) until org.freedesktop.secrets is owned
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
       org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    _ss_ok=1; break
  fi
  sleep 0.1
done
if [ -z "$_ss_ok" ]; then
  echo "secret-service-up: gnome-keyring did not come up:" >&2; cat "$SS_TMP/gkd.log" >&2 || true
  secret_service_down; return 1 2>/dev/null || exit 1
fi
unset _ss_out _ss_i _ss_ok
