"""Checks: the findings are the CLI's findings, as objects."""
from __future__ import annotations

import json

import pytest

import seloste
from conftest import EXAMPLES, ROOT, TEMPLATE, cli_findings


def as_json(findings):
    return json.loads(seloste.findings_to_json(findings))


@pytest.mark.parametrize("path", EXAMPLES + [TEMPLATE], ids=lambda p: p.name)
def test_findings_equal_the_cli(cli, path):
    expected = cli_findings(cli, path, "all")
    found = seloste.load(str(path)).check(langs=["fi", "sv", "en"])
    assert as_json(found) == expected
    assert len(found) == len(expected["findings"])
    for f, e in zip(found, expected["findings"]):
        assert f.rule == e["rule"]
        assert f.kind == e.get("kind", "")
        assert f.severity == e["severity"]
        assert f.article == e["article"]
        assert f.register == e["register"]
        assert (f.file, f.line, f.column) == (e["file"], e["line"], e["column"])
        assert {lang: f.message(lang) for lang in seloste.LANGS} == e["message"]
    # check_file (lenient, as the CLI reads) gives the same.
    assert as_json(seloste.check_file(str(path), langs=["fi", "sv", "en"])) == expected


def test_findings_of_a_source_with_problems_equal_the_cli(cli, tmp_path):
    src = seloste.load(ROOT / "examples" / "seinajoki.xml")
    reg = src.registers[0]
    reg.retention.clear()
    reg.purposes[0].description = {"fi": "Laskutus."}
    src.organisation("sen").business_id = "0974008-1"
    src.organisation("sen").email = "ei osoite"
    path = tmp_path / "problems.xml"
    src.save(path)
    expected = cli_findings(cli, path, "fi,sv,en", spelling=False)
    assert expected["summary"]["errors"] >= 3
    found = seloste.load(path).check(langs="fi,sv,en", spelling=False)
    assert as_json(found) == expected
    rules = {f.rule for f in found if f.is_error}
    assert "fact.business-id" in rules and "fact.email" in rules
    assert seloste.has_errors(found)


def test_broken_file_gives_findings_like_the_cli(cli, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text('<seloste version="1">\n  <register id="r">\n    <name>R</name>\n  </register>\n</seloste>\n',
                    encoding="utf-8")
    expected = cli_findings(cli, path, "fi")
    found = seloste.check_file(path, langs=["fi"])
    assert as_json(found) == expected
    assert found and all(f.file == str(path) and f.line >= 1 for f in found)


def test_in_memory_changes_are_located_where_they_were_made():
    src = seloste.load(TEMPLATE)
    org = src.organisation("yhtio")
    org.business_id = "1234567-8"
    org.business_id_location = seloste.Location("companies.csv", 7, 42)
    findings = src.check(langs="all", spelling=False)
    bad = [f for f in findings if f.rule == "fact.business-id"]
    assert len(bad) == 1 and bad[0].is_error
    assert (bad[0].file, bad[0].line, bad[0].column) == ("companies.csv", 7, 42)
    assert str(bad[0]).startswith("companies.csv:7:42: error: ")
    assert "1234567-8" in bad[0].message("fi")
    # Only one register: a register-scoped check gives the same.
    assert [f.rule for f in src.check(langs="all", spelling=False, register="asiakasrekisteri")] == \
        [f.rule for f in findings]
