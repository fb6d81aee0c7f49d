# Helpers shared by the command-line case files (tests/cli/*cases.sh): a
# temporary directory $T removed on exit, and the checks every case uses.
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_exit CODE CMD… : runs CMD, checks its exit code, keeps stdout/stderr in $T/out, $T/err
expect_exit() {
  local want=$1; shift
  "$@" >"$T/out" 2>"$T/err"
  local got=$?
  [ "$got" -eq "$want" ] || fail "exit $got, expected $want: $* (stderr: $(head -c 400 "$T/err"))"
}
err_has() { grep -qF -- "$1" "$T/err" || fail "stderr lacks '$1': $(head -c 400 "$T/err")"; }
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" || fail "invalid JSON in $1"; }
