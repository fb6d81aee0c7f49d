#!/usr/bin/env bash
# Command-line tests. Usage: cases.sh NEWSAN CASE. Each case_* function is one
# CTest test (registered by tests/CMakeLists.txt); exit 0 pass, 77 skip, else fail.
set -uo pipefail
NEWSAN=$1
CASE=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case_help() { expect_exit 0 "$NEWSAN" --help; grep -q "Exit codes" "$T/out" || fail "help lacks exit codes"; }
case_version() { expect_exit 0 "$NEWSAN" --version; grep -q "newsan" "$T/out" || fail "no version"; }
# --data-dir before or after --version names the data directory whose models are described.
case_version_data_dir() {
  expect_exit 0 "$NEWSAN" --data-dir "$T/nowhere" --version
  grep -q "^data not found" "$T/out" || fail "--data-dir before --version ignored: $(cat "$T/out")"
  grep -q "^model unavailable (.*nowhere" "$T/out" || fail "missing data directory not named: $(cat "$T/out")"
  local real
  real=$(sed -n 's/^data //p' <("$NEWSAN" --version))
  expect_exit 0 "$NEWSAN" --version --data-dir="$real"
  grep -q "^data $real\$" "$T/out" || fail "--data-dir=DIR after --version ignored: $(cat "$T/out")"
  grep -q "^model ner-en" "$T/out" || fail "model not described: $(cat "$T/out")"
  expect_exit 2 "$NEWSAN" --version --format json
}
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
case_train_word_classes() {
  mkdir -p "$T/text"
  for i in 1 2 3 4 5 6; do
    printf 'They met on Monday morning. We waited in Bergen today.\nThey voted on Friday morning. We talked in Arles today.\n' >"$T/text/a$i.txt"
  done
  expect_exit 0 "$NEWSAN" train-word-classes "$T/text" --classes 4 --coarse 2 --min-count 2 -o "$T/classes.tsv"
  head -1 "$T/classes.tsv" | grep -q "^# newsan-lexicon 1 ner-word-classes" || fail "no lexicon header"
  day=$(awk -F'\t' '$1=="monday"{print $3}' "$T/classes.tsv"); fri=$(awk -F'\t' '$1=="friday"{print $3}' "$T/classes.tsv")
  [ -n "$day" ] && [ "$day" = "$fri" ] || fail "monday ($day) and friday ($fri) in different classes"
  expect_exit 2 "$NEWSAN" train-word-classes --conllu "$T/missing.conllu" -o "$T/x.tsv"; err_has "missing.conllu"
  printf -- '-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PER\nBerg NNP I-NP I-PER\nleft VBD B-VP O\n. . O O\n\n' >"$T/tiny.conll"
  expect_exit 0 "$NEWSAN" train-ner --train "$T/tiny.conll" --epochs 2 --word-classes "$T/classes.tsv" -o "$T/m.bin"
  printf '# newsan-lexicon 1 ner-word-classes\nmonday\tx\t1\n' >"$T/bad.tsv"
  expect_exit 2 "$NEWSAN" train-ner --train "$T/tiny.conll" --epochs 2 --word-classes "$T/bad.tsv" -o "$T/m.bin"
  err_has "bad.tsv:2"
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
  mkdir "$T/empty"; expect_exit 2 "$NEWSAN" "$T/empty"; err_has "empty: directory holds no article files"
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
# One id form per stream: a stdin record and a stdin error record are both "<stdin>:N".
case_jsonl_stdin_one_id_form() {
  printf '{"text": "Dock workers walked out on Monday."}\n{"text": 5}\n' >"$T/feed"
  "$NEWSAN" --input-format jsonl --format jsonl - <"$T/feed" >"$T/out" 2>"$T/err"
  python3 - "$T/out" <<'PY' || fail "ids: $(cat "$T/out")"
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
assert r[0]["document"]["id"] == "<stdin>:1", r[0]["document"]["id"]
assert r[1]["id"] == "<stdin>:2", r[1]
PY
  err_has "<stdin>:2:"
}
# `newsan read` reads JSON Lines too: one document per record, bad records reported.
case_read_jsonl() {
  printf '{"id": "a", "title": "Port strike", "text": "Dock workers walked out."}\n\n{"text": 1}\n{"text": "Talks resume."}\n' >"$T/feed.jsonl"
  expect_exit 2 "$NEWSAN" read --format json "$T/feed.jsonl"
  grep -q '"id": "a"' "$T/out" || fail "record a missing"
  grep -q 'feed.jsonl:4' "$T/out" || fail "record 4 missing"
  err_has "feed.jsonl:3:"
}
# A JSON Lines feed on stdin without --input-format jsonl is refused with a hint, not read as prose.
case_jsonl_stdin_refused_with_hint() {
  printf '{"text": "Dock workers walked out on Monday."}\n' >"$T/feed"
  expect_exit 2 sh -c "'$NEWSAN' --format json - <'$T/feed'"
  err_has "--input-format jsonl"
  printf '{braces} open this prose article.\nA second line.\n' >"$T/prose"
  expect_exit 0 sh -c "'$NEWSAN' --format json - <'$T/prose'"
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
print(json.dumps({"id": "long", "text": (text + "\n\n") * (1_500_000 // len(text))}))  # over parallel's 1 MB default
PY
  "$NEWSAN" -q --input-format jsonl --format jsonl - <"$T/feed.jsonl" >"$T/one" || fail "single process"
  # The recipe of docs/scaling.md: --block at --max-bytes, so a long record is read whole.
  parallel --will-cite --pipe --keep-order --block 64M -N 7 "'$NEWSAN' -q --input-format jsonl --format jsonl -j 1 -" \
    <"$T/feed.jsonl" >"$T/many" 2>"$T/perr" || fail "parallel"
  cmp -s "$T/one" "$T/many" || fail "parallel --pipe output differs from one process"
  if grep -q "longer than" "$T/perr"; then fail "parallel warned: $(head -2 "$T/perr")"; fi
}
case_jsonl_stream_name_first_line() {
  # A part of a feed read on stdin names its records as one run over the whole feed does.
  printf '{"text":"Ana Lima spoke."}\nnot json\n\n{"text":"Ten people came."}\n' >"$T/feed.jsonl"
  "$NEWSAN" -q --input-format jsonl --format jsonl "$T/feed.jsonl" 2>/dev/null | tail -n 2 >"$T/whole"
  tail -n +2 "$T/feed.jsonl" | "$NEWSAN" -q --input-format jsonl --format jsonl \
    --stream-name "$T/feed.jsonl" --first-line 2 - >"$T/part" 2>"$T/err"
  cmp -s "$T/whole" "$T/part" || fail "part differs: $(diff "$T/whole" "$T/part" | head -c 600)"
  grep -qF "$T/feed.jsonl:4" "$T/part" || fail "line 4 not named"
  err_has "$T/feed.jsonl:2: malformed JSON Lines record"
  expect_exit 2 "$NEWSAN" --first-line 0 - </dev/null
}
HTML_DIR=$SRC/tests/data/html
case_read_html() {
  expect_exit 0 "$NEWSAN" read "$HTML_DIR/article.html"; json_ok "$T/out"
  python3 - "$T/out" <<'PY' || fail "read JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))["document"]
assert d["format"] == "html" and d["title"] == "Harbour Strike Ends After Nine Days", d
assert d["text"].startswith(d["title"]) and "Dockworkers at the port of Valmare" in d["text"], d["text"][:80]
assert d["authors"] == ["Ana Ferreira", "Tom Okafor"] and d["date"] == "2024-03-05"
PY
  expect_exit 0 "$NEWSAN" read --format text "$HTML_DIR/article.html"
  grep -q "^Title: Harbour Strike Ends After Nine Days" "$T/out" || fail "text: no title line"
  "$NEWSAN" read - <"$HTML_DIR/article.html" >"$T/out" 2>"$T/err" || fail "read from stdin"
  grep -q '"format": "html"' "$T/out" || fail "stdin page not detected as HTML"
}
case_read_html_furniture() {
  printf '%s' '<html><head><title>Ferry Fares Rise</title></head><body><article><h1>Ferry Fares Rise</h1><p>5 Hrs Ago</p>' \
    '<p>Fares on the island ferry rise by a tenth next month, the operator said on Monday in a statement.</p>' \
    '<p>Sign up for our free morning newsletter!</p></article></body></html>' >"$T/f.html"
  expect_exit 0 "$NEWSAN" read "$T/f.html"; json_ok "$T/out"
  python3 - "$T/out" <<'PY' || fail "furniture in read JSON"
import json, sys
d = json.load(open(sys.argv[1]))["document"]
assert d["furniture"] == ["5 Hrs Ago", "Sign up for our free morning newsletter!"], d.get("furniture")
assert "Hrs Ago" not in d["text"] and "newsletter" not in d["text"], d["text"]
PY
  expect_exit 0 "$NEWSAN" read --format text "$T/f.html"
  grep -q "^Left out: 5 Hrs Ago" "$T/out" || fail "text: no furniture line"
}
case_read_html_bad_charset() {
  printf '<html><head><meta charset="x-klingon"></head><body><p>caf\xe9</p></body></html>' >"$T/k.html"
  expect_exit 2 "$NEWSAN" read "$T/k.html"; err_has "x-klingon"
  expect_exit 0 "$NEWSAN" read "$HTML_DIR/shift-jis.html"; python3 -c 'import json,sys; assert "\u3042" in json.load(open(sys.argv[1]))["document"]["text"]' "$T/out" \
    || fail "Shift_JIS page not converted"
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

# ---- hostile input (issue 7): one case per row of the bad-input table --------
# cpu_limited SECONDS CMD… : like expect_exit's command, but a hang or runaway
# (more CPU seconds than given, whatever the machine's load) fails the test.
cpu_limited() { local secs=$1; shift; ( ulimit -t "$secs"; exec "$@" ); }
# check_out OUT INPUT… : valid UTF-8, parses, every span exact (tests/cli/check_output.py)
check_out() { python3 "$SRC/tests/cli/check_output.py" "$@" >/dev/null || fail "output check: $1"; }
# batch_goes_on BAD MESSAGE [OPTIONS…]: BAD between two good inputs: exit 2, three
# records, the bad one an error record whose message names BAD and the problem.
batch_goes_on() {
  local bad=$1 msg=$2; shift 2
  expect_exit 2 "$NEWSAN" -q --format jsonl "$@" "$SAMPLE" "$bad" "$SAMPLE"
  [ "$(wc -l <"$T/out")" -eq 3 ] || fail "batch with $bad: expected 3 records, got $(wc -l <"$T/out")"
  python3 - "$T/out" "$bad" "$msg" <<'PY' || fail "batch with $bad: records"
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
assert "error" not in r[0] and "error" not in r[2], "good inputs not analyzed"
assert r[0]["figures"] and r[0]["figures"] == r[2]["figures"]
m = r[1]["error"]["message"]
assert sys.argv[2] in m and sys.argv[3] in m, m
PY
  err_has "$bad"; err_has "$msg"
}

case_hostile_no_punctuation() {
  printf 'the quick brown fox jumps over the lazy dog and then some more words follow without any stop' >"$T/np.txt"
  expect_exit 0 "$NEWSAN" --format json "$T/np.txt"; check_out "$T/out" "$T/np.txt"
  python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); c=j["counts"]; assert c["words"]==18 and c["sentences"]==1, c' "$T/out" \
    || fail "no-punctuation text is not one sentence of 18 words"
}
case_hostile_whitespace_only() {
  # ASCII and Unicode spaces, CR-only lines, no-break and ideographic spaces: an empty document.
  printf ' \r\r\t\v\f\n\xc2\xa0\xe3\x80\x80\xe2\x80\xa8 \n' >"$T/ws.txt"
  expect_exit 0 "$NEWSAN" --format json "$T/ws.txt"; check_out "$T/out" "$T/ws.txt"
  python3 -c '
import json,sys; j=json.load(open(sys.argv[1])); c=j["counts"]
assert c["words"]==0 and c["sentences"]==0 and not j["entities"] and not j["figures"] and not j["dates"], c
assert j["document"]["title"] is None' "$T/out" || fail "whitespace-only input is not empty"
}
case_hostile_single_10mb_line() {
  # The sample article repeated as one 10 MiB line: finishes (no quadratic step) and every span is exact.
  python3 -c '
import sys; t = open(sys.argv[1]).read().replace("\n", " "); n = 10 << 20
open(sys.argv[2], "w").write((t * (n // len(t) + 1))[:n])' "$SAMPLE" "$T/line.txt"
  expect_exit 0 cpu_limited 300 "$NEWSAN" -q --format jsonl "$T/line.txt"; check_out "$T/out" "$T/line.txt"
}
case_hostile_max_bytes_boundary() {
  size=$(wc -c <"$SAMPLE")
  expect_exit 0 "$NEWSAN" --max-bytes "$size" "$SAMPLE"
  expect_exit 2 "$NEWSAN" --max-bytes $((size - 1)) "$SAMPLE"
  err_has "harbour-strike.txt: input is $size bytes, larger than the limit of $((size - 1)) bytes (--max-bytes)"
  expect_exit 2 sh -c "'$NEWSAN' --max-bytes $((size - 1)) - <'$SAMPLE'"; err_has "<stdin>: input is larger than the limit"
  head -c $((size + 100)) /dev/zero | tr '\0' 'a' >"$T/big.txt"
  batch_goes_on "$T/big.txt" "larger than the limit of $size bytes" --max-bytes "$size"
}
case_hostile_nul_bytes() {
  { for i in 1 2 3 4; do cat "$SAMPLE"; done | head -c 5000; printf '\0'; cat "$SAMPLE"; } >"$T/nul.txt"
  expect_exit 2 "$NEWSAN" "$T/nul.txt"; err_has "nul.txt: binary data (NUL byte at byte offset 5000)"
  batch_goes_on "$T/nul.txt" "NUL byte at byte offset 5000"
}
case_hostile_invalid_utf8_lossy_spans() {
  { printf 'Mr. Andr\xe9 Mu\xf1oz said 1,200 workers \xc0\xaf left on Monday. '; cat "$SAMPLE"; } >"$T/bad.txt"
  expect_exit 2 "$NEWSAN" "$T/bad.txt"; err_has "bad.txt: invalid UTF-8 at byte offset 8"
  batch_goes_on "$T/bad.txt" "invalid UTF-8 at byte offset 8"
  # --lossy: offsets index the repaired text, which --emit-text shows.
  expect_exit 0 "$NEWSAN" --lossy --emit-text --format json "$T/bad.txt"; check_out "$T/out"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["document"]; assert d["replaced_sequences"]==4, d["replaced_sequences"]' "$T/out" \
    || fail "lossy replacement count"
}
case_hostile_utf16_and_latin1() {
  printf '\xfe\xff\0H\0i\0 \0t\0h\0e\0r\0e' >"$T/be.txt"
  expect_exit 2 "$NEWSAN" "$T/be.txt"; err_has "be.txt: the input looks like UTF-16"
  batch_goes_on "$T/be.txt" "UTF-16"
  expect_exit 0 "$NEWSAN" --encoding utf-16 --emit-text --format json "$T/be.txt"
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["document"]["text"]=="Hi there"' "$T/out" || fail "UTF-16BE not converted"
  printf 'H\0i\0 \0t\0h\0e\0r\0e\0' >"$T/nobom.txt"
  expect_exit 2 "$NEWSAN" "$T/nobom.txt"; err_has "UTF-16 without a byte-order mark"
  printf '\xff\xfeH\0i\0!' >"$T/odd.txt"
  expect_exit 2 "$NEWSAN" --encoding utf-16 "$T/odd.txt"; err_has "odd.txt: UTF-16 input has an odd number of bytes"
  printf '\x93Quoted\x94 text \x80 100\n' >"$T/w.txt"
  expect_exit 2 "$NEWSAN" "$T/w.txt"; err_has "Windows-1252"
  expect_exit 0 "$NEWSAN" --encoding windows-1252 --emit-text --format json "$T/w.txt"; check_out "$T/out"
  grep -q '€' "$T/out" || fail "windows-1252 not converted"
}
case_hostile_line_ends() {
  # LF, CRLF and lone CR give the same findings; offsets index each file's own bytes.
  sed 's/$/\r/' "$SAMPLE" >"$T/crlf.txt"; tr '\n' '\r' <"$SAMPLE" >"$T/cr.txt"
  for f in "$SAMPLE" "$T/crlf.txt" "$T/cr.txt"; do
    "$NEWSAN" --format json "$f" >"$T/$(basename "$f").json" || fail "$f"; check_out "$T/$(basename "$f").json" "$f"
  done
  python3 - "$T/harbour-strike.txt.json" "$T/crlf.txt.json" "$T/cr.txt.json" <<'PY' || fail "line ends change the findings"
import json, sys
def facts(p):
    j = json.load(open(p)); d = j["document"]; c = dict(j["counts"]); c.pop("bytes")
    return (d["title"], d["source"], c, [f["text"] for f in j["figures"]],
            sorted(e["name"] for e in j["entities"]), [x["value"] for x in j["dates"]])
lf, crlf, cr = map(facts, sys.argv[1:])
assert lf[0] and lf[1], "sample has a title and a source"
assert lf == crlf, (lf, crlf)
assert lf == cr, (lf, cr)
PY
}
case_hostile_deep_nesting() {
  python3 -c '
import sys; n = 50000
s = "He said " + "(\"[{\u201c\u2018" * n + "42 people" + "\u2019\u201d}]\")" * n + " left.\n"
open(sys.argv[1], "w").write(s)' "$T/nest.txt"
  expect_exit 0 cpu_limited 120 "$NEWSAN" -q --format jsonl "$T/nest.txt"; check_out "$T/out" "$T/nest.txt"
}
case_hostile_100k_digit_number() {
  { printf 'Officials counted '; head -c 100000 /dev/zero | tr '\0' '7'; printf ' protesters on Monday.\n'; } >"$T/num.txt"
  expect_exit 0 cpu_limited 60 "$NEWSAN" --format json "$T/num.txt"; check_out "$T/out" "$T/num.txt"
  python3 -c '
import json,sys; j=json.load(open(sys.argv[1]))
for f in j["figures"]:
    if f["end"] - f["start"] >= 100000: assert f["value"] is None, "a 100,000-digit number has no finite value"' "$T/out" \
    || fail "huge number reported with a value"
}
case_hostile_pathological_repetition() {
  python3 -c '
import sys
open(sys.argv[1], "w").write("1," * 150000 + "1 people.\n")
open(sys.argv[2], "w").write("Mr. " * 100000 + "Smith said.\n")
open(sys.argv[3], "w").write(("Lopez " * 20 + "said. ") * 2000 + ". " * 50000 + "U.S. " * 50000)' "$T/ones.txt" "$T/mr.txt" "$T/mix.txt"
  for f in ones mr mix; do
    expect_exit 0 cpu_limited 120 "$NEWSAN" -q --format jsonl "$T/$f.txt"; check_out "$T/out" "$T/$f.txt"
  done
}
case_hostile_unreadable_file() {
  cp "$SAMPLE" "$T/secret.txt"; chmod 000 "$T/secret.txt"
  if cat "$T/secret.txt" >/dev/null 2>&1; then echo "skip: running as root, chmod 000 does not block reading"; exit 77; fi
  expect_exit 2 "$NEWSAN" "$T/secret.txt"; err_has "secret.txt: permission denied"
  batch_goes_on "$T/secret.txt" "permission denied"
}
case_hostile_directory_and_missing_in_batch() {
  # A directory is walked for files; an empty one is an input error of its own.
  mkdir "$T/dir"
  batch_goes_on "$T/dir" "directory holds no article files to analyze"
  batch_goes_on "$T/nope.txt" "no such file"
}
case_hostile_fifo() {
  # A FIFO (or <(…)) is read like a pipe, to its end.
  mkfifo "$T/fifo"; cat "$SAMPLE" >"$T/fifo" &
  expect_exit 0 cpu_limited 30 "$NEWSAN" --format json "$T/fifo"; wait
  "$NEWSAN" --format json "$SAMPLE" >"$T/file.json" || fail "sample"
  python3 -c '
import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:])
assert a["figures"]==b["figures"] and a["entities"]==b["entities"] and a["counts"]==b["counts"]' "$T/out" "$T/file.json" \
    || fail "FIFO input differs from the file"
}
case_hostile_stdout_closed() {
  "$NEWSAN" --format json "$SAMPLE" >&- 2>"$T/err"; rc=$?
  [ $rc -eq 2 ] || fail "closed stdout gave exit $rc"; err_has "<stdout>: write failed"
}
case_hostile_output_targets() {
  mkdir "$T/outdir"
  expect_exit 2 "$NEWSAN" -o "$T/outdir" "$SAMPLE"; err_has "outdir: cannot open for writing"
  expect_exit 2 "$NEWSAN" -o "$T/no/such/dir/x.json" "$SAMPLE"; err_has "x.json: cannot open for writing"
  if [ -w /dev/full ]; then
    expect_exit 2 "$NEWSAN" --format jsonl -o /dev/full "$SAMPLE" "$SAMPLE" "$SAMPLE"; err_has "/dev/full: write failed"
  fi
  cp "$SAMPLE" "$T/ro.json"; chmod 444 "$T/ro.json"
  if [ "$(id -u)" -ne 0 ]; then
    expect_exit 2 "$NEWSAN" -o "$T/ro.json" "$SAMPLE"; err_has "ro.json: cannot open for writing"
    cmp -s "$SAMPLE" "$T/ro.json" || fail "read-only target was changed"
  fi
}
case_hostile_jsonl_lines() {
  python3 - "$T/feed.jsonl" <<'PY'
import json, sys
good = lambda i: json.dumps({"id": f"g{i}", "text": f"About {i}00 workers struck on Monday."})
lines = [good(1), "", "   ", "{not json", json.dumps({"text": "x" * 5000}), "[1, 2]",
         json.dumps({"id": "no-text"}), json.dumps({"text": "a\u0000b"}), json.dumps({"text": "ok", "date": "2024-02-30"}),
         good(2) + "\r", good(3)]
open(sys.argv[1], "w", newline="").write("\n".join(lines))  # no newline after the last record
PY
  expect_exit 2 "$NEWSAN" -q --format jsonl --max-bytes 1000 "$T/feed.jsonl"
  python3 - "$T/out" <<'PY' || fail "JSON Lines records"
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
assert len(r) == 9, len(r)  # 11 lines, two of them blank
ids = [x["document"]["id"] if "document" in x else x["id"] for x in r]
assert ids[0] == "g1" and ids[-2:] == ["g2", "g3"], ids
errors = {x["id"].rsplit(":", 1)[1]: x["error"]["message"] for x in r if "error" in x}
assert set(errors) == {"4", "5", "6", "7", "8", "9"}, errors
assert "malformed JSON" in errors["4"] and "limit of 1000 bytes" in errors["5"], errors
assert "must be an object" in errors["6"] and 'no string field "text"' in errors["7"], errors
assert "NUL" in errors["8"] and "2024-02-30" in errors["9"], errors
PY
  err_has "feed.jsonl:5: line is longer than the limit of 1000 bytes"
}
case_hostile_deterministic() {
  # Same input, byte-identical JSON: across runs and across --jobs values, hostile inputs included.
  printf 'Caf\xc3\xa9 (("[1,1,1,1]")) Mr. Mr. U.S. 100%% of 3,400 on 5 Jan.\r\nSecond\rline.\n' >"$T/h1.txt"
  tr '\n' '\r' <"$SAMPLE" >"$T/h2.txt"; printf 'x\0y' >"$T/h3.txt"
  set -- "$SAMPLE" "$T/h1.txt" "$T/h2.txt" "$T/h3.txt" "$T/nope.txt" "$SAMPLE" "$T/h1.txt"
  "$NEWSAN" -q --format jsonl -j 1 "$@" >"$T/a" 2>/dev/null
  "$NEWSAN" -q --format jsonl -j 1 "$@" >"$T/b" 2>/dev/null
  "$NEWSAN" -q --format jsonl -j 4 "$@" >"$T/c" 2>/dev/null
  cmp -s "$T/a" "$T/b" || fail "two runs differ"
  cmp -s "$T/a" "$T/c" || fail "-j 1 and -j 4 differ"
  [ "$(wc -l <"$T/a")" -eq 7 ] || fail "expected 7 records"
}

case_hostile_model_files() {
  # A truncated, empty or foreign NER model in the data directory: exit 2 naming the model file.
  [ -f "$SRC/data/models/ner-en.bin" ] || { echo "skip: no data/models/ner-en.bin"; exit 77; }
  mkdir -p "$T/data/models"
  for d in "$SRC"/data/*; do [ "$(basename "$d")" = models ] || ln -s "$d" "$T/data/"; done
  head -c 5000 "$SRC/data/models/ner-en.bin" >"$T/data/models/ner-en.bin"
  expect_exit 2 "$NEWSAN" --data-dir "$T/data" "$SAMPLE"; err_has "ner-en.bin: bad NER model at byte"; err_has "truncated"
  : >"$T/data/models/ner-en.bin"
  expect_exit 2 "$NEWSAN" --data-dir "$T/data" "$SAMPLE"; err_has "ner-en.bin"
  cp "$SAMPLE" "$T/data/models/ner-en.bin"
  expect_exit 2 "$NEWSAN" --data-dir "$T/data" "$SAMPLE"; err_has "ner-en.bin: not a newsan NER model"
  { head -c 100 "$SRC/data/models/ner-en.bin"; printf 'X'; tail -c +102 "$SRC/data/models/ner-en.bin"; } >"$T/data/models/ner-en.bin"
  expect_exit 2 "$NEWSAN" --data-dir "$T/data" "$SAMPLE"; err_has "ner-en.bin"
  cp "$SRC/data/models/ner-en.bin" "$T/data/models/ner-en.bin"
  expect_exit 0 "$NEWSAN" --data-dir "$T/data" "$SAMPLE"
}

"case_$CASE"
