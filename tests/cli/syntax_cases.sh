#!/usr/bin/env bash
# Command-line tests of the syntax stage (issue 12): parse, train-syntax,
# eval-syntax, malformed CoNLL-U, bad model files, --version.
# Usage: syntax_cases.sh NEWSAN CASE (registered by tests/CMakeLists.txt).
set -uo pipefail
NEWSAN=$1
CASE=$2
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TINY=$SRC/tests/data/syntax  # a tiny treebank written for this project
# conllu_trees FILE: every word line has 10 columns, heads within the sentence, one root per sentence
conllu_trees() {
  python3 - "$1" <<'PY' || fail "not CoNLL-U trees: $(head -c 400 "$1")"
import sys
sents, cur = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        if cur: sents.append(cur); cur = []
        continue
    if line.startswith("#"): continue
    cols = line.split("\t")
    assert len(cols) == 10, cols
    if "-" in cols[0] or "." in cols[0]: continue
    cur.append(cols)
if cur: sents.append(cur)
assert sents
for s in sents:
    n = len(s)
    heads = [int(c[6]) for c in s]
    assert all(0 <= h <= n for h in heads), heads
    assert heads.count(0) == 1, heads
    for c in s: assert c[3] != "_" and c[4] != "_" and c[7] != "_", c
PY
}

case_parse_text() {
  printf 'The ferry company hired 40 new workers in May. Prices rose.\n' >"$T/a.txt"
  expect_exit 0 "$NEWSAN" parse "$T/a.txt"
  conllu_trees "$T/out"
  grep -qP '^4\thired\thire\tVERB\tVBD\t' "$T/out" || fail "hired not a past verb lemmatized to hire: $(cat "$T/out")"
  [ "$(grep -cP '^1\t' "$T/out")" -eq 2 ] || fail "not two sentences"
}
case_parse_json_spans() {
  printf 'Prices rose 4%% in May.\n' >"$T/a.txt"
  expect_exit 0 "$NEWSAN" parse --format json "$T/a.txt"
  python3 - "$T/out" "$T/a.txt" <<'PY' || fail "bad JSON parse output: $(head -c 400 "$T/out")"
import json, sys
text = open(sys.argv[2], encoding="utf-8").read().encode()
doc = json.load(open(sys.argv[1]))
words = [w for s in doc["sentences"] for w in s["words"]]
assert words
for w in words:
    assert text[w["start"]:w["end"]].decode() == w["form"], w
PY
}
case_parse_gold_words_kept() {
  expect_exit 0 "$NEWSAN" parse --input-format conllu "$TINY/tiny-dev.conllu"
  conllu_trees "$T/out"
  diff <(grep -v '^#' "$TINY/tiny-dev.conllu" | cut -f1,2) <(grep -v '^#' "$T/out" | cut -f1,2) >/dev/null \
    || fail "words or sentences of the gold input changed"
  grep -q '^# sent_id = own-1' "$T/out" || fail "comments not kept"
}
case_train_syntax_deterministic() {
  local opts=(--train "$TINY/tiny-train.conllu" --dev "$TINY/tiny-dev.conllu" --tagger-epochs 3 --parser-epochs 3
              --jackknife 2 --parser-features 5000 --label-entries 5000 --tagger-entries 5000)
  expect_exit 0 "$NEWSAN" train-syntax "${opts[@]}" -o "$T/m1.model"
  err_has "dev UAS"
  err_has "dev UPOS"
  expect_exit 0 "$NEWSAN" train-syntax "${opts[@]}" -o "$T/m2.model"
  cmp -s "$T/m1.model" "$T/m2.model" || fail "two trainings on the same data differ"
  expect_exit 0 "$NEWSAN" eval-syntax --model "$T/m1.model" "$TINY/tiny-dev.conllu"
  grep -q "UPOS" "$T/out" || fail "no UPOS line: $(cat "$T/out")"
  grep -qE "LAS +1\.0000" "$T/out" || fail "the training sentences are not learned: $(cat "$T/out")"
  expect_exit 0 "$NEWSAN" parse --model "$T/m1.model" --input-format conllu "$TINY/tiny-dev.conllu"
  conllu_trees "$T/out"
}
case_eval_syntax_shipped() {
  expect_exit 0 "$NEWSAN" eval-syntax "$TINY/tiny-dev.conllu"
  grep -qE "UPOS +[01]\.[0-9]{4}" "$T/out" || fail "no UPOS score: $(cat "$T/out")"
  grep -qE "LAS +[01]\.[0-9]{4}" "$T/out" || fail "no LAS score: $(cat "$T/out")"
}
case_malformed_conllu() {
  printf '1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\n' >"$T/cols.conllu"
  expect_exit 2 "$NEWSAN" parse --input-format conllu "$T/cols.conllu"; err_has "cols.conllu:2:"
  printf '1\ta\t_\t_\t_\t_\t2\tdep\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n\n' >"$T/cycle.conllu"
  expect_exit 2 "$NEWSAN" eval-syntax "$T/cycle.conllu"; err_has "cycle.conllu:"; err_has "cycle"
  printf '1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n3\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n' >"$T/id.conllu"
  expect_exit 2 "$NEWSAN" train-syntax --train "$T/id.conllu" -o "$T/x.model"; err_has "id.conllu:2:"
  [ ! -e "$T/x.model" ] || fail "a model was written from bad data"
  expect_exit 2 "$NEWSAN" parse --input-format conllu "$T/missing.conllu"; err_has "missing.conllu"
}
case_bad_model_files() {
  local m=$SRC/data/models/syntax.model
  head -c 5000 "$m" >"$T/cut.model"
  expect_exit 2 "$NEWSAN" parse --model "$T/cut.model" "$TINY/tiny-dev.conllu"; err_has "cut.model"
  expect_exit 2 "$NEWSAN" eval-syntax --model "$SRC/data/models/ner-en.bin" "$TINY/tiny-dev.conllu"
  err_has "NER model"
  printf 'hello' >"$T/foreign.model"
  expect_exit 2 "$NEWSAN" eval-syntax --model "$T/foreign.model" "$TINY/tiny-dev.conllu"; err_has "not a newsan syntax model"
  python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[len(b)//2]^=0x40; open(sys.argv[2],"wb").write(b)' \
    "$m" "$T/flip.model"
  expect_exit 2 "$NEWSAN" eval-syntax --model "$T/flip.model" "$TINY/tiny-dev.conllu"; err_has "checksum"
}
case_version_syntax_model() {
  expect_exit 0 "$NEWSAN" --version
  grep -q "^syntax model syntax format 4, trained on" "$T/out" || fail "no syntax model line: $(cat "$T/out")"
}
# The syntax model is read when a sentence first needs a parse, not at start-up:
# with a damaged model, an article whose extractors parse nothing is analyzed,
# one that needs a parse (a year opening a name, dates/scan.h) fails with exit 2
# naming the model file; --version reads only the model's header.
case_lazy_syntax_model() {
  mkdir -p "$T/data/models"
  local e
  for e in "$SRC"/data/*; do [ "$(basename "$e")" = models ] || ln -s "$e" "$T/data/"; done
  for e in "$SRC"/data/models/*; do [ "$(basename "$e")" = syntax.model ] || ln -s "$e" "$T/data/models/"; done
  python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[len(b)//2]^=0x40; open(sys.argv[2],"wb").write(b)' \
    "$SRC/data/models/syntax.model" "$T/data/models/syntax.model"
  printf 'The council met on Monday.\nIt approved the budget.\n' >"$T/plain.txt"
  expect_exit 0 "$NEWSAN" -q --data-dir "$T/data" --format json "$T/plain.txt"; json_ok "$T/out"
  printf 'Tickets sold out.\nThey said, 2015 Boat Show in May was the best.\n' >"$T/year.txt"
  expect_exit 2 "$NEWSAN" -q --data-dir "$T/data" --format json "$T/year.txt"
  err_has "$T/data/models/syntax.model"; err_has "checksum"
  # The same two inputs in one run: the first is reported, the second is the error.
  expect_exit 2 "$NEWSAN" -q --data-dir "$T/data" --format jsonl "$T/plain.txt" "$T/year.txt"
  [ "$(grep -c '"schema_version"' "$T/out")" -ge 1 ] || fail "the article without a parse was not reported: $(head -c 300 "$T/out")"
  expect_exit 0 env NEWSAN_DATA="$T/data" "$NEWSAN" --version
  grep -q "^data $T/data" "$T/out" || fail "--version did not use NEWSAN_DATA: $(cat "$T/out")"
  grep -q "^syntax model syntax format 4, trained on" "$T/out" || fail "no syntax model line: $(cat "$T/out")"
  # With the good model the same article is analyzed.
  expect_exit 0 "$NEWSAN" -q --format json "$T/year.txt"; json_ok "$T/out"
}

# The syntax benchmark's arguments: --help is usage (exit 0); a bad count, an
# unknown option, a missing directory or a bad model file are errors (exit 2),
# never a crash (it once died in std::stoul on --help).
case_bench_arguments() {
  local bench=${NEWSAN_BUILD:?}/bench/syntax_bench
  [ -x "$bench" ] || exit 77
  expect_exit 0 "$bench" --help; grep -q "^usage: syntax_bench" "$T/out" || fail "no usage: $(cat "$T/out")"
  expect_exit 2 "$bench" "$T" many; err_has "MAX_FILES 'many' is not a positive number"
  expect_exit 2 "$bench" "$T" 0; err_has "is not a positive number"
  expect_exit 2 "$bench" --fast; err_has "unknown option '--fast'"
  expect_exit 2 "$bench" "$T/none"; err_has "no such directory"
  printf 'The ferry left.\n' >"$T/a.txt"
  printf 'hello' >"$T/foreign.model"
  expect_exit 2 "$bench" "$T" 1 "$T/foreign.model"; err_has "not a newsan syntax model"
}
# Word classes: the table named by --word-classes is kept in the model (its
# description says which), --no-word-classes trains without, a bad table is an
# error naming the file and line.
case_train_syntax_word_classes() {
  local opts=(--train "$TINY/tiny-train.conllu" --tagger-epochs 2 --parser-epochs 2 --jackknife 0)
  expect_exit 0 "$NEWSAN" train-syntax "${opts[@]}" --word-classes "$TINY/tiny-classes.tsv" -o "$T/c.model"
  err_has "26 word classes"
  expect_exit 0 "$NEWSAN" train-syntax "${opts[@]}" --no-word-classes -o "$T/n.model"
  err_has "0 word classes"
  grep -qa 'seed 1, word classes tiny-classes.tsv' "$T/c.model" || fail "the description does not name the class table"
  grep -qa 'seed 1, no word classes' "$T/n.model" || fail "the description lacks 'no word classes'"
  expect_exit 0 "$NEWSAN" eval-syntax --model "$T/c.model" "$TINY/tiny-dev.conllu"
  [ "$(stat -c %s "$T/c.model")" -gt "$(stat -c %s "$T/n.model")" ] || fail "the class table is not in the model"
  printf '# newsan-lexicon 1 ner-word-classes\nferry\t2\t22\nfog\t40\t3\n' >"$T/bad.tsv"
  expect_exit 2 "$NEWSAN" train-syntax "${opts[@]}" --word-classes "$T/bad.tsv" -o "$T/b.model"
  err_has "bad.tsv:3:"
  [ ! -e "$T/b.model" ] || fail "a model was written with a bad class table"
}
"case_$CASE"
