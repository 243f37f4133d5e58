"""Rendering: byte-for-byte the CLI's output for every example (golden comparison
against `$SELOSTE_BIN render` / `build`)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import seloste
from conftest import EXAMPLES, run_cli, tree

CASES = [("default", []), ("layered", []), ("default", ["--fragment", "--heading-base", "3"])]


@pytest.mark.parametrize("theme,extra", CASES, ids=["default", "layered", "fragment-h3"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_render_equals_the_cli(cli, tmp_path: Path, path: Path, theme: str, extra: list):
    golden = tmp_path / "cli"
    res = run_cli(cli, "render", str(path), "--lang", "all", "--theme", theme, "-o", str(golden), *extra)
    assert res.returncode == 0, res.stderr
    expected = tree(golden)
    assert len([p for p in expected if p.endswith(".html")]) == 3 * len(seloste.load(path).registers)

    fragment = "--fragment" in extra
    heading_base = 3 if fragment else 0

    # 1. render_to: the same files, from a path and from a Source.
    for i, source in enumerate([str(path), seloste.load(path)]):
        out = tmp_path / ("py%d" % i)
        result = seloste.render_to(out, source, langs="all", theme=theme, fragment=fragment, heading_base=heading_base)
        assert result.refused == []
        assert tree(out) == expected
        assert sorted(Path(w.path).name for w in result.written) == sorted(expected)

    # 2. render(): one string per notice, equal to the CLI's file.
    src = seloste.load(path)
    css = seloste.Theme(theme).stylesheet_name
    for reg in src.registers:
        for lang in seloste.LANGS:
            alternates = {o: "%s.%s.html" % (reg.id, o) for o in seloste.LANGS if o != lang}
            if fragment:
                html = seloste.render(src, reg.id, lang, theme=theme, fragment=True, heading_base=3, alternates=alternates)
            else:
                html = src.render(reg, lang, theme=theme, stylesheet_href=css, alternates=alternates)
            assert html.encode("utf-8") == expected["%s.%s.html" % (reg.id, lang)]


def test_render_variants_differ_as_asked():
    src = seloste.load(EXAMPLES[0])
    reg = src.registers[0].id
    page = seloste.render(src, reg, "fi")
    fragment = seloste.render(src, reg, "fi", fragment=True)
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert "<html" not in fragment and "<h2" in fragment
    assert "<h4" in seloste.render(src, reg, "fi", fragment=True, heading_base=4)
    assert seloste.Theme("default").stylesheet[:200] in page  # CSS inlined without stylesheet_href
    assert 'lang="sv"' in seloste.render(src, reg, "sv")
    with pytest.raises(ValueError):
        seloste.render(src, reg, "fi", heading_base=9)


def test_build_site_equals_the_cli(cli, tmp_path: Path):
    golden = tmp_path / "cli-site"
    res = run_cli(cli, "build", *map(str, EXAMPLES), "--lang", "all", "--theme", "default", "--theme", "layered",
                  "-o", str(golden))
    assert res.returncode == 0, res.stderr
    expected = tree(golden)
    out = tmp_path / "py-site"
    result = seloste.build_site([str(p) for p in EXAMPLES], out, langs="all", themes=["default", "layered"])
    assert not result.refused and result.changed
    assert result.pages == 2 * 3 * sum(len(seloste.load(p).registers) for p in EXAMPLES)
    assert tree(out) == expected
    # Unchanged input: nothing is rewritten.
    again = seloste.build_site([str(p) for p in EXAMPLES], out, langs="all", themes=["default", "layered"])
    assert not again.changed and tree(out) == expected


def test_build_site_from_sources_in_memory(tmp_path: Path):
    sources = [seloste.load(p) for p in EXAMPLES]
    out = tmp_path / "site"
    result = seloste.build_site(sources, out)
    assert not result.refused and result.files == len(tree(out))
    by_path = seloste.build_site([str(p) for p in EXAMPLES], tmp_path / "site2")
    a, b = tree(out), tree(tmp_path / "site2")
    # Every page is the same, and so are the findings: the core takes the Source
    # objects as they are, so their locations are the real files' (docs/python.md).
    ma, mb = json.loads(a.pop("manifest.json")), json.loads(b.pop("manifest.json"))
    fa, fb = ma.pop("findings"), mb.pop("findings")
    assert a == b and ma == mb
    assert [f["rule"] for f in fa] == [f["rule"] for f in fb]
    assert fa == fb
    assert result.pages == by_path.pages
    key = lambda f: (f.rule, f.register, f.file, f.line, f.column, f.message("fi"))  # noqa: E731
    assert sorted(map(key, result.findings)) == sorted(map(key, by_path.findings))
    assert all(f.file in {str(p) for p in EXAMPLES} for f in result.findings if f.file)
    assert seloste.verify_bundle(out) == []


def test_build_refuses_errors_and_keeps_the_previous_site(tmp_path: Path):
    out = tmp_path / "site"
    src = seloste.load(EXAMPLES[0])
    assert not seloste.build_site(src, out).refused
    before = tree(out)
    src.organisations[0].business_id = "1234567-8"
    result = seloste.build_site(src, out)
    assert result.refused and not result.changed
    bad = [f for f in result.findings if f.is_error]
    assert bad and all(f.file == str(EXAMPLES[0]) or f.file is None for f in bad)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folder left behind


def test_signed_bundle(tmp_path: Path):
    key = tmp_path / "key"
    seloste.generate_keypair(key)
    out = tmp_path / "site"
    seloste.build_site(EXAMPLES[0], out, sign_key=key)
    assert seloste.verify_bundle(out, str(key) + ".pub") == []
    (out / "index.html").write_text("changed", encoding="utf-8")
    assert seloste.verify_bundle(out, str(key) + ".pub")


def test_out_dir_with_a_trailing_slash(tmp_path: Path):
    src = seloste.load(EXAMPLES[0])
    res = seloste.build_site(src, str(tmp_path / "site") + "/")
    assert not res.refused and (tmp_path / "site" / "index.html").is_file()
    out = seloste.render_to(str(tmp_path / "notices") + "/", src)
    assert out.refused == [] and len(out.written) == len(src.registers) + 1


def test_render_to_leaves_current_files_untouched(tmp_path: Path):
    src = seloste.load(EXAMPLES[0])
    first = seloste.render_to(str(tmp_path), src, langs="all")
    assert first.written and not any(w.unchanged for w in first.written)
    page = Path(first.written[-1].path)
    os.utime(page, (1_000_000_000, 1_000_000_000))
    again = seloste.render_to(str(tmp_path), src, langs="all")
    assert [w.path for w in again.written] == [w.path for w in first.written]
    assert all(w.unchanged for w in again.written)
    assert page.stat().st_mtime == 1_000_000_000
    # A changed page is written again; the others stay as they were.
    page.write_text("stale", encoding="utf-8")
    third = seloste.render_to(str(tmp_path), src, langs="all")
    assert [w.path for w in third.written if not w.unchanged] == [str(page)]
    assert page.read_text(encoding="utf-8") != "stale"
