#!/usr/bin/env python3
"""Checks that built static-site pages carry the Seloste notices.

  check_content.py LABEL --bundle DIR --sources A.xml B.xml \
      [--page FILE REGISTER LANG]... [--each-fragment PATTERN]

PATTERN names one built page per fragment of the bundle, e.g.
"SITE/{lang}/{register}/index.html". For every page it checks, independently of
the renderer: the page's <html lang>, the fragment of the bundle verbatim, the
register's name in that language and the business ID of every controller, both
read from the XML source, and that the page has no <script> element but the
notice's JSON-LD (docs/json-ld.md; the sample sites have none, so any other script
would be source text run as code).
Prints "ok"/"not ok" lines and "CONTENT LABEL: N passed, N failed"; exits 1 on
any failure.
"""
import argparse
import html
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


def text_in(element, lang):
    """The text of a Seloste text field in `lang`: plain text, or the language
    child, or else the first that exists of fi, sv, en (docs/source-format.md)."""
    if element is None:
        return None
    if len(element) == 0:
        node_text = element.text
    else:
        node_text = None
        for candidate in (lang, "fi", "sv", "en"):
            child = element.find(candidate)
            if child is not None and child.text and child.text.strip():
                node_text = child.text
                break
    return re.sub(r"\s+", " ", node_text).strip() if node_text else None


def read_sources(paths):
    registers = {}
    for path in paths:
        root = ET.parse(path).getroot()
        orgs = {o.get("id"): o for o in root.findall("organisation")}
        for reg in root.findall("register"):
            ids = []
            for c in reg.findall("controller"):
                org = orgs.get(c.get("ref"))
                bid = org.findtext("business-id") if org is not None else None
                if bid:
                    ids.append(bid.strip())
            registers[reg.get("id")] = {"name": reg.find("name"), "business_ids": ids, "source": path}
    return registers


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("label")
    ap.add_argument("--bundle", required=True)
    ap.add_argument("--sources", nargs="+", required=True)
    ap.add_argument("--page", nargs=3, action="append", default=[], metavar=("FILE", "REGISTER", "LANG"))
    ap.add_argument("--each-fragment", metavar="PATTERN")
    args = ap.parse_args()

    registers = read_sources(args.sources)
    with open(os.path.join(args.bundle, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    pages = [tuple(p) for p in args.page]
    if args.each_fragment:
        for entry in manifest["pages"]:
            if entry["kind"] == "fragment":
                pages.append((args.each_fragment.format(lang=entry["lang"], register=entry["register"]),
                              entry["register"], entry["lang"]))
    passed = failed = 0
    if not pages:
        print(f"not ok {args.label}: no pages to check")
        failed += 1
    for file, register, lang in pages:
        problems = []
        try:
            with open(file, encoding="utf-8") as f:
                page = f.read()
        except OSError as e:
            page = None
            problems.append(f"cannot read the page: {e}")
        source = registers.get(register)
        if source is None:
            problems.append(f"register {register} is in no source")
        frag_path = os.path.join(args.bundle, "fragments", lang, f"{register}.html")
        if page is not None:
            if not re.search(r'<html[^>]*\slang="%s"' % re.escape(lang), page):
                problems.append(f'no <html lang="{lang}">')
            try:
                with open(frag_path, encoding="utf-8") as f:
                    fragment = f.read().strip()
                if len(fragment) < 200:
                    problems.append(f"the fragment {frag_path} is suspiciously short ({len(fragment)} chars)")
                if fragment not in page:
                    problems.append(f"the fragment {frag_path} is not in the page verbatim")
            except OSError as e:
                problems.append(f"cannot read the fragment: {e}")
            if source is not None:
                name = text_in(source["name"], lang)
                if not name:
                    problems.append(f"the source has no name for {register} in {lang}")
                elif html.escape(name, quote=False) not in page and name not in page:
                    problems.append(f"the register name {name!r} is not in the page")
                if not source["business_ids"]:
                    problems.append(f"the source gives no business ID for the controllers of {register}")
                for bid in source["business_ids"]:
                    if bid not in page:
                        problems.append(f"the business ID {bid} is not in the page")
            # The notice's JSON-LD (docs/json-ld.md) is the only script: exactly as the core writes it,
            # valid JSON with no '<', '>' or '&'; any other script would be source text run as code.
            ld = re.findall(r'<script type="application/ld\+json">([^<]*)</script>', page)
            if not ld:
                problems.append("the page lacks the notice's JSON-LD script")
            for content in ld:
                try:
                    json.loads(content)
                except ValueError:
                    problems.append("the JSON-LD script does not hold valid JSON")
                if "&" in content or ">" in content:
                    problems.append("the JSON-LD script holds a literal & or >")
            rest = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", page)
            if re.search(r"<script\b", rest, re.I):
                problems.append("the page has a <script> element other than the notice's JSON-LD")
        if problems:
            failed += 1
            print(f"not ok {args.label} {file} ({register}, {lang}):\n  " + "\n  ".join(problems))
        else:
            passed += 1
            print(f"ok {args.label} {file} ({register}, {lang})")
    print(f"CONTENT {args.label}: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
