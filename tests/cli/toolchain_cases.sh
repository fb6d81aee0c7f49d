#!/usr/bin/env bash
# Command-line tests of the toolchain fit (issue 17): directory walks, path
# lists, progress bar, encodings, language, tables, man page, completions,
# package. Usage: toolchain_cases.sh NEWSAN CASE; exit 0 pass, 77 skip, else fail.
set -uo pipefail
NEWSAN=$1
CASE=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BUILD=${NEWSAN_BUILD:-$(dirname "$NEWSAN")}

case_walk_symlink_loop() {
  mkdir -p "$T/w/a/b"; cp "$SAMPLE" "$T/w/a/b/story.txt"
  ln -s "$T/w/a" "$T/w/a/b/up"
  expect_exit 0 timeout 20 "$NEWSAN" -q --stats --format jsonl "$T/w"
  [ "$(wc -l <"$T/out")" -eq 1 ] || fail "a symlink loop gave $(wc -l <"$T/out") records, expected 1"
  err_has "1 directories seen before (symlink loops)"
}
case_walk_article_files_only() {
  mkdir -p "$T/w"; cp "$SAMPLE" "$T/w/story.txt"; cp "$SAMPLE" "$T/w/README"; cp "$SAMPLE" "$T/w/SOURCE"
  cp "$SAMPLE" "$T/w/notes.md"
  expect_exit 0 "$NEWSAN" -q --stats --format jsonl "$T/w"
  [ "$(wc -l <"$T/out")" -eq 1 ] || fail "README/SOURCE/notes.md analyzed as articles"
  err_has "skipped 3 files not article files"
  expect_exit 0 "$NEWSAN" -q --format jsonl --glob '*.md' "$T/w"
  [ "$(wc -l <"$T/out")" -eq 1 ] || fail "--glob '*.md' did not pick notes.md"
  expect_exit 0 "$NEWSAN" -q --format jsonl "$T/w/README"   # named on the command line: taken
  mkdir -p "$T/none"; cp "$SAMPLE" "$T/none/README"
  expect_exit 2 "$NEWSAN" -q "$T/none"; err_has "no article files"
}
case_files_from_null() {
  mkdir -p "$T/d"; cp "$SAMPLE" "$T/d/with space.txt"; cp "$SAMPLE" "$T/d/new"$'\n'"line.txt"
  (cd "$T/d" && find . -name '*.txt' -print0 | sort -z) >"$T/list0"
  (cd "$T/d" && expect_exit 0 "$NEWSAN" -q --format jsonl --files-from "$T/list0" -0) || exit 1
  [ "$(wc -l <"$T/out")" -eq 2 ] || fail "-0 list: $(wc -l <"$T/out") records"
  grep -q '"error"' "$T/out" && fail "-0 list produced an error record"
  (cd "$T/d" && find . -name '*.txt' -print0 | "$NEWSAN" -q --format jsonl --null --files-from - >"$T/out" 2>"$T/err") \
    || fail "--null from stdin: $(cat "$T/err")"
  [ "$(wc -l <"$T/out")" -eq 2 ] || fail "--null stdin count"
}
# Runs newsan with stderr (and stdout when $1 = tty) on a pseudo-terminal; the
# terminal's bytes go to $T/tty, a redirected stdout to $T/out.
on_tty() {
  local where=$1; shift
  python3 - "$where" "$T" "$@" <<'PY'
import os, pty, subprocess, sys
where, tmp, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
master, slave = pty.openpty()
out = slave if where == "tty" else open(os.path.join(tmp, "out"), "wb")
p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
p.wait()
open(os.path.join(tmp, "tty"), "wb").write(data)
sys.exit(p.returncode)
PY
}
case_progress_bar_rules() {
  mkdir -p "$T/in"; for i in 1 2 3 4 5 6; do cp "$SAMPLE" "$T/in/a$i.txt"; done
  TERM=xterm on_tty file "$NEWSAN" --format jsonl "$T/in" || fail "run with stderr on a terminal"
  grep -q 'docs' "$T/tty" || fail "no progress bar with stderr on a terminal and stdout a file"
  grep -q $'\x1b\\[K' "$T/tty" || fail "the bar does not erase its line under TERM=xterm"
  [ "$(wc -l <"$T/out")" -eq 6 ] || fail "report"
  TERM=dumb on_tty file "$NEWSAN" --format jsonl "$T/in" || fail "TERM=dumb run"
  grep -q 'docs' "$T/tty" || fail "no bar under TERM=dumb"
  if grep -q $'\x1b' "$T/tty"; then fail "escape sequence sent under TERM=dumb"; fi
  TERM=xterm on_tty tty "$NEWSAN" --format jsonl "$T/in" || fail "run with the report on the terminal"
  if grep -q 'docs' "$T/tty"; then fail "progress bar drawn into a report on the terminal"; fi
  TERM=xterm on_tty file "$NEWSAN" -q --format jsonl "$T/in" || fail "quiet run"
  [ ! -s "$T/tty" ] || fail "--quiet still drew: $(head -c 200 "$T/tty" | od -c | head -3)"
}

# The encoding table: each charset's bytes made by iconv(1) from UTF-8 text of
# our own, read back with --encoding NAME, compared with the original text.
case_encoding_table() {
  command -v iconv >/dev/null || { echo "skip: iconv(1) not installed"; exit 77; }
  while IFS='|' read -r enc text; do
    printf '%s\n' "$text" | iconv -f UTF-8 -t "$enc" >"$T/in.txt" 2>/dev/null ||
      printf '%s\n' "$text" | iconv -f UTF-8 -t "${enc//-/}" >"$T/in.txt" || fail "iconv -t $enc"
    expect_exit 0 "$NEWSAN" --encoding "$enc" --emit-text --format json "$T/in.txt"
    python3 - "$T/out" "$text" "$enc" <<'PY' || fail "$enc: text not read back"
import json, sys
got = json.load(open(sys.argv[1]))["document"]["text"].strip()
assert got == sys.argv[2], (sys.argv[3], got, sys.argv[2])
PY
  done <<'TABLE'
latin1|Café owners in Montréal said 12 shops closed.
latin-1|Señora Núñez counted 40 boats.
windows-1252|“Quoted” prices rose 5 € – or so.
iso-8859-15|The levy is 3 € per œuvre.
ISO-8859-2|Łódź council met on Tuesday.
windows-1251|Мэр сообщил о 12 новых школах.
koi8-r|Жители получили 300 писем.
iso-8859-7|Η Αθήνα είχε 40 βαθμούς.
shift_jis|東京で大雨、川が氾濫した。
euc-jp|大阪の人口は増えた。
gb18030|北京的工人罢工了三天。
big5|台北市政府發布公告。
euc-kr|서울에서 비가 왔다.
utf-16|Deux cents personnes sont venues.
utf-16be|Two hundred people came.
utf-16le|Three ships sailed.
UTF-32|Four ports closed.
TABLE
  printf 'Caf\x81 rose.\n' >"$T/w.txt"   # 0x81 is undefined in windows-1252
  expect_exit 2 "$NEWSAN" --encoding windows-1252 "$T/w.txt"; err_has "w.txt: byte offset 3 is not valid windows-1252"
  expect_exit 0 "$NEWSAN" --encoding windows-1252 --lossy --format json "$T/w.txt"
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["document"]["replaced_sequences"]==1' "$T/out" || fail "lossy count"
  printf '\x82' >"$T/cut.txt"    # a Shift_JIS lead byte with no trail byte
  expect_exit 2 "$NEWSAN" --encoding shift_jis "$T/cut.txt"; err_has "input ends inside a character"
  expect_exit 2 "$NEWSAN" --encoding x-klingon "$SAMPLE"; err_has "unknown encoding 'x-klingon'"
}

case_error_records_follow_schema() {
  printf 'bad \xff byte\n' >"$T/bad.txt"
  expect_exit 2 "$NEWSAN" --format jsonl "$SAMPLE" "$T/bad.txt" "$T/missing.txt"
  [ "$(wc -l <"$T/out")" -eq 3 ] || fail "expected 3 records"
  "$NEWSAN" schema >"$T/schema.json" || fail "schema"
  n=0
  while IFS= read -r line; do
    n=$((n + 1)); printf '%s' "$line" >"$T/rec$n.json"
    python3 "$SRC/tests/cli/validate_schema.py" "$T/schema.json" "$T/rec$n.json" || fail "record $n does not follow the schema"
  done <"$T/out"
  grep -q '"error"' "$T/rec2.json" || fail "record 2 is not an error record"
  # A record that is neither an analysis nor an error record is refused.
  printf '{"schema_version": "1.0", "id": "x"}' >"$T/neither.json"
  if python3 "$SRC/tests/cli/validate_schema.py" "$T/schema.json" "$T/neither.json" 2>/dev/null; then
    fail "the schema accepts a record with neither analysis nor error"; fi
  if python3 -c 'import jsonschema' 2>/dev/null; then
    python3 - "$T/schema.json" "$T"/rec*.json <<'PY' || fail "jsonschema (draft 2020-12) rejects a record"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
for f in sys.argv[2:]:
    jsonschema.Draft202012Validator(schema).validate(json.load(open(f)))
PY
  fi
}
case_language_and_warning() {
  printf '%s\n' "El ayuntamiento dijo el lunes que el nuevo puente estará abierto al tráfico antes de que termine" \
    "el año, y que su coste ha subido a 1.800 millones de euros según los datos de la oficina." >"$T/es.txt"
  expect_exit 0 "$NEWSAN" --format json "$T/es.txt"
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["document"]["language"]=="es"' "$T/out" || fail "language not es"
  err_has "warning: $T/es.txt: the text reads as Spanish (es); newsan's extractors are English"
  expect_exit 0 "$NEWSAN" --format json "$SAMPLE"
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["document"]["language"]=="en"' "$T/out" || fail "sample not en"
  [ ! -s "$T/err" ] || fail "a warning for an English article: $(cat "$T/err")"
}
case_table_formats() {
  expect_exit 0 "$NEWSAN" --format tsv --table figures "$SAMPLE" "$SAMPLE"
  head -1 "$T/out" | grep -q $'^document\tfigure\tstart\tend\ttext\tvalue' || fail "tsv header: $(head -1 "$T/out")"
  [ "$(grep -c '^document' "$T/out")" -eq 1 ] || fail "header written more than once"
  python3 - "$T/out" "$SAMPLE" <<'PY' || fail "tsv rows"
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
head, body = rows[0], rows[1:]
assert len(body) >= 4 and len(body) % 2 == 0, len(body)
data = open(sys.argv[2], "rb").read()
for r in body:
    assert len(r) == len(head), r
    assert r[0] == sys.argv[2]
    s, e = int(r[2]), int(r[3])
    assert data[s:e].decode().replace("\n", " ") == r[4], (r, data[s:e])
PY
  for t in entities mentions dates; do
    expect_exit 0 "$NEWSAN" --format csv --table "$t" "$SAMPLE"
    python3 - "$T/out" "$t" <<'PY' || fail "csv --table $t"
import csv, sys
raw = open(sys.argv[1], newline="", encoding="utf-8").read()
assert raw.endswith("\r\n"), "RFC 4180 line ends"
rows = list(csv.reader(raw.splitlines(True)))
assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows), sys.argv[2]
assert rows[0][0] == "document"
PY
  done
  # RFC 4180 quoting and TSV cleaning of a field with a comma, quotes, a tab and a line break.
  printf '%s\n' '{"id":"a,\"b\"\tc\nd","text":"Police detained 23 protesters on Monday."}' >"$T/odd.jsonl"
  expect_exit 0 "$NEWSAN" --format csv "$T/odd.jsonl"
  python3 - "$T/out" <<'PY' || fail "csv quoting"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[1][0] == 'a,"b"\tc\nd', rows[1][0]
PY
  expect_exit 0 "$NEWSAN" --format tsv "$T/odd.jsonl"
  [ "$(wc -l <"$T/out")" -eq 2 ] || fail "a line break left inside a TSV field"
  sed -n 2p "$T/out" | cut -f1 | grep -qx 'a,"b" c d' || fail "tab/newline not replaced in TSV: $(sed -n 2p "$T/out" | cut -f1)"
  expect_exit 2 "$NEWSAN" --format csv --table people "$SAMPLE"
}
case_table_sqlite_import() {
  command -v sqlite3 >/dev/null || { echo "skip: sqlite3 not installed"; exit 77; }
  mkdir -p "$T/in"; for i in 1 2 3; do sed "s/nearly 40/nearly $i/" "$SAMPLE" >"$T/in/a$i.txt"; done
  "$NEWSAN" -q --format csv --table figures "$T/in" >"$T/figures.csv" || fail "csv"
  sqlite3 "$T/db" ".import --csv $T/figures.csv figures" || fail "sqlite3 .import"
  n=$(sqlite3 "$T/db" "select count(distinct document) from figures") ; [ "$n" = 3 ] || fail "documents in sqlite: $n"
  rows=$(($(wc -l <"$T/figures.csv") - 1))
  [ "$(sqlite3 "$T/db" 'select count(*) from figures')" = "$rows" ] || fail "row count differs"
  sqlite3 "$T/db" "select value from figures where document like '%a2.txt' and text like '%2%'" | grep -qx 2 \
    || fail "the figure 'nearly 2' not found in sqlite"
}
case_help_shows_analyze_options() {
  expect_exit 0 "$NEWSAN" --help
  for want in --format --jobs --date --table --files-from "Examples:" "Exit codes" "schema"; do
    grep -qF -- "$want" "$T/out" || fail "top-level help lacks $want"
  done
  expect_exit 0 "$NEWSAN" analyze --help; grep -qF -- "--format" "$T/out" || fail "analyze --help"
}
case_did_you_mean() {
  expect_exit 2 "$NEWSAN" analyse "$SAMPLE"; err_has "did you mean 'newsan analyze'?"
  expect_exit 2 "$NEWSAN" shema; err_has "did you mean 'newsan schema'?"
  expect_exit 2 "$NEWSAN" train_ner; err_has "did you mean 'newsan train-ner'?"
  # A word that is a file is read as a file; a word far from every command is a missing file.
  cp "$SAMPLE" "$T/analyse"; (cd "$T" && expect_exit 0 "$NEWSAN" -q analyse) || exit 1
  expect_exit 2 "$NEWSAN" zebra; err_has "zebra: no such file"
}
case_man_page_renders() {
  man_page=$BUILD/manual/newsan.1
  [ -f "$man_page" ] || fail "no generated man page at $man_page"
  command -v man >/dev/null || { echo "skip: man-db not installed"; exit 77; }
  MANWIDTH=100 LC_ALL=C.UTF-8 man -l "$man_page" >"$T/man.txt" 2>"$T/err" || fail "man -l: $(cat "$T/err")"
  [ ! -s "$T/err" ] || fail "man -l warned: $(cat "$T/err")"
  for want in NAME SYNOPSIS OPTIONS EXAMPLES "EXIT STATUS" --format --files-from --table train-ner NEWSAN_DATA; do
    grep -qF -- "$want" "$T/man.txt" || fail "man page lacks $want"
  done
  "$NEWSAN" --generate man | cmp -s - "$man_page" || fail "installed man page differs from --generate man"
  expect_exit 2 "$NEWSAN" --generate pdf; err_has "--generate takes one of"
}
case_completion_bash() {
  f=$BUILD/manual/newsan.bash
  bash -n "$f" || fail "bash syntax"
  comp() { bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _newsan; printf "%s\n" "${COMPREPLY[@]}"' _ "$f" "$@"; }
  grep -qx -- --format <<<"$(comp newsan --for)" || fail "bash: --for → --format"
  grep -qx csv <<<"$(comp newsan --format '')" || fail "bash: --format values"
  grep -qx mentions <<<"$(comp newsan --table '')" || fail "bash: --table values"
  grep -qx schema <<<"$(comp newsan sch)" || fail "bash: subcommand"
  grep -qx -- --model <<<"$(comp newsan eval-ner --mo)" || fail "bash: eval-ner options"
}
case_completion_zsh() {
  command -v zsh >/dev/null || { echo "skip: zsh not installed"; exit 77; }
  f=$BUILD/manual/_newsan
  zsh -n "$f" || fail "zsh syntax"
  mkdir -p "$T/fp"; cp "$f" "$T/fp/"
  zsh -f -c "fpath=($T/fp \$fpath); autoload -Uz compinit; compinit -u -d $T/zcomp; [[ \$_comps[newsan] == _newsan ]]" \
    || fail "zsh: compinit does not bind _newsan to newsan"
  zsh -f -c "source $f 2>&1; autoload -Uz compinit; compinit -u -d $T/zcomp2; source $f; (( \$+functions[_newsan_analyze] ))" \
    || fail "zsh: sourcing the file does not define its functions"
}
case_completion_fish() {
  command -v fish >/dev/null || { echo "skip: fish not installed"; exit 77; }
  f=$BUILD/manual/newsan.fish
  fish -n "$f" || fail "fish syntax"
  grep -q -- '^--format' <<<"$(fish -c "source $f; complete -C 'newsan --for'")" || fail "fish: --for → --format"
  grep -q '^csv' <<<"$(fish -c "source $f; complete -C 'newsan --format '")" || fail "fish: --format values"
  grep -q '^schema' <<<"$(fish -c "source $f; complete -C 'newsan sch'")" || fail "fish: subcommand"
}
case_install_manual_and_completions() {
  cmake --install "$BUILD" --prefix "$T/p" >/dev/null || fail "cmake --install"
  for f in share/man/man1/newsan.1 share/bash-completion/completions/newsan share/zsh/vendor-completions/_newsan \
           share/fish/vendor_completions.d/newsan.fish; do
    [ -s "$T/p/$f" ] || fail "not installed: $f"
  done
}
case_deb_package() {
  command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "skip: cpack/dpkg-deb missing"; exit 77; }
  (cd "$T" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$T/pkg" >"$T/cpack.log" 2>&1) || fail "cpack: $(tail -5 "$T/cpack.log")"
  deb=$(ls "$T"/pkg/newsan_*.deb 2>/dev/null | head -1); [ -n "$deb" ] || fail "no .deb made"
  dpkg-deb -c "$deb" >"$T/contents" || fail "dpkg-deb -c"
  for f in ./usr/bin/newsan ./usr/share/newsan/schema/newsan-output.schema.json ./usr/share/newsan/models/ \
           ./usr/share/man/man1/newsan.1 ./usr/share/bash-completion/completions/newsan \
           cmake/newsan/newsanConfig.cmake ./usr/include/newsan/analysis.h; do
    grep -qF -- "$f" "$T/contents" || fail "the package lacks $f"
  done
  deps=$(dpkg-deb -f "$deb" Depends); [ -n "$deps" ] || fail "no Depends"
  # Every shared library the binary needs comes from a declared package.
  for lib in $(ldd "$BUILD/newsan" | awk '/=>/ {print $3}'); do
    pkg=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -1 | cut -d: -f1) || true
    [ -z "$pkg" ] && pkg=$(dpkg -S "$lib" 2>/dev/null | head -1 | cut -d: -f1)
    [ -n "$pkg" ] || continue
    echo "$deps" | grep -qw -- "$pkg" || fail "Depends ($deps) lacks $pkg (for $lib)"
  done
  # The packaged binary runs against its packaged data from a scratch root.
  dpkg-deb -x "$deb" "$T/root" || fail "dpkg-deb -x"
  env -u NEWSAN_DATA "$T/root/usr/bin/newsan" --version >"$T/v" || fail "packaged --version"
  grep -q "^data $T/root/usr/share/newsan" "$T/v" || fail "packaged binary does not use its packaged data: $(cat "$T/v")"
  env -u NEWSAN_DATA "$T/root/usr/bin/newsan" --format json "$SAMPLE" >"$T/out" || fail "packaged binary"
  json_ok "$T/out"
}

"case_$CASE"
