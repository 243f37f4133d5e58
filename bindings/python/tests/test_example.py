"""The example script: 50 companies x fi, sv, en into one site; bad data fails loudly and writes nothing."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import COMPANIES, EXAMPLE_SCRIPT, tree


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(EXAMPLE_SCRIPT), *args], capture_output=True, text=True, timeout=600)


def pages(out: Path) -> list:
    return sorted(str(p.relative_to(out)) for lang in ("fi", "sv", "en") for p in (out / lang).glob("*.html")
                  if p.name != "index.html")


def test_generates_150_pages_and_the_index(tmp_path: Path):
    out = tmp_path / "notices"
    res = run("--out", str(out))
    assert res.returncode == 0, res.stderr
    assert len(pages(out)) == 150
    for lang in ("fi", "sv", "en"):
        assert (out / lang / "index.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all('href="%s/' % lang in index or "%s/index.html" % lang in index for lang in ("fi", "sv", "en"))
    fi_index = (out / "fi" / "index.html").read_text(encoding="utf-8")
    assert fi_index.count("-asiakasrekisteri.html") >= 50
    # Progress bar on stderr, summary on stdout.
    assert "50/50" in res.stderr
    assert "150 notice pages for 50 companies" in res.stdout
    # Each company's data is in its own notice, in its language.
    vaasa_sv = (out / "sv" / "revontuli-vaasa-asiakasrekisteri.html").read_text(encoding="utf-8")
    assert "Revontuli Energi Vasa Ab" in vaasa_sv and "asiakaspalvelu.vaasa@revontuli.example" in vaasa_sv
    vaasa_fi = (out / "fi" / "revontuli-vaasa-asiakasrekisteri.html").read_text(encoding="utf-8")
    assert "Revontuli Energia Vaasa Oy" in vaasa_fi and "Revontuli Energi Vasa Ab" not in vaasa_fi
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["registers"]) == 50
    assert [f for f in manifest["findings"] if f["severity"] == "error"] == []


def bad_csv(tmp_path: Path) -> Path:
    lines = COMPANIES.read_text(encoding="utf-8").splitlines()
    assert lines[3].split(",")[3] == "2931274-5"
    lines[3] = lines[3].replace("2931274-5", "2931274-6")            # wrong check digit, line 4
    lines[10] = lines[10].replace("@revontuli.example", "@")        # broken e-mail, line 11
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_data_fails_and_writes_nothing(tmp_path: Path):
    out = tmp_path / "notices"
    res = run("--companies", str(bad_csv(tmp_path)), "--out", str(out), "--no-progress")
    assert res.returncode == 1
    assert not out.exists()
    assert "2 of 50 companies fail the checks; nothing was written" in res.stderr
    assert "Revontuli Energia Vantaa Oy (revontuli-vantaa)" in res.stderr
    assert "bad.csv:4:" in res.stderr and "2931274-6" in res.stderr and "[fact.business-id]" in res.stderr
    assert "bad.csv:11:" in res.stderr and "[fact.email]" in res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_bad_data_leaves_a_previous_site_untouched(tmp_path: Path):
    out = tmp_path / "notices"
    assert run("--out", str(out), "--no-progress").returncode == 0
    before = tree(out)
    res = run("--companies", str(bad_csv(tmp_path)), "--out", str(out), "--no-progress")
    assert res.returncode == 1
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "notices"]


def test_a_malformed_csv_is_reported(tmp_path: Path):
    path = tmp_path / "short.csv"
    path.write_text(COMPANIES.read_text(encoding="utf-8").splitlines()[0] + "\nrevontuli-x,Only Two\n", encoding="utf-8")
    res = run("--companies", str(path), "--out", str(tmp_path / "o"), "--no-progress")
    assert res.returncode != 0
    assert "short.csv:2:1: error" in res.stderr
    assert not (tmp_path / "o").exists()
