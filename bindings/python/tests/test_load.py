"""Reading sources: files, strings, and errors that carry file:line:col."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import seloste
from conftest import EXAMPLES, ROOT, run_cli

BROKEN = """<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="a"><name>A Oy</name></organisation>
  <register id="r">
    <name>R</name>
    <controller ref="b"/>
    <purpose basis="gift"><description>x</description></purpose>
    <notice-date>2025-02-30</notice-date>
  </register>
</seloste>
"""


def test_load_every_example():
    for path in EXAMPLES:
        src = seloste.load(path)  # a Path works
        assert src.file == str(path)
        assert len(src.registers) >= 1
        assert len(src.organisations) >= 1
        for reg in src.registers:
            assert reg.id and reg.name.get("fi")
            assert reg.location.file == str(path) and reg.location.line > 1


def test_load_known_values():
    src = seloste.load(str(ROOT / "examples" / "seinajoki.xml"))
    assert [r.id for r in src.registers] == ["seiverkot-asiakasrekisteri", "sen-uutiskirjerekisteri"]
    sen = src.organisation("sen")
    assert sen.name == "Seinäjoen Energia Oy"
    assert sen.business_id == "0974008-0"
    assert sen.visiting_address.postal_code == "60100"
    assert str(sen.visiting_address.town) == "Seinäjoki"
    assert src.person("dpo").title.sv == "Dataskyddsombud"
    reg = src.register("sen-uutiskirjerekisteri")
    assert reg.controllers == ["sen"]
    assert reg.dpo == "dpo"
    assert reg.security is not None and reg.cookies is not None


def test_loads_string_and_bytes():
    xml = (ROOT / "examples" / "vaasan-sahko.xml").read_text(encoding="utf-8")
    a = seloste.loads(xml, name="vaasa.xml")
    b = seloste.loads(xml.encode("utf-8"))
    assert a.file == "vaasa.xml" and b.file == "<string>"
    assert [r.id for r in a.registers] == [r.id for r in b.registers]
    assert a.registers[0].location.file == "vaasa.xml"


def test_source_error_carries_every_location():
    with pytest.raises(seloste.SourceError) as info:
        seloste.loads(BROKEN, name="broken.xml")
    e = info.value
    assert isinstance(e, seloste.SelosteError)
    where = [(d.file, d.line, d.column) for d in e.diagnostics]
    assert ("broken.xml", 6, 17) in where       # ref="b": no such organisation (the attribute)
    assert ("broken.xml", 7, 14) in where       # basis="gift"
    assert any(line == 8 for _, line, _ in where)  # 2025-02-30
    assert (e.file, e.line, e.column) == where[0]
    lines = str(e).splitlines()
    assert len(lines) == len(e.diagnostics) == 3
    for d, text in zip(e.diagnostics, lines):
        assert text == str(d)
        assert text.startswith("%s:%d:%d: error: " % (d.file, d.line, d.column))
        assert d.message in text
    assert "gift" in lines[1] and "expected" in lines[1]


def test_malformed_xml_has_a_line():
    with pytest.raises(seloste.SourceError) as info:
        seloste.loads('<seloste version="1">\n  <register id="r">\n</seloste>\n', name="bad.xml")
    d = info.value.diagnostics[0]
    assert d.file == "bad.xml" and d.line >= 2 and "malformed XML" in d.message
    assert str(info.value).startswith("bad.xml:%d:" % d.line)


def test_missing_file_is_a_file_error(tmp_path: Path):
    with pytest.raises(seloste.FileError) as info:
        seloste.load(tmp_path / "nope.xml")
    assert isinstance(info.value, seloste.SelosteError)
    assert "nope.xml" in str(info.value)


def test_unknown_theme_is_a_template_error():
    src = seloste.load(EXAMPLES[0])
    with pytest.raises(seloste.TemplateError):
        seloste.render(src, src.registers[0].id, theme="no-such-theme")


def test_unknown_ids_raise_key_error():
    src = seloste.load(EXAMPLES[0])
    with pytest.raises(KeyError):
        src.register("nope")
    with pytest.raises(KeyError):
        src.organisation("nope")
    with pytest.raises(KeyError):
        seloste.render(src, "nope")
    with pytest.raises(ValueError):
        seloste.render(src, src.registers[0].id, lang="de")


# The sources that cannot be published (tests/fixtures/unpublishable/expected.tsv): the
# binding refuses each where `seloste check`, `render` and `build` do
# (tests/cli/unpublishable.sh holds the CLI to the same table).
UNPUBLISHABLE = ROOT / "tests" / "fixtures" / "unpublishable"


def _unpublishable():
    rows = []
    for line in (UNPUBLISHABLE / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, loc, says = line.split("\t")
        line_no, column = loc.split(":")
        rows.append((name, int(line_no), int(column), says))
    return rows


@pytest.mark.parametrize("name,line,column,says", _unpublishable())
def test_unpublishable_source_is_refused_where_the_cli_refuses_it(name, line, column, says):
    path = UNPUBLISHABLE / name
    with pytest.raises(seloste.SourceError) as info:
        seloste.load(path)
    e = info.value
    assert (e.file, e.line, e.column) == (str(path), line, column)
    assert says in e.diagnostics[0].message
    assert "expected" in e.diagnostics[0].message
    assert not any(ord(ch) < 0x20 and ch != "\n" for ch in str(e))  # escaped for a terminal


def test_unpublishable_sources_agree_with_cli_check(cli):
    for name, line, column, _ in _unpublishable():
        path = UNPUBLISHABLE / name
        out = run_cli(cli, "check", "--format", "json", str(path))
        assert out.returncode == 1, name
        errors = [f for f in json.loads(out.stdout)["findings"] if f["severity"] == "error"]
        assert (errors[0]["file"], errors[0]["line"], errors[0]["column"]) == (str(path), line, column), name


def test_a_source_over_16_mib_is_refused(tmp_path: Path):
    path = tmp_path / "big.xml"
    path.write_bytes((ROOT / "examples" / "seinajoki.xml").read_bytes() + b" " * (16 * 1024 * 1024))
    with pytest.raises(seloste.SourceError) as info:
        seloste.load(path)
    assert (info.value.line, info.value.column) == (1, 1)
    assert "16 MiB" in str(info.value)
