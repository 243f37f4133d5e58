#!/usr/bin/env python3
"""Every group company's privacy notices, from one group template and a CSV.

    python group_notices.py                       # into ./notices/
    python group_notices.py --companies my.csv --out site/ --langs fi,sv

For each row of the CSV (id, name_fi, name_sv, business_id, street, postal_code,
town_fi, town_sv, phone, email, web) the script copies the template source, fills
the placeholder controller organisation ("yhtio") with the company's data, gives
the register a per-company id, and runs the checks. If any company fails them,
it lists every company with its errors (located in the CSV), writes nothing and
exits with 1. Otherwise it builds one site with seloste.build_site: every
company's notice in every language, an index page per language and a root
index.html. The site is written into a temporary folder and swapped in whole, so
the output folder never holds a partial result.

Progress is shown with tqdm when it is installed (pip install tqdm), else with a
plain bar on stderr.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Tuple, TypeVar

import seloste

HERE = Path(__file__).resolve().parent
COLUMNS = ["id", "name_fi", "name_sv", "business_id", "street", "postal_code", "town_fi", "town_sv", "phone", "email", "web"]
PLACEHOLDER = "yhtio"          # the template's controller organisation
TEMPLATE_REGISTER = "asiakasrekisteri"

T = TypeVar("T")


def progress(items: Iterable[T], total: int, desc: str, enabled: bool) -> Iterator[T]:
    """A progress bar on stderr: tqdm when installed, else a plain one."""
    if not enabled:
        yield from items
        return
    try:
        from tqdm import tqdm
    except ImportError:
        tqdm = None
    if tqdm is not None:
        yield from tqdm(items, total=total, desc=desc, unit="company", file=sys.stderr)
        return
    width = 30
    for i, item in enumerate(items, 1):
        yield item
        done = width * i // max(total, 1)
        sys.stderr.write("\r%s [%s%s] %d/%d" % (desc, "#" * done, "." * (width - done), i, total))
        sys.stderr.flush()
    sys.stderr.write("\n")


def text(fi: str, sv: str):
    """A name or town: the same in every language, or with its own Swedish form."""
    return {"fi": fi, "sv": sv, "en": fi} if sv else fi


def read_companies(path: Path) -> List[Tuple[int, Dict[str, str], Dict[str, int]]]:
    """The CSV rows with their line numbers and the column of each field."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    reader = csv.reader(lines)
    header = next(reader, None)
    if header != COLUMNS:
        raise SystemExit("%s:1:1: error: the header is %s; expected %s" % (path, ",".join(header or []), ",".join(COLUMNS)))
    for line_no, fields in enumerate(reader, 2):
        if not fields:
            continue
        if len(fields) != len(COLUMNS):
            raise SystemExit("%s:%d:1: error: %d fields; expected %d" % (path, line_no, len(fields), len(COLUMNS)))
        columns, col = {}, 1
        for name, value in zip(COLUMNS, fields):
            columns[name] = col
            col += len(value) + 1
        rows.append((line_no, dict(zip(COLUMNS, (v.strip() for v in fields))), columns))
    return rows


def company_source(template: seloste.Source, csv_path: Path, line: int, row: Dict[str, str],
                   columns: Dict[str, int]) -> seloste.Source:
    """The template filled in with one company's data."""
    src = template.copy()
    src.file = row["id"] + ".xml"
    at = lambda field: seloste.Location(str(csv_path), line, columns[field])  # noqa: E731

    org = src.organisation(PLACEHOLDER)
    org.id = row["id"]
    org.location = at("id")
    org.name = text(row["name_fi"], row["name_sv"])
    org.name.location = at("name_fi")
    org.business_id = row["business_id"]
    org.business_id_location = at("business_id")
    org.visiting_address = seloste.Address(street=row["street"], postal_code=row["postal_code"],
                                           town=text(row["town_fi"], row["town_sv"]))
    org.visiting_address.location = at("street")
    org.phone, org.phone_location = row["phone"], at("phone")
    org.email, org.email_location = row["email"], at("email")
    org.web, org.web_location = row["web"], at("web")

    reg = src.register(TEMPLATE_REGISTER)
    reg.id = row["id"] + "-" + TEMPLATE_REGISTER
    reg.controllers = [row["id"]]
    return src


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--template", type=Path, default=HERE / "group-template.xml")
    ap.add_argument("--companies", type=Path, default=HERE / "companies.csv")
    ap.add_argument("--out", type=Path, default=Path("notices"), help="the site folder (default: ./notices)")
    ap.add_argument("--langs", default="fi,sv,en", help="comma-separated: fi,sv,en")
    ap.add_argument("--theme", default="default")
    ap.add_argument("--no-progress", action="store_true")
    args = ap.parse_args(argv)
    langs = [x for x in args.langs.split(",") if x]
    show = not args.no_progress

    try:
        template = seloste.load(args.template)
        rows = read_companies(args.companies)
    except seloste.SelosteError as e:
        print(e, file=sys.stderr)
        return 2
    if not rows:
        print("%s: error: no companies" % args.companies, file=sys.stderr)
        return 1

    sources: List[seloste.Source] = []
    failed: List[Tuple[str, List[str]]] = []
    seen: Dict[str, int] = {}
    for line, row, columns in progress(rows, len(rows), "checking", show):
        errors = []
        if row["id"] in seen:
            errors.append("%s:%d:1: error: the id %s is also on line %d; expected one row per company"
                          % (args.companies, line, row["id"], seen[row["id"]]))
        seen.setdefault(row["id"], line)
        try:
            src = company_source(template, args.companies, line, row, columns)
            errors += [f.format("en") for f in src.check(langs=langs, spelling=False) if f.is_error]
        except (ValueError, TypeError, KeyError) as e:
            errors.append("%s:%d:1: error: %s" % (args.companies, line, e))
        if errors:
            failed.append(("%s (%s)" % (row["name_fi"] or row["id"], row["id"]), errors))
        else:
            sources.append(src)

    if failed:
        print("\n%d of %d companies fail the checks; nothing was written:" % (len(failed), len(rows)), file=sys.stderr)
        for company, errors in failed:
            print("\n" + company, file=sys.stderr)
            for e in errors:
                print("  " + e, file=sys.stderr)
        return 1

    if show:
        print("building %d notices ..." % (len(sources) * len(langs)), file=sys.stderr)
    try:
        result = seloste.build_site(sources, args.out, langs=langs, themes=[args.theme])
    except seloste.SelosteError as e:
        print("error: %s; nothing was written" % e, file=sys.stderr)
        return 2
    if result.refused:  # the checks above make this unreachable, but never publish a refused build
        for f in result.findings:
            if f.is_error:
                print(f, file=sys.stderr)
        print("build refused; nothing was written", file=sys.stderr)
        return 1
    print("%s %s: %d notice pages for %d companies in %s; index: %s"
          % ("built" if result.changed else "unchanged", result.out_dir, result.pages, len(sources), ",".join(langs),
             os.path.join(result.out_dir, "index.html")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
