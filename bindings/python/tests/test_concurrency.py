"""The GIL is released while C++ renders, and render_batch renders on several threads."""
from __future__ import annotations

import threading
import time

import pytest

import seloste
from conftest import EXAMPLES, TEMPLATE


def big_source(items: int = 30000) -> seloste.Source:
    """A register with thousands of list entries: one render takes a long single C++ call."""
    src = seloste.load(TEMPLATE)
    reg = src.register("asiakasrekisteri")
    reg.recipients = [{"value": {"fi": "Vastaanottaja %d" % i, "sv": "Mottagare %d" % i, "en": "Recipient %d" % i}}
                      for i in range(items)]
    return src


def gap_during(call) -> tuple:
    """Runs `call` in a thread while the main thread runs Python; returns the longest
    time the main thread was stopped, the call's duration and its result."""
    done = threading.Event()
    ready = threading.Event()
    go = threading.Event()
    box = {}

    def worker():
        ready.set()
        go.wait()
        t = time.perf_counter()
        box["result"] = call()
        box["seconds"] = time.perf_counter() - t
        done.set()

    th = threading.Thread(target=worker)
    th.start()
    ready.wait()
    last = time.perf_counter()
    gap = 0.0
    go.set()  # the call starts only once the main thread is in its loop
    while not done.is_set():
        now = time.perf_counter()
        gap = max(gap, now - last)
        last = now
    th.join()
    return gap, box["seconds"], box["result"]


def assert_ran_meanwhile(gap: float, seconds: float) -> None:
    # A call that holds the GIL stops the main thread for (nearly) its whole
    # duration; a call that releases it lets the main thread go on, stopped at most
    # for a switch interval or a scheduler slice.
    assert seconds > 0.15, "the call is too short to tell (%.3f s)" % seconds
    assert gap < 0.5 * seconds, "the main thread stood still for %.3f s of a %.3f s call" % (gap, seconds)


def test_the_measure_tells_a_held_gil():
    # sum() over a range is one C call that keeps the GIL throughout.
    gap, seconds, total = gap_during(lambda: sum(range(20_000_000)))
    assert seconds > 0.15 and total > 0
    assert gap > 0.5 * seconds


def long_enough(make_call, items: int) -> tuple:
    """Grows the workload until one call lasts long enough to tell a held GIL
    from a released one (the core keeps getting faster; a fixed size would not)."""
    for _ in range(6):
        gap, seconds, result = gap_during(make_call(items))
        if seconds > 0.3:
            break
        items *= 2
    return gap, seconds, result, items


def test_render_releases_the_gil():
    def make_call(items):
        src = big_source(items)
        return lambda: seloste.render(src, "asiakasrekisteri", "fi")

    gap, seconds, html, items = long_enough(make_call, 30000)
    assert "Vastaanottaja %d" % (items - 1) in html
    assert_ran_meanwhile(gap, seconds)


def test_check_releases_the_gil():
    def make_call(items):
        src = big_source(items)
        return lambda: src.check(langs="all", spelling=True)

    gap, seconds, findings, _ = long_enough(make_call, 20000)
    assert isinstance(findings, list)
    assert_ran_meanwhile(gap, seconds)


def test_batch_releases_the_gil():
    src = seloste.load(EXAMPLES[0])
    one_round = [(src, r.id, lang) for r in src.registers for lang in seloste.LANGS]

    def make_call(rounds):
        jobs = one_round * rounds
        return lambda: seloste.render_batch(jobs, workers=1)

    gap, seconds, out, rounds = long_enough(make_call, 150)
    assert len(out) == len(one_round) * rounds
    assert_ran_meanwhile(gap, seconds)


def test_render_batch_equals_single_renders():
    sources = [seloste.load(p) for p in EXAMPLES]
    jobs = [seloste.RenderJob(s, r.id, lang, theme) for s in sources for r in s.registers for lang in seloste.LANGS
            for theme in ("default", "layered")]
    expected = [seloste.render(j.source, j.register, j.lang, theme=j.theme) for j in jobs]
    assert seloste.render_batch(jobs) == expected
    assert seloste.render_batch(jobs, workers=1) == expected
    assert seloste.render_batch(jobs, workers=7) == expected
    # Plain tuples, Register objects and options work too.
    s = sources[0]
    reg = s.registers[0]
    out = seloste.render_batch([(s, reg, "sv"), (s, reg.id, "en", "default", True, 3)])
    assert out == [seloste.render(s, reg, "sv"), seloste.render(s, reg.id, "en", fragment=True, heading_base=3)]
    assert seloste.render_batch([]) == []


def test_render_batch_reports_bad_jobs_before_rendering():
    s = seloste.load(EXAMPLES[0])
    with pytest.raises(KeyError):
        seloste.render_batch([(s, s.registers[0].id, "fi"), (s, "no-such-register", "fi")])
    with pytest.raises(ValueError):
        seloste.render_batch([(s, s.registers[0].id, "de")])
    with pytest.raises(seloste.TemplateError):
        seloste.render_batch([(s, s.registers[0].id, "fi", "no-such-theme")])
    with pytest.raises(ValueError):
        seloste.render_batch([(s, s.registers[0].id, "fi")], workers=0)


def test_threads_may_render_the_same_source():
    src = seloste.load(EXAMPLES[0])
    reg = src.registers[0].id
    expected = {lang: seloste.render(src, reg, lang) for lang in seloste.LANGS}
    errors = []

    def work(lang):
        for _ in range(20):
            if seloste.render(src, reg, lang) != expected[lang]:
                errors.append(lang)

    threads = [threading.Thread(target=work, args=(lang,)) for lang in seloste.LANGS * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
