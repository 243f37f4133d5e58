#!/usr/bin/env python3
"""Benchmark: 50 group companies x 3 languages through the Python package.

    python bench/python_batch.py [--runs 15] [--workers N]

Fills the group template of examples/python with each company of companies.csv
(as examples/python/group_notices.py does), then times, as medians:
  - seloste.render_batch: the package's batch function (C++ threads inside one
    call, the GIL released);
  - the alternative it was measured against: a ThreadPoolExecutor over
    seloste.render (which releases the GIL during each render);
  - render_batch on one thread, and a plain loop, for comparison;
  - the whole example: fill + check + build_site into a temporary folder.
The last line is the batch figure: "median render_batch 50 x 3: X s".
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import seloste

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "python"


def load_example():
    spec = importlib.util.spec_from_file_location("group_notices", EXAMPLE / "group_notices.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    gn = load_example()
    template = seloste.load(EXAMPLE / "group-template.xml")
    rows = gn.read_companies(EXAMPLE / "companies.csv")
    sources = [gn.company_source(template, EXAMPLE / "companies.csv", line, row, cols) for line, row, cols in rows]
    jobs = [seloste.RenderJob(s, s.registers[0], lang) for s in sources for lang in seloste.LANGS]
    assert len(jobs) == 150
    seloste.render_batch(jobs[:3])  # load the theme and locale data once

    batch = median_time(lambda: seloste.render_batch(jobs, workers=args.workers), args.runs)
    with ThreadPoolExecutor(args.workers) as pool:
        pooled = median_time(lambda: list(pool.map(lambda j: seloste.render(j.source, j.register, j.lang), jobs)), args.runs)
    loop = median_time(lambda: [seloste.render(j.source, j.register, j.lang) for j in jobs], args.runs)
    # Ten times the batch, where the difference between the two ways shows clearly.
    many = jobs * 10
    batch10 = median_time(lambda: seloste.render_batch(many, workers=args.workers), max(3, args.runs // 3))
    with ThreadPoolExecutor(args.workers) as pool:
        pooled10 = median_time(lambda: list(pool.map(lambda j: seloste.render(j.source, j.register, j.lang), many)),
                               max(3, args.runs // 3))

    def whole() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            filled = [gn.company_source(template, EXAMPLE / "companies.csv", line, row, cols) for line, row, cols in rows]
            assert not any(f.is_error for s in filled for f in s.check(langs=seloste.LANGS, spelling=False))
            res = seloste.build_site(filled, Path(tmp) / "site")
            assert res.pages == 150

    example = median_time(whole, max(3, args.runs // 3))

    print("machine: %d cores; %d runs each; 150 notices (50 companies x fi, sv, en)" % (os.cpu_count() or 1, args.runs))
    print("median render_batch (%d C++ threads):        %.3f s" % (args.workers, batch))
    print("median ThreadPoolExecutor(%d) over render:   %.3f s" % (args.workers, pooled))
    print("median plain loop of render, one thread:    %.3f s" % loop)
    print("1500 notices: render_batch %.3f s, ThreadPoolExecutor %.3f s" % (batch10, pooled10))
    print("median whole example (fill, check, build_site: 150 pages + fragments + indexes): %.3f s" % example)
    print("median render_batch 50 x 3: %.3f s (target < 1 s)" % batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
