#!/usr/bin/env python3
"""Browser test of `--format html` (and the corpus summary page): headless
Chromium loads the page, and the rendered DOM (--dump-dom) is checked: every
entity mention, figure and date of the analysis is a focusable mark with the
right kind, type and aria-label, its text is exactly the span, the page holds
no external URL (a strict CSP forbids any request), article text with HTML
specials and </script> stays text. A screenshot is written for a person.
usage: check_page.py NEWSAN SAMPLE OUTDIR   (exit 77 = chromium not installed)"""
import html.parser
import json
import os
import pathlib
import shutil
import subprocess
import sys


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self.stack, self.urls, self.csp, self.scripts = {}, [], [], False, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href", "action", "srcset", "data", "poster"):
            v = a.get(k)
            if v and not v.startswith("#") and not v.startswith("data:"):
                self.urls.append(v)
        if "url(" in (a.get("style") or ""):
            self.urls.append(a["style"])
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = "default-src 'none'" in (a.get("content") or "")
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            ref = a.get("data-ref")
            if ref:
                m = self.marks.setdefault(ref, {"text": "", "attrs": {}})
                if "id" in a:
                    m["attrs"] = a
            self.stack.append(ref)

    def handle_endtag(self, tag):
        if tag == "mark" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for ref in set(self.stack):
            if ref:
                self.marks[ref]["text"] += data


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def browse(browser, page, shot):
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + str(shot.parent / "chromium-profile")]
    url = page.resolve().as_uri()
    dom = subprocess.run(base + ["--dump-dom", url], capture_output=True, timeout=120, text=True)
    if dom.returncode != 0 or "<html" not in dom.stdout:
        sys.exit(f"chromium failed on {page}: {dom.stderr[:500]}")
    subprocess.run(base + ["--window-size=1280,1000", f"--screenshot={shot}", url], capture_output=True, timeout=120)
    if not shot.exists() or shot.stat().st_size == 0:
        sys.exit(f"no screenshot written for {page}")
    return dom.stdout


def main():
    newsan, sample, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    browser = chromium()
    if not browser:
        print("SKIP: chromium is not installed (scripts/install-deps installs it)")
        return 77
    out.mkdir(parents=True, exist_ok=True)
    # A second article of our own with HTML specials and a closing script tag in its text.
    hostile = out / "hostile.txt"
    hostile.write_text("Mayor Ines Alvarado said <script>alert(1)</script> & \"quotes\" cost 3 euros.\n"
                       "</script><img src=x onerror=alert(2)> 40 people left on 2030-06-01.\n")
    failures = []
    for art in (sample, hostile):
        args = ["--date", "2024-05-14", str(art)]
        data = json.loads(subprocess.run([newsan, "--format", "json", *args], check=True, capture_output=True).stdout)
        page = out / (art.stem + ".html")
        subprocess.run([newsan, "--format", "html", "-o", str(page), *args], check=True)
        dom = Dom()
        dom.feed(browse(browser, page, out / (art.stem + ".png")))
        text = art.read_bytes()
        want = []
        for i, e in enumerate(data["entities"]):
            for j, m in enumerate(e["mentions"]):
                want.append((f"a0-e{i}-{j}", "entity", e["type"], m))
        want += [(f"a0-f{i}", "figure", f["kind"] or "number", f) for i, f in enumerate(data["figures"])]
        want += [(f"a0-d{i}", "date", d["type"], d) for i, d in enumerate(data["dates"])]
        for ref, kind, typ, span in want:
            m = dom.marks.get(ref)
            if not m or not m["attrs"]:
                failures.append(f"{art.name}: no mark {ref} for {kind} {span['text']!r}")
                continue
            a = m["attrs"]
            if a.get("data-kind") != kind or a.get("data-type") != typ:
                failures.append(f"{art.name}: {ref} is {a.get('data-kind')}/{a.get('data-type')}, expected {kind}/{typ}")
            if a.get("tabindex") != "0" or not (a.get("aria-label") or "").startswith(" ".join(span["text"].split())):
                failures.append(f"{art.name}: {ref} not focusable or aria-label {a.get('aria-label')!r} wrong")
            if not a.get("data-card"):
                failures.append(f"{art.name}: {ref} has no card")
            if m["text"] != text[span["start"]:span["end"]].decode():
                failures.append(f"{art.name}: {ref} text {m['text']!r} != span {span['text']!r}")
        if len(want) < 3:
            failures.append(f"{art.name}: only {len(want)} findings; the sample should have more")
        if dom.urls:
            failures.append(f"{art.name}: external URLs in the page: {dom.urls[:5]}")
        if not dom.csp:
            failures.append(f"{art.name}: no strict Content-Security-Policy meta tag")
        if dom.scripts:
            failures.append(f"{art.name}: {dom.scripts} script element(s) in the DOM (article text was not escaped)")
        print(f"{art.name}: {len(want)} findings, all marked; screenshot {out / (art.stem + '.png')}")
    # The corpus summary page of the project's own articles: pairs, one SVG chart per dated series.
    summary = out / "summary.html"
    subprocess.run([newsan, "summarize", "--format", "html", "-o", str(summary), str(sample.parent / "summarize")], check=True)
    dump = browse(browser, summary, out / "summary.png")
    sdom = Dom()
    sdom.feed(dump)
    if dump.count('data-kind="contradicts"') < 1 or dump.count('data-kind="agrees"') < 1:
        failures.append("summary.html: no contradiction or no agreement rendered")
    if dump.count("<svg") != dump.count('class="series"') or "<circle" not in dump:
        failures.append("summary.html: not one chart per figure series")
    if sdom.urls or not sdom.csp or sdom.scripts:
        failures.append(f"summary.html: external URLs {sdom.urls[:3]}, CSP {sdom.csp}, scripts {sdom.scripts}")
    print(f"summary.html: rendered; screenshot {out / 'summary.png'}")
    raw = (out / "hostile.html").read_text()
    if "</script>" in raw or "<img" in raw or "&lt;/script&gt;" not in raw:
        failures.append("hostile.html: article text not escaped")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
