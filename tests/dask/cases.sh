#!/usr/bin/env bash
# scripts/newsan-dask on a LocalCluster of 2 workers (loopback only), against one newsan
# process. Usage: cases.sh NEWSAN CASE. Each case_* function is one CTest test
# (tests/CMakeLists.txt); exit 0 pass, 77 skip (only when python3-distributed is absent).
set -uo pipefail
NEWSAN=$1
CASE=$2
SRC=${NEWSAN_SOURCE:?}
DASK=$SRC/scripts/newsan-dask
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1

/usr/bin/python3 -c 'import distributed' 2>/dev/null ||
  { echo "skip: python3-distributed is not installed (scripts/install-deps installs it)"; exit 77; }

fail() { echo "FAIL: $*" >&2; exit 1; }
# Small and slow-machine tolerant: 2 single-threaded workers, 256 MiB each, a bounded newsan run.
dask() { timeout 240 "$DASK" --workers 2 --memory-limit 256MiB --timeout 60 "$@"; }

# A feed of the project's own sample articles: each sample several times with a changed
# figure, with and without ids, a blank line, one malformed line, one invalid-UTF-8 record.
make_feed() {
  /usr/bin/python3 - "$SRC"/data/samples/*.txt >"$T/feed.jsonl" <<'PY'
import json, sys
out = sys.stdout.buffer
n = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for i in range(6):
        rec = {"text": text.replace("40", str(40 + i), 1)}
        if i % 2 == 0:
            rec["id"] = f"sample-{n}"
        n += 1
        out.write(json.dumps(rec, ensure_ascii=False).encode() + b"\n")
        if n == 3:
            out.write(b"\n{\"id\": \"broken\", \"text\": \n")
        if n == 5:
            out.write(b'{"id": "latin", "text": "Caf\xe9 owners protested on Monday."}\n')
out.write(json.dumps({"id": "last", "text": "Twelve buses were ordered."}).encode())  # no final newline
PY
  "$NEWSAN" -q --input-format jsonl --format jsonl "$T/feed.jsonl" >"$T/one" 2>/dev/null
  [ $? -eq 2 ] || fail "one newsan process: expected exit 2 (two bad records)"
  records=$(grep -c . "$T/one")
  [ "$records" -ge 9 ] || fail "feed too small: $records records"
}

case_dask_identical_to_one_process() {
  make_feed
  dask --partition-lines 3 "$T/feed.jsonl" >"$T/many" 2>"$T/err"
  rc=$?
  [ $rc -eq 2 ] || fail "exit $rc, expected 2 (error records): $(tail -c 600 "$T/err")"
  cmp -s "$T/one" "$T/many" || fail "records differ from one newsan process: $(diff "$T/one" "$T/many" | head -c 800)"
  grep -q "newsan-dask: $records records in, $records out, 2 errors (0 of [0-9]* partitions failed" "$T/err" ||
    fail "closing count: $(tail -c 400 "$T/err")"
  # The same records from stdin as one process reading stdin.
  "$NEWSAN" -q --input-format jsonl --format jsonl - <"$T/feed.jsonl" >"$T/one-stdin" 2>/dev/null
  dask -q --partition-lines 4 --output-dir "$T/parts" - <"$T/feed.jsonl" 2>"$T/err"
  [ $? -eq 2 ] || fail "--output-dir run: $(tail -c 600 "$T/err")"
  /usr/bin/python3 - "$T/parts" "$T/one-stdin" "$records" <<'PY' || fail "manifest or part files"
import json, os, sys
d, one, n = sys.argv[1], open(sys.argv[2], "rb").read(), int(sys.argv[3])
m = json.load(open(os.path.join(d, "manifest.json")))
joined = b"".join(open(os.path.join(d, p["file"]), "rb").read() for p in m["partitions"])
assert joined == one, "part files differ from one process reading stdin"
assert m["records_in"] == m["records_out"] == n and m["errors"] == 2, m
assert [p["partition"] for p in m["partitions"]] == list(range(len(m["partitions"]))), m
assert all(p["status"] == "ok" and p["records"] == p["records_in"] for p in m["partitions"]), m
PY
}

case_dask_failed_attempt_is_retried() {
  make_feed
  # The first newsan run of the partition starting at line 1 exits 3 (mkdir is atomic:
  # exactly one run fails); every other run is the real newsan.
  cat >"$T/flaky" <<SH
#!/usr/bin/env bash
case " \$* " in *" --first-line 1 "*) mkdir "$T/failed-once" 2>/dev/null && { cat >/dev/null; exit 3; } ;; esac
exec "$NEWSAN" "\$@"
SH
  chmod +x "$T/flaky"
  dask --newsan "$T/flaky" --retries 2 --partition-lines 4 "$T/feed.jsonl" >"$T/many" 2>"$T/err"
  [ -d "$T/failed-once" ] || fail "the flaky run never happened"
  cmp -s "$T/one" "$T/many" || fail "records differ after a retry: $(diff "$T/one" "$T/many" | head -c 800)"
  grep -q "records in, $records out, 2 errors (0 of [0-9]* partitions failed; 1 failed newsan runs)" "$T/err" ||
    fail "closing count: $(tail -c 400 "$T/err")"
}

case_dask_dead_worker_is_retried() {
  make_feed
  # The first run of the partition at line 1 kills the Dask worker that started it
  # (its parent): the nanny restarts the worker and the scheduler runs the task again.
  cat >"$T/killer" <<SH
#!/usr/bin/env bash
case " \$* " in *" --first-line 1 "*) mkdir "$T/killed" 2>/dev/null && { kill -9 \$PPID; exit 1; } ;; esac
exec "$NEWSAN" "\$@"
SH
  chmod +x "$T/killer"
  dask --newsan "$T/killer" --partition-lines 4 "$T/feed.jsonl" >"$T/many" 2>"$T/err"
  [ -d "$T/killed" ] || fail "no worker was killed"
  cmp -s "$T/one" "$T/many" || fail "records differ after a worker died: $(diff "$T/one" "$T/many" | head -c 800) $(tail -c 400 "$T/err")"
  grep -q "records in, $records out, 2 errors (0 of" "$T/err" || fail "closing count: $(tail -c 400 "$T/err")"
}

case_dask_failing_partition_gives_error_records() {
  make_feed
  cat >"$T/broken" <<SH
#!/usr/bin/env bash
case " \$* " in *" --first-line 1 "*) cat >/dev/null; echo "broken: simulated crash" >&2; exit 3 ;; esac
exec "$NEWSAN" "\$@"
SH
  chmod +x "$T/broken"
  dask --newsan "$T/broken" --retries 1 --partition-lines 4 "$T/feed.jsonl" >"$T/many" 2>"$T/err"
  rc=$?
  [ $rc -eq 2 ] || fail "exit $rc, expected 2"
  grep -q "partition 0 (lines 1-[0-9]* of $T/feed.jsonl) failed after 2 attempts: newsan exit code 3 broken: simulated crash" "$T/err" ||
    fail "no failure message: $(tail -c 600 "$T/err")"
  grep -q "records in, $records out, [0-9]* errors (1 of [0-9]* partitions failed; 2 failed newsan runs)" "$T/err" ||
    fail "closing count: $(tail -c 400 "$T/err")"
  /usr/bin/python3 - "$T/one" "$T/many" "$T/feed.jsonl" <<'PY' || fail "error records"
import json, sys
one = open(sys.argv[1], "rb").read().splitlines()
many = open(sys.argv[2], "rb").read().splitlines()
assert len(one) == len(many), (len(one), len(many))
failed = [json.loads(r) for r in many[:4]]
for k, r in enumerate(failed):
    # newsan's error-record shape, named as newsan names a bad line: stream:line
    assert set(r) == {"schema_version", "id", "error"} and set(r["error"]) == {"kind", "message"}, r
    assert r["error"]["kind"] == "partition" and r["schema_version"] == json.loads(one[-1])["schema_version"], r
    assert r["id"].startswith(sys.argv[3] + ":") and "simulated crash" in r["error"]["message"], r
assert [r["id"] for r in failed] == [f"{sys.argv[3]}:{n}" for n in (1, 2, 3, 5)], [r["id"] for r in failed]
assert many[4:] == one[4:], "the other partitions must be untouched"
PY
}

case_dask_files_from() {
  ls "$SRC"/data/samples/*.txt "$SRC"/tests/data/html/article.html >"$T/list"
  echo "$T/no-such-article.txt" >>"$T/list"
  "$NEWSAN" -q --format jsonl --files-from "$T/list" >"$T/one" 2>/dev/null
  dask --partition-lines 1 --files-from "$T/list" >"$T/many" 2>"$T/err"
  [ $? -eq 2 ] || fail "expected exit 2 (a missing article): $(tail -c 400 "$T/err")"
  cmp -s "$T/one" "$T/many" || fail "records differ: $(diff "$T/one" "$T/many" | head -c 800)"
}

case_dask_bad_usage() {
  "$DASK" --no-such-option >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "bad option: exit not 2"
  "$DASK" "$T/missing.jsonl" >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "missing feed: exit not 2"
  grep -q "missing.jsonl: no such file" "$T/err" || fail "message: $(cat "$T/err")"
}

"case_$CASE"
