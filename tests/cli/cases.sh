#!/usr/bin/env bash
# Command-line tests. Usage: cases.sh NEWSAN CASE. Each case_* function is one
# CTest test (registered by tests/CMakeLists.txt); exit 0 pass, 77 skip, else fail.
set -uo pipefail
NEWSAN=$1
CASE=$2
SRC=${NEWSAN_SOURCE:?}
SHARED=${NEWSAN_SHARED:-$SRC/../shared}
SAMPLE=$SRC/data/samples/harbour-strike.txt
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

case_help() { expect_exit 0 "$NEWSAN" --help; grep -q "Exit codes" "$T/out" || fail "help lacks exit codes"; }
case_version() { expect_exit 0 "$NEWSAN" --version; grep -q "newsan" "$T/out" || fail "no version"; }
case_train_and_eval_ner() {
  for d in 1 2 3; do
    printf -- '-DOCSTART- -X- -X- O\n\n'
    printf 'Anna NNP B-NP B-PER\nBerg NNP I-NP I-PER\nvisited VBD B-VP O\nOslo NNP B-NP B-LOC\n. . O O\n\n'
    printf 'Omar NNP B-NP B-PER\nDiaz NNP I-NP I-PER\nleft VBD B-VP O\nLima NNP B-NP B-LOC\n. . O O\n\n'
  done >"$T/tiny.conll"
  expect_exit 0 "$NEWSAN" train-ner --train "$T/tiny.conll" --dev "$T/tiny.conll" --epochs 4 -o "$T/m.bin"
  err_has "dev F1"
  expect_exit 0 "$NEWSAN" eval-ner --model "$T/m.bin" "$T/tiny.conll"
  grep -q "^overall *1.0000 *1.0000 *1.0000" "$T/out" || fail "tiny corpus not learned: $(cat "$T/out")"
  head -c 1000 "$T/m.bin" >"$T/cut.bin"
  expect_exit 2 "$NEWSAN" eval-ner --model "$T/cut.bin" "$T/tiny.conll"; err_has "truncated"
  expect_exit 2 "$NEWSAN" eval-ner --model "$T/m.bin" "$T/missing.conll"; err_has "missing.conll"
}
case_bad_option() { expect_exit 2 "$NEWSAN" --no-such-option "$SAMPLE"; }
case_bad_format() { expect_exit 2 "$NEWSAN" --format xml "$SAMPLE"; }
case_bad_date() {
  expect_exit 2 "$NEWSAN" --date 2024-02-30 "$SAMPLE"; err_has "--date"
  expect_exit 2 "$NEWSAN" --date yesterday "$SAMPLE"
}
case_text_report() {
  expect_exit 0 "$NEWSAN" --color never "$SAMPLE"
  grep -q "Dockworkers End Nine-Day Strike" "$T/out" || fail "no headline"
  grep -q "Figures" "$T/out" || fail "no figures section"
  if grep -q $'\x1b\[' "$T/out"; then fail "colour with --color never"; fi
}
case_color_always() {
  expect_exit 0 "$NEWSAN" --color always "$SAMPLE"
  grep -q $'\x1b\[' "$T/out" || fail "no colour with --color always"
  NO_COLOR=1 "$NEWSAN" "$SAMPLE" >"$T/out" 2>&1
  if grep -q $'\x1b\[' "$T/out"; then fail "colour despite NO_COLOR"; fi
}
case_markdown() {
  expect_exit 0 "$NEWSAN" --format markdown "$SAMPLE"
  head -1 "$T/out" | grep -q "^# Dockworkers" || fail "markdown heading missing"
}
case_json_analyze_subcommand() {
  expect_exit 0 "$NEWSAN" analyze --format json "$SAMPLE"; json_ok "$T/out"
  python3 - "$T/out" "$SAMPLE" <<'PY' || fail "JSON shape"
import json, sys
j = json.load(open(sys.argv[1])); data = open(sys.argv[2], 'rb').read()
assert j["schema_version"] and j["document"]["title"].startswith("Dockworkers")
assert j["document"]["source"] == "www.example-wire.org"
for k in ("entities", "figures", "dates", "sentences", "counts"): assert k in j, k
spans = [m for e in j["entities"] for m in e["mentions"]] + j["figures"] + j["dates"]
assert spans
for s in spans:
    assert 0 <= s["start"] < s["end"] <= len(data), s
    assert data[s["start"]:s["end"]].decode() == s["text"], s
PY
}
case_stdin() {
  "$NEWSAN" --format json - <"$SAMPLE" >"$T/a" 2>"$T/err" || fail "stdin with -"
  "$NEWSAN" --format json <"$SAMPLE" >"$T/b" 2>"$T/err" || fail "stdin without file"
  json_ok "$T/a"; cmp -s "$T/a" "$T/b" || fail "'-' and no file differ"
}
case_output_file() {
  expect_exit 0 "$NEWSAN" --format json -o "$T/o.json" "$SAMPLE"; json_ok "$T/o.json"
  [ ! -s "$T/out" ] || fail "stdout not empty with -o"
}
case_output_unwritable() {
  mkdir "$T/ro"; chmod 555 "$T/ro"
  if [ "$(id -u)" -eq 0 ]; then
    expect_exit 2 "$NEWSAN" -o /proc/version "$SAMPLE"
  else
    expect_exit 2 "$NEWSAN" -o "$T/ro/x.json" "$SAMPLE"
  fi
}
case_output_full_disk() {
  [ -w /dev/full ] || exit 77
  expect_exit 2 "$NEWSAN" --format json -o /dev/full "$SAMPLE"; err_has "/dev/full"
}
case_missing_file() { expect_exit 2 "$NEWSAN" "$T/nope.txt"; err_has "nope.txt: no such file"; }
case_directory() {
  mkdir "$T/empty"; expect_exit 2 "$NEWSAN" "$T/empty"; err_has "empty: directory holds no files"
  expect_exit 2 "$NEWSAN" --files-from "$T"; err_has "is a directory"
}
case_invalid_utf8() {
  printf 'Good text here.\nBad byte \xff here.\n' >"$T/bad.txt"
  expect_exit 2 "$NEWSAN" "$T/bad.txt"; err_has "bad.txt: invalid UTF-8 at byte offset 25"
  expect_exit 0 "$NEWSAN" --lossy --format json "$T/bad.txt"; json_ok "$T/out"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["document"]; assert d["replaced_sequences"]==1' "$T/out" \
    || fail "lossy did not count the replacement"
}
case_binary() { printf 'abc\0def' >"$T/bin"; expect_exit 2 "$NEWSAN" "$T/bin"; err_has "binary"; }
case_empty() {
  : >"$T/empty.txt"; expect_exit 0 "$NEWSAN" --format json "$T/empty.txt"; json_ok "$T/out"
  printf '  \n\t\n' >"$T/ws.txt"; expect_exit 0 "$NEWSAN" --format json "$T/ws.txt"
  python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["entities"]==[] and j["counts"]["words"]==0' "$T/out" \
    || fail "whitespace input not empty"
}
case_max_bytes() {
  expect_exit 2 "$NEWSAN" --max-bytes 100 "$SAMPLE"; err_has "max-bytes"
  expect_exit 2 sh -c "cat '$SAMPLE' | '$NEWSAN' --max-bytes 100 -"; err_has "max-bytes"
}
case_bom_crlf() {
  printf '\xef\xbb\xbfFirst line of a story\r\nThe mayor of Lyon said on Monday that 40 people left.\r\n' >"$T/bom.txt"
  expect_exit 0 "$NEWSAN" --format json "$T/bom.txt"; json_ok "$T/out"
  python3 - "$T/out" "$T/bom.txt" <<'PY' || fail "BOM offsets"
import json, sys
j = json.load(open(sys.argv[1])); data = open(sys.argv[2], 'rb').read()[3:]
assert j["document"]["text_offset"] == 3
for f in j["figures"]: assert data[f["start"]:f["end"]].decode() == f["text"]
PY
}
case_utf16_refused_and_converted() {
  printf '\xff\xfeH\0i\0 \0t\0h\0e\0r\0e\0' >"$T/u16.txt"
  expect_exit 2 "$NEWSAN" "$T/u16.txt"; err_has "UTF-16"
  expect_exit 0 "$NEWSAN" --encoding utf-16 --format json "$T/u16.txt"; json_ok "$T/out"
}
case_latin1() {
  printf 'Caf\xe9 owners in Montr\xe9al said 12 shops closed.\n' >"$T/l1.txt"
  expect_exit 2 "$NEWSAN" "$T/l1.txt"; err_has "Latin-1"
  expect_exit 0 "$NEWSAN" --encoding latin-1 --format json "$T/l1.txt"; grep -q "Montréal" "$T/out" || fail "not converted"
}
case_bad_encoding_name() { expect_exit 2 "$NEWSAN" --encoding ebcdic "$SAMPLE"; err_has "unknown encoding"; }
case_broken_pipe() {
  # The reader closes the pipe after one line; newsan must end quietly with 0.
  big="$T/big.txt"; for i in $(seq 1 300); do cat "$SAMPLE"; done >"$big"
  out=$( { "$NEWSAN" --format json "$big" "$big" "$big" 2>"$T/err"; echo "rc=$?" >"$T/rc"; } | head -c 10)
  [ "$(cat "$T/rc")" = "rc=0" ] || fail "broken pipe gave $(cat "$T/rc"), stderr: $(cat "$T/err")"
  [ ! -s "$T/err" ] || fail "broken pipe printed: $(cat "$T/err")"
}
case_batch_continues() {
  expect_exit 2 "$NEWSAN" --format jsonl "$SAMPLE" "$T/missing.txt" "$SAMPLE"
  [ "$(wc -l <"$T/out")" -eq 3 ] || fail "expected 3 JSONL records, got $(wc -l <"$T/out")"
  sed -n 2p "$T/out" | grep -q '"error"' || fail "no error record for the missing input"
  err_has "missing.txt"
}
case_schema() {
  expect_exit 0 "$NEWSAN" schema; json_ok "$T/out"
  "$NEWSAN" --format json "$SAMPLE" >"$T/doc.json" || fail "analyze"
  python3 "$SRC/tests/cli/validate_schema.py" "$T/out" "$T/doc.json" || fail "output does not follow the schema"
}
case_data_dir_override() {
  expect_exit 2 "$NEWSAN" --data-dir "$T" "$SAMPLE"; err_has "data directory"
  NEWSAN_DATA="$T" "$NEWSAN" "$SAMPLE" >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "bad NEWSAN_DATA accepted"
  expect_exit 0 "$NEWSAN" --data-dir "$SRC/data" "$SAMPLE"
}
case_seed_article() {
  [ -x "$SHARED/eval/check-seed" ] || { echo "skip: $SHARED/eval not present"; exit 77; }
  "$SHARED/eval/check-seed" --newsan "$NEWSAN" >"$T/seed" 2>&1 || true
  cat "$T/seed"
  for n in 9 10 11 12 13 14; do grep -Eq "^PASS +$n " "$T/seed" || fail "check-seed $n"; done
}

case_jsonl_input() {
  printf '%s\n' '{"id":"one","text":"About 3,400 workers struck on Monday.","date":"2024-05-08"}' \
    '{not json' '' '{"id":"three","text":"Police detained 23 protesters."}' >"$T/feed.jsonl"
  expect_exit 2 "$NEWSAN" --format jsonl "$T/feed.jsonl"
  [ "$(wc -l <"$T/out")" -eq 3 ] || fail "expected 3 records (2 articles + 1 error), got $(wc -l <"$T/out")"
  python3 - "$T/out" <<'PY' || fail "records"
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
assert r[0]["document"]["id"] == "one" and r[0]["document"]["date"] == "2024-05-08", r[0]["document"]
assert r[0]["document"]["date_origin"] == "input"
assert "error" in r[1] and r[1]["id"].endswith("feed.jsonl:2"), r[1]
assert r[2]["document"]["id"] == "three"
PY
  err_has "feed.jsonl:2: malformed JSON"
  # from stdin, forced
  "$NEWSAN" --input-format jsonl --format jsonl - <"$T/feed.jsonl" >"$T/out2" 2>/dev/null
  [ "$(wc -l <"$T/out2")" -eq 3 ] || fail "stdin JSONL"
}
case_jobs_identical_output() {
  mkdir -p "$T/in/sub"
  for i in $(seq 1 30); do sed "s/nearly 40/nearly $i/" "$SAMPLE" >"$T/in/sub/a$i.txt"; done
  printf 'bad \xff byte' >"$T/in/bad.txt"
  "$NEWSAN" -q --format jsonl -j 1 "$T/in" >"$T/j1" 2>/dev/null; rc1=$?
  "$NEWSAN" -q --format jsonl -j 3 "$T/in" >"$T/j3" 2>/dev/null; rc3=$?
  [ $rc1 -eq 2 ] && [ $rc3 -eq 2 ] || fail "exit codes $rc1 $rc3"
  [ "$(wc -l <"$T/j1")" -eq 31 ] || fail "expected 31 records"
  cmp -s "$T/j1" "$T/j3" || fail "-j 1 and -j 3 differ"
}
case_files_from_and_glob() {
  mkdir -p "$T/d"; cp "$SAMPLE" "$T/d/a.txt"; cp "$SAMPLE" "$T/d/b.md"
  printf '%s\n' "$T/d/a.txt" '# comment' "$T/d/b.md" >"$T/list"
  expect_exit 0 "$NEWSAN" --format jsonl --files-from "$T/list"; [ "$(wc -l <"$T/out")" -eq 2 ] || fail "files-from"
  expect_exit 0 "$NEWSAN" --format jsonl --glob '*.txt' "$T/d"; [ "$(wc -l <"$T/out")" -eq 1 ] || fail "glob"
  echo "$T/d/a.txt" | "$NEWSAN" --format jsonl --files-from - >"$T/out" 2>"$T/err" || fail "files-from stdin"
  [ "$(wc -l <"$T/out")" -eq 1 ] || fail "files-from - count"
}
case_stats() {
  expect_exit 0 "$NEWSAN" -q --stats --format jsonl "$SAMPLE" "$SAMPLE"
  grep -Eq "2 documents, [0-9]+ words, .* 0 errors" "$T/err" || fail "stats: $(cat "$T/err")"
}
case_gnu_parallel_pipe() {
  command -v parallel >/dev/null || { echo "skip: GNU parallel not installed"; exit 77; }
  python3 - "$SAMPLE" >"$T/feed.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
for i in range(40):
    print(json.dumps({"id": f"doc{i}", "text": text.replace("nearly 40", f"nearly {i}")}))
PY
  "$NEWSAN" -q --input-format jsonl --format jsonl - <"$T/feed.jsonl" >"$T/one" || fail "single process"
  parallel --will-cite --pipe --keep-order -N 7 "'$NEWSAN' -q --input-format jsonl --format jsonl -j 1 -" \
    <"$T/feed.jsonl" >"$T/many" || fail "parallel"
  cmp -s "$T/one" "$T/many" || fail "parallel --pipe output differs from one process"
}
HTML_DIR=$SRC/tests/data/html
case_read_html() {
  expect_exit 0 "$NEWSAN" read "$HTML_DIR/article.html"; json_ok "$T/out"
  python3 - "$T/out" <<'PY' || fail "read JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))["document"]
assert d["format"] == "html" and d["title"] == "Harbour Strike Ends After Nine Days", d
assert d["text"].startswith("Dockworkers at the port of Valmare"), d["text"][:80]
assert d["authors"] == ["Ana Ferreira", "Tom Okafor"] and d["date"] == "2024-03-05"
PY
  expect_exit 0 "$NEWSAN" read --format text "$HTML_DIR/article.html"
  grep -q "^Title: Harbour Strike Ends After Nine Days" "$T/out" || fail "text: no title line"
  "$NEWSAN" read - <"$HTML_DIR/article.html" >"$T/out" 2>"$T/err" || fail "read from stdin"
  grep -q '"format": "html"' "$T/out" || fail "stdin page not detected as HTML"
}
case_read_html_bad_charset() {
  expect_exit 2 "$NEWSAN" read "$HTML_DIR/shift-jis.html"; err_has "Shift_JIS"
}
case_analyze_html_offsets() {
  expect_exit 0 "$NEWSAN" analyze --format json --emit-text "$HTML_DIR/article.html"; json_ok "$T/out"
  python3 - "$T/out" <<'PY' || fail "HTML analysis spans"
import json, sys
j = json.load(open(sys.argv[1])); d = j["document"]; text = d["text"].encode()
assert d["format"] == "html" and d["date"] == "2024-03-05" and d["date_origin"] == "metadata", d
spans = [m for e in j["entities"] for m in e["mentions"]] + j["figures"] + j["dates"]
assert spans
for s in spans:
    assert text[s["start"]:s["end"]].decode() == s["text"], s
PY
  expect_exit 0 "$NEWSAN" analyze --input-format text --format json --emit-text "$HTML_DIR/article.html"
  grep -q '"format": "text"' "$T/out" || fail "--input-format text not honoured"
}

"case_$CASE"
