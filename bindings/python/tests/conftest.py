"""Shared fixtures: the repository's examples and the CLI (SELOSTE_BIN) to compare against."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import List

import pytest

ROOT = Path(os.environ.get("SELOSTE_SOURCE_DIR") or Path(__file__).resolve().parents[3])
EXAMPLES = sorted((ROOT / "examples").glob("*.xml"))
TEMPLATE = ROOT / "examples" / "python" / "group-template.xml"
COMPANIES = ROOT / "examples" / "python" / "companies.csv"
EXAMPLE_SCRIPT = ROOT / "examples" / "python" / "group_notices.py"

assert EXAMPLES, "no examples/*.xml under %s (set SELOSTE_SOURCE_DIR)" % ROOT


def _find_cli() -> str:
    cli = os.environ.get("SELOSTE_BIN") or shutil.which("seloste") or ""
    return cli if cli and os.access(cli, os.X_OK) else ""


@pytest.fixture(scope="session")
def cli() -> str:
    path = _find_cli()
    if not path:
        pytest.skip("SELOSTE_BIN is not set: the CLI comparisons need the built seloste CLI")
    return path


def run_cli(cli: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([cli, *args], cwd=str(cwd), capture_output=True, text=True, timeout=300)


def cli_findings(cli: str, path: Path, langs: str = "all", spelling: bool = True) -> dict:
    args = ["check", "--format", "json", "--lang", langs, str(path)]
    if not spelling:
        args.append("--no-spelling")
    res = run_cli(cli, *args)
    assert res.returncode in (0, 1), res.stderr
    return json.loads(res.stdout)


def tree(path: Path) -> dict:
    """Every file under `path`: relative path -> bytes."""
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(params=[p.name for p in EXAMPLES])
def example(request) -> Path:
    return ROOT / "examples" / request.param


def example_ids() -> List[str]:
    return [p.name for p in EXAMPLES]
