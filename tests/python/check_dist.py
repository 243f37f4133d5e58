"""Checks of the Python package as users get it (tests/python/run.sh runs them).

  check_dist.py sdist SDIST.tar.gz      the sdist holds everything the build reads
  check_dist.py wheel WHEEL SHOW.json   the repaired wheel: `auditwheel show --json` finds
                                        no external library beyond the manylinux policy's
  check_dist.py installed               the installed extension (import seloste, from the
                                        current interpreter's environment, not a source
                                        tree) loads ICU, tinyxml2, libsodium and gumbo from
                                        the wheel, nothing from the system but the policy's
                                        libraries

Each prints what is wrong and exits with 1.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

SOURCE = Path(os.environ.get("SELOSTE_SOURCE_DIR") or Path(__file__).resolve().parents[2])

# What the package's CMake build reads of the repository: it lands in seloste-source/.
CORE_TREES = ("core", "themes")
CORE_FILES = ("CMakeLists.txt",)
# The libraries the core links that no manylinux policy allows: the wheel must carry them.
GRAFTED = ("libicuuc", "libicui18n", "libicudata", "libtinyxml2", "libsodium", "libgumbo")
# The manylinux policy's libraries (glibc's and the compiler's runtime), as ldd names them.
POLICY = re.compile(r"^(linux-vdso|ld-linux[-\w]*|libc|libm|libdl|libpthread|librt|libstdc\+\+|libgcc_s)\.so")


def problems_of_sdist(path: Path) -> list[str]:
    problems = []
    with tarfile.open(path) as tar:
        members = tar.getmembers()
    root = members[0].name.split("/")[0]
    files = {}
    for m in members:
        rel = m.name[len(root) + 1 :]
        if m.issym() or m.islnk():
            problems.append(f"{rel} is a link ({m.linkname}): the sdist must hold the file itself")
        elif m.isfile():
            files[rel] = m.size
    wanted = ["pyproject.toml", "PKG-INFO", "CMakeLists.txt", "README.md", "LICENSE", "seloste/__init__.py",
              "seloste/__init__.pyi", "seloste/py.typed"]
    wanted += ["src/" + p.name for p in sorted((SOURCE / "bindings/python/src").iterdir()) if p.is_file()]
    wanted += ["seloste-source/" + f for f in CORE_FILES]
    for tree in CORE_TREES:
        for p in sorted((SOURCE / tree).rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                wanted.append("seloste-source/" + p.relative_to(SOURCE).as_posix())
    problems += [f"{w} is missing" for w in wanted if w not in files]
    if files.get("LICENSE", 0) == 0:
        problems.append("LICENSE is empty or missing")
    # Nothing else of the repository: only the core's trees under seloste-source/.
    allowed = tuple("seloste-source/" + t + "/" for t in CORE_TREES)
    for rel in files:
        if rel.startswith("seloste-source/") and not rel.startswith(allowed) and rel[15:] not in CORE_FILES:
            problems.append(f"{rel} is not part of the core's build")
    return problems


def problems_of_wheel(path: Path, show_json: Path) -> list[str]:
    show = json.loads(show_json.read_text(encoding="utf-8"))
    problems = []
    tag = show.get("overall_tag", "")
    if not tag.startswith("manylinux_"):
        problems.append(f"auditwheel gives the tag {tag!r}, not a manylinux one")
    elif tag not in path.name:
        problems.append(f"the file name {path.name} does not carry the tag {tag} it earns")
    if show.get("external_libs"):
        problems.append("external libraries beyond the policy's: " + ", ".join(sorted(show["external_libs"])))
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
    for lib in GRAFTED:
        if not any(re.search(r"\.libs/" + re.escape(lib) + r"-[0-9a-f]+\.so", n) for n in names):
            problems.append(f"{lib} is not grafted into the wheel")
    if not any(re.search(r"\.dist-info/licenses/LICENSE$", n) for n in names):
        problems.append("the wheel carries no LICENSE (.dist-info/licenses/LICENSE)")
    return problems


def problems_of_installed() -> list[str]:
    import seloste._core as core

    ext = Path(core.__file__)
    site = ext.parent.parent
    env = dict(os.environ, LD_LIBRARY_PATH="")
    out = subprocess.run(["ldd", str(ext)], capture_output=True, text=True, env=env, check=True).stdout
    problems = []
    if not ext.resolve().is_relative_to(Path(sys.prefix).resolve()):
        problems.append(f"seloste is imported from {ext.parent}, not from the environment {sys.prefix}")
    seen = set()
    for line in out.splitlines():
        m = re.match(r"\s*(\S+)(?:\s+=>\s+(\S+))?", line)
        if not m:
            continue
        name, where = Path(m.group(1)).name, m.group(2) or m.group(1)  # the loader: its path alone
        if where == "not":
            problems.append(f"{name} is not found")
            continue
        inside = Path(where).resolve().is_relative_to(site.resolve()) if where.startswith("/") else False
        for lib in GRAFTED:
            if name.startswith(lib):
                seen.add(lib)
        if not inside and not POLICY.match(name):
            problems.append(f"{name} comes from the system ({where})")
    problems += [f"{lib} is not loaded from the wheel" for lib in GRAFTED if lib not in seen]
    return problems


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "sdist":
        problems = problems_of_sdist(Path(argv[1]))
    elif len(argv) >= 3 and argv[0] == "wheel":
        problems = problems_of_wheel(Path(argv[1]), Path(argv[2]))
    elif argv[:1] == ["installed"]:
        problems = problems_of_installed()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(f"check_dist {argv[0]}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
