"""Seloste: GDPR privacy notices (tietosuojaseloste) in fi, sv and en from one structured source.

Everything runs in the C++ core (``seloste._core``): reading, checking, rendering
and writing. This module re-exports it and adds the few conveniences that only
translate arguments (batches, in-memory sources for the file-based steps).

    import seloste
    src = seloste.load("examples/seinajoki.xml")
    for f in src.check(langs=["fi", "sv", "en"]):
        print(f)
    html = seloste.render(src, "sen-uutiskirjerekisteri", lang="sv")
"""

from __future__ import annotations

import os
from typing import Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import _core
from ._core import (
    Address,
    Analytics,
    AutomatedDecisions,
    Block,
    BlockRefs,
    BuildResult,
    Change,
    ContactPoint,
    Cookies,
    DataCategory,
    Diagnostic,
    Diff,
    DiffChange,
    Duration,
    FileError,
    Finding,
    Item,
    LocaleError,
    Location,
    Organisation,
    Person,
    Purpose,
    Ref,
    Register,
    RelatedLink,
    RenderResult,
    Requirement,
    RetentionRule,
    Rights,
    Security,
    SelosteError,
    Source,
    SourceError,
    TemplateError,
    Text,
    Theme,
    ThemeInfo,
    Transfer,
    Transfers,
    Words,
    WrittenFile,
    __version__,
    findings_to_json,
    generate_keypair,
    has_errors,
    load,
    loads,
    render,
    themes,
    verify_bundle,
    word_diff,
)

__all__ = [
    "LANGS", "Address", "Analytics", "AutomatedDecisions", "Block", "BlockRefs", "BuildResult", "Change",
    "ContactPoint", "Cookies", "DataCategory", "Diagnostic", "Diff", "DiffChange", "Duration", "FileError", "Finding", "Item",
    "LocaleError", "Location", "Organisation", "Person", "Purpose", "Ref", "Register", "RelatedLink", "RenderJob", "RenderResult", "Requirement", "RetentionRule", "Rights", "Security",
    "SelosteError", "Source", "SourceError", "TemplateError", "Text", "Theme", "ThemeInfo", "Transfer", "Transfers",
    "Words", "WrittenFile", "__version__", "build_site", "check", "check_file", "findings_to_json",
    "generate_keypair", "has_errors", "load", "loads", "render", "render_batch", "render_to", "themes",
    "verify_bundle", "diff", "word_diff",
]

#: The languages a notice is rendered in.
LANGS = ("fi", "sv", "en")

PathLike = Union[str, "os.PathLike[str]"]


def _langs(langs: Union[str, Iterable[str]]) -> List[str]:
    if isinstance(langs, str):
        return list(LANGS) if langs == "all" else [x.strip() for x in langs.split(",") if x.strip()]
    return list(langs)


def check(
    source: Source,
    langs: Union[str, Iterable[str]] = ("fi",),
    spelling: bool = True,
    today: Optional[object] = None,
    register: Optional[str] = None,
) -> List[Finding]:
    """Run the checks on a Source (or only on one of its registers); returns the findings."""
    return _core.check(source, _langs(langs), spelling, today, register)


def check_file(
    path: PathLike,
    langs: Union[str, Iterable[str]] = ("fi",),
    spelling: bool = True,
    today: Optional[object] = None,
) -> List[Finding]:
    """Check a source file as ``seloste check`` does: a broken file gives findings
    (rule ``source.xml`` or ``source.invalid``) instead of an exception."""
    return _core.check_file(path, _langs(langs), spelling, today)


def diff(old: Union[Source, PathLike], new: Union[Source, PathLike]) -> Diff:
    """What changed between two versions of a source, as ``seloste diff`` tells it:
    `old` and `new` are Source objects or paths. Returns a Diff (false when nothing
    changed): its DiffChange items name the register, section, item and the values
    before and after in fi, sv and en; ``.text(lang)`` and ``.to_json()`` as the CLI."""
    a = old if isinstance(old, Source) else load(os.fspath(old))
    b = new if isinstance(new, Source) else load(os.fspath(new))
    return _core._diff(a, b)


def _source_check(self: Source, langs: Union[str, Iterable[str]] = ("fi",), spelling: bool = True,
                  today: Optional[object] = None, register: Optional[str] = None) -> List[Finding]:
    """Run the checks on this source (or one register); see :func:`seloste.check`."""
    return check(self, langs, spelling, today, register)


def _source_render(self: Source, register: Union[str, Register], lang: str = "fi", **options: object) -> str:
    """Render one of this source's registers; see :func:`seloste.render`."""
    return render(self, register, lang, **options)  # type: ignore[arg-type]


Source.check = _source_check  # type: ignore[attr-defined]
Source.render = _source_render  # type: ignore[attr-defined]


class RenderJob(NamedTuple):
    """One notice for :func:`render_batch`: a register of a source in a language and theme."""

    source: Source
    register: Union[str, Register]
    lang: str = "fi"
    theme: Union[str, Theme] = "default"
    fragment: bool = False
    heading_base: int = 0
    stylesheet_href: str = ""
    alternates: Optional[Mapping[str, str]] = None
    index_href: str = ""


def render_batch(jobs: Iterable[Union[RenderJob, Sequence[object]]], workers: Optional[int] = None) -> List[str]:
    """Render many notices at once on `workers` C++ threads (default: every core).

    `jobs` are RenderJob objects or tuples (source, register, lang[, theme, ...]) in
    RenderJob's field order. Every job is validated first (unknown register,
    language or theme raise before anything renders); then the threads render
    inside one C++ call with the GIL released. Returns the HTML of each job, in
    order.
    """
    prepared = [j if isinstance(j, RenderJob) else RenderJob(*j) for j in jobs]  # type: ignore[arg-type]
    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        raise ValueError("workers must be at least 1")
    return _core._render_batch(prepared, workers)


SourceLike = Union[Source, PathLike]


def _split(sources: Union[SourceLike, Iterable[SourceLike]]) -> Tuple[List[str], List[Source]]:
    """Files for the core to read, and Source objects it renders as they are in memory."""
    if isinstance(sources, (Source, str, os.PathLike)):
        sources = [sources]
    paths: List[str] = []
    docs: List[Source] = []
    for s in sources:
        if isinstance(s, Source):
            docs.append(s)
        else:
            paths.append(os.fspath(s))
    if not paths and not docs:
        raise ValueError("no sources given")
    return paths, docs


def render_to(
    out_dir: PathLike,
    sources: Union[SourceLike, Iterable[SourceLike]],
    langs: Union[str, Iterable[str]] = ("fi",),
    theme: Union[str, PathLike] = "default",
    fragment: bool = False,
    heading_base: int = 0,
    allow_incomplete: bool = False,
    spelling: bool = False,
) -> RenderResult:
    """Render every register of `sources` (Source objects or files) in `langs` into
    OUT_DIR/REGISTER.LANG.html plus the theme's stylesheet, exactly as
    ``seloste render`` does. Registers whose checks find errors are refused (see
    ``.refused``) unless `allow_incomplete`. Each file is written atomically.
    """
    paths, docs = _split(sources)
    return _core._render_to_directory(paths, docs, os.path.normpath(os.fspath(out_dir)), _langs(langs),
                                      os.fspath(theme), fragment, heading_base, allow_incomplete, spelling)


def build_site(
    sources: Union[SourceLike, Iterable[SourceLike]],
    out_dir: PathLike,
    langs: Union[str, Iterable[str]] = LANGS,
    themes: Union[str, Iterable[str]] = ("default",),
    sign_key: Optional[PathLike] = None,
    allow_incomplete: bool = False,
    base_url: str = "",
    spelling: bool = False,
    history: Optional[PathLike] = None,
) -> BuildResult:
    """Build a whole site (the bundle of docs/bundle-format.md) from `sources`, as
    ``seloste build`` does: every register in every language and theme, language
    index pages, manifest.json (signed with `sign_key`), sitemap.xml.

    Every published version of a notice stays at LANG/REGISTER/DATE/, and the page
    tells what each version changed (docs/history.md). The earlier versions come
    from `history` (a previous site, or a folder of snapshots that the build adds
    to) or, without it, from the previous build in `out_dir`.

    The site is written into a temporary folder and swapped in whole; when the
    checks find errors (``.refused``) or anything fails, the previous site stays
    exactly as it was.
    """
    paths, docs = _split(sources)
    ths = [themes] if isinstance(themes, str) else [os.fspath(t) for t in themes]
    return _core._build_site(paths, docs, os.path.normpath(os.fspath(out_dir)), _langs(langs), ths,
                             os.fspath(sign_key) if sign_key else "", base_url,
                             os.fspath(history) if history else "", allow_incomplete, spelling)
