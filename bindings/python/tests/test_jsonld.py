"""The JSON-LD every page and fragment embeds (docs/json-ld.md), read by a real JSON-LD
processor (pyld, pinned in tests/python/requirements.txt): for every page and fragment of
every example in every language, expanded with pyld without fetching anything; every DPV
IRI it uses exists in DPV 2.2 (core/data/dpv/terms.tsv); and the graph states every
purpose's legal basis, every retention period, every recipient and every controller of
the source."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pyld import jsonld

import seloste

from conftest import EXAMPLES, ROOT, run_cli

DPV = "https://w3id.org/dpv#"
GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
DCT = "http://purl.org/dc/terms/"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
# The vocabularies of DPV 2.2's term list: every IRI of these must be one of its terms.
CHECKED = ("https://w3id.org/dpv", "http://purl.org/dc/terms/", "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/dcat#")
TERMS = {line.split("\t")[0] for line in (ROOT / "core" / "data" / "dpv" / "terms.tsv").read_text("utf-8").splitlines() if line}
MAP = json.loads((ROOT / "core" / "data" / "dpv-map.json").read_text("utf-8"))


def no_remote(url, options=None):
    raise AssertionError("the JSON-LD asked to fetch %s; its context must be inline" % url)


class Scripts(HTMLParser):
    """The content of every <script> element, with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = (dict(attrs), [])

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.scripts.append((self._open[0], "".join(self._open[1])))
            self._open = None


def embedded(html: str) -> dict:
    p = Scripts()
    p.feed(html)
    assert len(p.scripts) == 1, "expected exactly one <script> (the JSON-LD), found %d" % len(p.scripts)
    attrs, text = p.scripts[0]
    assert attrs == {"type": "application/ld+json"}
    for ch in "<>&\u2028\u2029":
        assert ch not in text, "a literal %r in the JSON-LD" % ch
    return json.loads(text)


def expand_id(compact: str) -> str:
    prefix, _, local = compact.partition(":")
    return MAP["context"][prefix] + local


def iris(node, out: set) -> set:
    """Every IRI of an expanded document: properties, types and node ids (not blank nodes)."""
    if isinstance(node, list):
        for x in node:
            iris(x, out)
    elif isinstance(node, dict):
        for k, v in node.items():
            if not k.startswith("@"):
                out.add(k)
            elif k == "@type" and "@value" not in node:
                out.update(v)
            elif k == "@id" and not v.startswith("_:"):
                out.add(v)
            iris(v, out)
    return out


def nodes(expanded):
    """Every node object of an expanded document, nested ones included."""
    stack = list(expanded)
    while stack:
        n = stack.pop()
        if isinstance(n, list):
            stack.extend(n)
        elif isinstance(n, dict):
            if "@value" not in n:
                yield n
            for k, v in n.items():
                if not k.startswith("@") or k == "@graph":
                    stack.append(v)


def values(node, prop):
    return [v.get("@value", v.get("@id")) for v in node.get(prop, [])]


@pytest.fixture(scope="module")
def site(cli, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("jsonld") / "site"
    r = run_cli(cli, "build", *map(str, EXAMPLES), "-o", str(out), "--theme", "default", "--theme", "layered")
    assert r.returncode == 0, r.stderr
    return out


def test_every_page_and_fragment_embeds_dpv_jsonld_that_says_what_the_source_says(site):
    manifest = json.loads((site / "manifest.json").read_text("utf-8"))
    sources = {p.name: seloste.load(str(p)) for p in EXAMPLES}
    regs = {r["id"]: sources[r["source"]] for r in manifest["registers"]}
    checked = 0
    for entry in manifest["pages"]:
        if entry["kind"] not in ("page", "fragment"):
            continue
        where = "%s (%s)" % (entry["path"], entry["theme"])
        doc = embedded((site / entry["path"]).read_text("utf-8"))
        expanded = jsonld.expand(doc, {"documentLoader": no_remote})
        # Every DPV (and Dublin Core, FOAF) IRI exists in DPV 2.2.
        unknown = sorted(i for i in iris(expanded, set()) if i.startswith(CHECKED) and i not in TERMS)
        assert not unknown, "%s: IRIs that DPV 2.2 does not have: %s" % (where, unknown)

        src, lang = regs[entry["register"]], entry["lang"]
        reg = src.register(entry["register"])
        all_nodes = list(nodes(expanded))
        notice = [n for n in all_nodes if DPV + "PrivacyNotice" in n.get("@type", [])]
        assert len(notice) == 1, where
        notice = notice[0]
        assert values(notice, DCT + "identifier") == [reg.id], where
        by_id = {n["@id"]: n for n in all_nodes if "@id" in n and len(n) > 1}

        # Every purpose with its legal basis (eu-gdpr:A6-1-a … f).
        purposes = notice.get(DPV + "hasPurpose", [])
        assert len(purposes) == len(reg.purposes), where
        for p, got in zip(reg.purposes, purposes):
            assert values(got, DCT + "description") == [p.description.get(lang)], where
            assert values(got, DPV + "hasLegalBasis") == [expand_id(MAP["legal_bases"][p.basis])], where

        # Every retention rule, with its period as an xsd:duration.
        rules = notice.get(DPV + "hasStorageCondition", [])
        assert len(rules) == len(reg.retention), where
        for r, got in zip(reg.retention, rules):
            if r.period is not None and (r.period.years or r.period.months or r.period.days):
                assert DPV + "StorageDuration" in got["@type"], where
                dur = got[DPV + "hasDuration"][0]
                iso = dur[RDF_VALUE][0]
                assert iso["@type"] == "http://www.w3.org/2001/XMLSchema#duration", where
                want = "P" + "".join("%d%s" % (n, u) for n, u in ((r.period.years, "Y"), (r.period.months, "M"), (r.period.days, "D")) if n)
                assert iso["@value"] == want, where
            if r.category:
                cat = got[DPV + "hasPersonalData"][0]["@id"]
                assert values(by_id[cat], DCT + "identifier") == [r.category], where

        # Every recipient, processor and disclosure.
        said = {v for n in notice.get(DPV + "hasRecipient", []) + notice.get(DPV + "hasDataProcessor", []) for v in values(n, DCT + "description")}
        for item in list(reg.recipients) + list(reg.processors) + list(reg.disclosures):
            text = item.value.get(lang) if hasattr(item, "value") else item.get(lang)
            assert text in said, "%s: the recipient %r is not in the graph" % (where, text)

        # Every controller, with its name and business ID.
        controllers = [by_id[n["@id"]] for n in notice.get(DPV + "hasDataController", [])]
        assert len(controllers) == len(reg.controllers), where
        for ref, node in zip(reg.controllers, controllers):
            org = src.organisation(ref.id)
            assert DPV + "DataController" in node["@type"], where
            assert values(node, DPV + "hasName") == [org.name.get(lang)], where
            if org.business_id:
                assert org.business_id in values(node, DPV + "hasIdentifier"), where
        checked += 1
    # Both themes, pages and fragments, every register and language.
    assert checked == 2 * 2 * len(manifest["registers"]) * len(manifest["languages"])


def test_export_writes_the_graph_the_pages_embed(cli, site, tmp_path):
    r = run_cli(cli, "export", "--format", "jsonld", "--lang", "all", "-o", str(tmp_path), *map(str, EXAMPLES))
    assert r.returncode == 0, r.stderr
    written = sorted(tmp_path.glob("*.jsonld"))
    manifest = json.loads((site / "manifest.json").read_text("utf-8"))
    assert len(written) == len(manifest["registers"]) * 3
    for f in written:
        reg, lang = f.name[: -len(".xx.jsonld")], f.name[-len("xx.jsonld"):-len(".jsonld")]
        page = embedded((site / lang / (reg + ".html")).read_text("utf-8"))
        exported = json.loads(f.read_text("utf-8"))
        assert exported == page
        bundled = json.loads((site / "jsonld" / lang / (reg + ".jsonld")).read_text("utf-8"))
        assert bundled == page
        assert jsonld.expand(exported, {"documentLoader": no_remote})
