#!/usr/bin/env python3
"""Golden test of `newsan summarize` on the project's own fictional articles
(data/samples/summarize: three reports of one prisoner release, two agreeing
within their qualifiers and one contradicting, and a later arrest report), plus
the JSON Lines round trip: analyze → summarize equals summarizing the files.
usage: check_summarize.py NEWSAN SAMPLES_DIR"""
import json
import subprocess
import sys
import tempfile


def run(*args, **kw):
    r = subprocess.run(list(args), capture_output=True, **kw)
    if r.returncode != 0:
        sys.exit(f"exit {r.returncode}: {' '.join(args)}: {r.stderr.decode()[:400]}")
    return r.stdout


def main():
    newsan, samples = sys.argv[1], sys.argv[2]
    fails = []
    direct = json.loads(run(newsan, "summarize", "--format", "json", "-j", "2", samples))
    if direct["articles"] != 4 or direct["errors"] != 0:
        fails.append(f"articles/errors: {direct['articles']}/{direct['errors']}")
    ents = {(e["name"], e["type"]): e for e in direct["entities"]}
    lena = ents.get(("Lena Castellane", "person"))
    if not lena or lena["articles"] != 4 or lena["first_date"] != "2031-03-10" or lena["last_date"] != "2031-04-20":
        fails.append(f"Lena Castellane ranking wrong: {lena}")
    if direct["entities"] and direct["entities"][0]["articles"] < 4:
        fails.append("the entity named in most articles is not ranked first")
    rel = [s for s in direct["series"] if s["event_class"] == "RELEASE" and "prisoners" in s["counted"].lower()
           and len(s["points"]) >= 3]
    if not rel:
        fails.append("no RELEASE series of prisoners with the three reports")
    else:
        vals = sorted((p["date"], p["value"], p["qualifier"], p["source"]) for p in rel[0]["points"])
        want = [("2031-03-10", 131, "exact", "www.valley-herald.example"),
                ("2031-03-11", 130, "approximately", "www.north-courier.example"),
                ("2031-03-12", 71, "exact", "www.harbour-bulletin.example")]
        if vals[:3] != want:
            fails.append(f"release series points: {vals}")

    def pair_values(p):
        return sorted(e["value"] for e in p["evidence"])
    con = [pair_values(p) for p in direct["contradictions"]]
    agr = [pair_values(p) for p in direct["agreements"]]
    if [71, 131] not in con or [71, 130] not in con:
        fails.append(f"contradictions: {con}")
    if [130, 131] not in agr:
        fails.append(f"agreements: {agr}")
    if any(v == [130, 131] for v in con) or any(v in ([71, 131], [71, 130]) for v in agr):
        fails.append("an agreement reported as a contradiction or the reverse")
    for p in direct["contradictions"]:
        if not all(e["sentence"] and str(int(e["value"])) in e["sentence"] for e in p["evidence"]):
            fails.append(f"contradiction without its evidence sentences: {p['text']}")
    if any(p["evidence"][0]["article"] == p["evidence"][1]["article"] for p in direct["contradictions"] + direct["agreements"]):
        fails.append("a pair within one article")
    # The ARREST figure weeks later is in no pair.
    if any("ARREST" in p["text"] for p in direct["contradictions"] + direct["agreements"]):
        fails.append("the arrest report was compared with nothing of its kind, yet paired")

    with tempfile.TemporaryDirectory() as t:
        jl = f"{t}/facts.jsonl"
        with open(jl, "wb") as f:
            f.write(run(newsan, "--format", "jsonl", "--emit-text", "-q", samples))
        via = run(newsan, "summarize", "--format", "json", "-j", "1", jl)
        if json.loads(via) != direct:
            fails.append("JSON Lines round trip (analyze → summarize) differs from summarizing the files")
    for fmt in ("text", "markdown", "html"):
        out = run(newsan, "summarize", "--format", fmt, samples).decode()
        if "131" not in out or "71" not in out:
            fails.append(f"--format {fmt} lacks the contradicting values")
    for f in fails:
        print("FAIL:", f)
    print(f"summarize golden: {len(fails)} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
