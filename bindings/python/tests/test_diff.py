"""seloste.diff(a, b): the semantic diff of two versions of a source, as `seloste diff` tells it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import seloste

from conftest import ROOT, run_cli

VAASA = ROOT / "examples" / "vaasan-sahko.xml"
OLD_RULE = '<rule category="asiakastiedot">\n        <period years="6"/>'
NEW_RULE = '<rule category="asiakastiedot">\n        <period years="10"/>'


def _changed_copy(tmp_path: Path) -> Path:
    text = VAASA.read_text(encoding="utf-8")
    assert OLD_RULE in text
    path = tmp_path / "new.xml"
    path.write_text(text.replace(OLD_RULE, NEW_RULE, 1), encoding="utf-8")
    return path


def test_a_source_against_itself_has_no_changes():
    for path in sorted((ROOT / "examples").glob("*.xml")):
        d = seloste.diff(path, seloste.load(str(path)))
        assert not d
        assert len(d) == 0
        assert d.text("fi") == ""


def test_changed_retention_names_the_category_and_both_durations(tmp_path):
    d = seloste.diff(VAASA, _changed_copy(tmp_path))
    assert d and len(d) == 1
    c = d[0]
    assert (c.section, c.op, c.field, c.key) == ("retention", "changed", "period", "asiakastiedot")
    assert c.register == "vaasan-sahko-asiakasrekisteri"
    assert (c.before("fi"), c.after("fi")) == ("6 vuotta", "10 vuotta")
    assert (c.before("sv"), c.after("sv")) == ("6 år", "10 år")
    assert c.item("en") == "General customer data"
    assert c.text("fi") == "Tietoryhmän ”Yleiset asiakastiedot” säilytysaika muuttui: 6 vuotta → 10 vuotta."
    assert c.text("sv") == "Lagringstiden för ”Allmänna kunduppgifter” ändrades: 6 år → 10 år."
    assert c.text("en") == "The retention of “General customer data” changed from 6 years to 10 years."
    assert str(c) == c.text("en")
    assert c.new_location is not None and c.new_location.line > 0
    assert [x.text() for x in d] == [c.text()]
    j = json.loads(d.to_json())
    assert j["format"] == "seloste-diff" and j["changes"][0]["after"]["fi"] == "10 vuotta"


def test_sources_in_memory_and_text_changes():
    a = seloste.load(str(VAASA))
    b = seloste.load(str(VAASA))
    reg = b.registers[0]
    reg.name = seloste.Text(fi=reg.name.fi, sv=reg.name.sv, en=reg.name.get("en") + " (new)")
    d = seloste.diff(a, b)
    assert len(d) == 1
    c = d[0]
    assert c.op == "text" and c.section == "register" and c.field == "name"
    assert "{+(new)+}" in c.words("en")
    assert c.words("fi") == ""
    assert "(new)" in c.text("en")
    assert seloste.word_diff("säilytetään 6 vuotta", "säilytetään 10 vuotta") == "säilytetään [-6-]{+10+} vuotta"


def test_the_package_and_the_cli_agree(cli, tmp_path):
    new = _changed_copy(tmp_path)
    for lang in ("fi", "sv", "en"):
        r = run_cli(cli, "diff", "--lang", lang, str(VAASA), str(new))
        assert r.returncode == 1
        assert r.stdout == seloste.diff(VAASA, new).text(lang)
    r = run_cli(cli, "diff", "--format", "json", str(VAASA), str(new))
    assert r.returncode == 1
    assert json.loads(r.stdout) == json.loads(seloste.diff(str(VAASA), str(new)).to_json())
    same = run_cli(cli, "diff", str(VAASA), str(VAASA))
    assert same.returncode == 0 and same.stdout == ""
