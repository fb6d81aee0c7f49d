#!/usr/bin/env python3
"""Checks newsan's JSON / JSON Lines output against its inputs, the
guarantees every run must keep (tests/cli/cases.sh uses it):
  - the output is valid UTF-8 and every record parses;
  - every object with integer start/end is a span of the document text
    (0 <= start <= end <= size) and, when it carries "text" (a finding),
    start < end and text equals the slice exactly.
The document text is document.text when the output has it (--emit-text),
else the input file's bytes after document.text_offset.
usage: check_output.py OUT [INPUT...]   (one INPUT per record, in order; an
error record's input may be anything). Prints the number of records."""
import json
import sys


def spans(obj, text, path="$"):
    if isinstance(obj, dict):
        s, e = obj.get("start"), obj.get("end")
        if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool):
            finding = "text" in obj
            assert 0 <= s <= e <= len(text) and (s < e or not finding), f"{path}: span [{s}, {e}) of {len(text)} bytes"
            if finding:
                assert obj["text"] == text[s:e].decode("utf-8"), f"{path}: text {obj['text']!r} != slice [{s}, {e})"
        for k, v in obj.items():
            spans(v, text, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            spans(v, text, f"{path}[{i}]")


def main():
    out = open(sys.argv[1], "rb").read().decode("utf-8")  # raises on invalid UTF-8
    inputs = sys.argv[2:]
    out = out.strip()
    if not out:
        records = []
    elif out.startswith("{\n") or "\n" not in out:
        records = [json.loads(out)]
    else:
        records = [json.loads(line) for line in out.split("\n")]
    for i, rec in enumerate(records):
        if "error" in rec:
            continue
        doc = rec["document"]
        if "text" in doc:
            text = doc["text"].encode("utf-8")
        else:
            assert i < len(inputs), f"record {i}: no input given to check it against"
            text = open(inputs[i], "rb").read()[doc["text_offset"]:]
        assert doc["bytes"] == len(text), f"record {i}: document.bytes {doc['bytes']} != {len(text)}"
        spans(rec, text, f"record {i}")
    print(len(records))


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, ValueError, KeyError) as e:
        print(f"check_output: {e}", file=sys.stderr)
        sys.exit(1)
