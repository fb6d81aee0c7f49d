#!/usr/bin/env python3
"""Validates a JSON document against the subset of JSON Schema that newsan's
schema uses (type, enum, required, properties, items, $ref, allOf, oneOf).
usage: validate_schema.py SCHEMA.json DOC.json   (exit 0 valid, 1 invalid)"""
import json
import sys

TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def is_type(v, t):
    if t == "integer":
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    return isinstance(v, TYPES[t])


def check(v, s, root, path, errs):
    if "$ref" in s:
        node = root
        for part in s["$ref"].lstrip("#/").split("/"):
            node = node[part]
        check(v, node, root, path, errs)
    if "type" in s:
        ts = s["type"] if isinstance(s["type"], list) else [s["type"]]
        if not any(is_type(v, t) for t in ts):
            errs.append(f"{path}: {v!r:.60} is not {ts}")
            return
    if "enum" in s and v not in s["enum"]:
        errs.append(f"{path}: {v!r} not in {s['enum']}")
    for sub in s.get("allOf", []):
        check(v, sub, root, path, errs)
    if "oneOf" in s:
        ok = sum(1 for sub in s["oneOf"] if not check_list(v, sub, root, path))
        if ok != 1:
            errs.append(f"{path}: matches {ok} of oneOf")
    if isinstance(v, dict):
        for k in s.get("required", []):
            if k not in v:
                errs.append(f"{path}: missing {k}")
        for k, sub in s.get("properties", {}).items():
            if k in v:
                check(v[k], sub, root, f"{path}.{k}", errs)
    if isinstance(v, list) and "items" in s:
        for i, x in enumerate(v):
            check(x, s["items"], root, f"{path}[{i}]", errs)


def check_list(v, s, root, path):
    errs = []
    check(v, s, root, path, errs)
    return errs


def main():
    schema = json.load(open(sys.argv[1]))
    doc = json.load(open(sys.argv[2]))
    errs = check_list(doc, schema, schema, "$")
    for e in errs[:20]:
        print(e, file=sys.stderr)
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
