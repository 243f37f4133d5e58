"""The installed package: the private module, the stubs and py.typed."""
from __future__ import annotations

import ast
from pathlib import Path

import seloste


def test_private_core_is_re_exported():
    assert seloste._core.__name__ == "seloste._core"
    assert seloste.__version__ == "0.1.0"
    for name in seloste.__all__:
        assert hasattr(seloste, name), name


def test_stubs_and_py_typed_ship_with_the_package():
    pkg = Path(seloste.__file__).parent
    assert (pkg / "py.typed").is_file()
    stub = ast.parse((pkg / "__init__.pyi").read_text(encoding="utf-8"))
    declared = set()
    for node in stub.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            declared.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared.add(node.target.id)
        elif isinstance(node, ast.Assign):
            declared.update(t.id for t in node.targets if isinstance(t, ast.Name))
    missing = [n for n in seloste.__all__ if n not in declared]
    assert missing == []


def test_stubs_name_the_real_fields():
    pkg = Path(seloste.__file__).parent
    stub = ast.parse((pkg / "__init__.pyi").read_text(encoding="utf-8"))
    for node in stub.body:
        if not isinstance(node, ast.ClassDef) or not hasattr(seloste, node.name) or node.name.startswith("_"):
            continue
        cls = getattr(seloste, node.name)
        for item in node.body:
            name = item.target.id if isinstance(item, ast.AnnAssign) else getattr(item, "name", None)
            if name and not name.startswith("__"):
                assert hasattr(cls, name), "%s.%s in the stubs but not in the module" % (node.name, name)


def test_themes_are_embedded():
    names = [t.name for t in seloste.themes()]
    assert "default" in names and "layered" in names
    assert all(t.origin == "built-in" for t in seloste.themes())
    assert len(seloste.Theme("default").stylesheet) > 1000


def test_licence_metadata_and_file_ship_with_the_package():
    from importlib import metadata

    meta = metadata.metadata("seloste")
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]
    files = [f for f in metadata.files("seloste") or [] if f.name == "LICENSE"]
    assert files, "no LICENSE among the installed files"
    assert "MIT" in files[0].read_text(encoding="utf-8")
