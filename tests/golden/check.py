#!/usr/bin/env python3
"""Golden test: run newsan on each data/samples/<name>.txt that has a
tests/golden/<name>.expected.json, parse the JSON, and check the expected facts.

Expected file: {"document": {field: value}, "entities"|"figures"|"dates": [item],
"absent_entities": [item]}. An item matches an output object when every key
matches: "key": value is equality (numbers with relative tolerance 1e-6);
"key~": "s" means the string field contains s (case-insensitive). Every span in
the output must also be exact (0 <= start < end <= size, text == slice).
usage: check.py NEWSAN GOLDEN_DIR"""
import json
import math
import pathlib
import subprocess
import sys


def field_ok(obj, key, want):
    if key.endswith("~"):
        have = obj.get(key[:-1])
        return isinstance(have, str) and want.lower() in have.lower()
    have = obj.get(key)
    if isinstance(want, (int, float)) and isinstance(have, (int, float)) and not isinstance(have, bool):
        return math.isclose(have, want, rel_tol=1e-6)
    return have == want


def matches(obj, item):
    return all(field_ok(obj, k, v) for k, v in item.items())


def main():
    newsan, golden = sys.argv[1], pathlib.Path(sys.argv[2])
    samples = golden.parent.parent / "data" / "samples"
    failures, checked = [], 0
    for exp_path in sorted(golden.glob("*.expected.json")):
        name = exp_path.name.removesuffix(".expected.json")
        article = samples / f"{name}.txt"
        exp = json.loads(exp_path.read_text())
        run = subprocess.run([newsan, "analyze", "--format", "json", *exp.get("args", []), str(article)],
                             capture_output=True)
        if run.returncode != 0:
            failures.append(f"{name}: exit {run.returncode}: {run.stderr.decode()[:300]}")
            continue
        out = json.loads(run.stdout)
        data = article.read_bytes()
        for k, v in exp.get("document", {}).items():
            checked += 1
            if not field_ok(out["document"], k, v):
                failures.append(f"{name}: document.{k} = {out['document'].get(k.rstrip('~'))!r}, expected {v!r}")
        for section in ("entities", "figures", "dates"):
            for item in exp.get(section, []):
                checked += 1
                if not any(matches(o, item) for o in out[section]):
                    failures.append(f"{name}: no {section[:-1]} matching {item}")
        for item in exp.get("absent_entities", []):
            checked += 1
            if any(matches(o, item) for o in out["entities"]):
                failures.append(f"{name}: unexpected entity matching {item}")
        spans = [m for e in out["entities"] for m in e["mentions"]] + out["figures"] + out["dates"]
        for s in spans:
            checked += 1
            if not (0 <= s["start"] < s["end"] <= len(data)) or data[s["start"]:s["end"]].decode() != s["text"]:
                failures.append(f"{name}: bad span {s['start']},{s['end']} {s['text']!r}")
    for f in failures:
        print("FAIL", f)
    print(f"golden: {checked - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures or checked == 0 else 0)


if __name__ == "__main__":
    main()
