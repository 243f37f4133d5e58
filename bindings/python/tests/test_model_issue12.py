"""The fields of issue 12: read from a source, changed, saved and read again; blocks,
block references, the file's order and comments kept by to_xml()/save()."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import seloste
from conftest import EXAMPLES, ROOT, TEMPLATE

DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "issue12.xml"
ALL_ELEMENTS = ROOT / "tests" / "fixtures" / "format" / "all-elements.xml"  # the reader's fixture


def load() -> seloste.Source:
    return seloste.load(FIXTURE)


def reload(src: seloste.Source, tmp_path) -> seloste.Source:
    path = tmp_path / "saved.xml"
    src.save(path)
    return seloste.load(path)


def test_organisation_vat_number(tmp_path):
    src = load()
    org = src.organisation("acme")
    assert org.vat_number == "FI01244613"
    assert org.vat_number_location.line == 11
    src.organisation("beta").vat_number = "FI15728600"
    assert reload(src, tmp_path).organisation("beta").vat_number == "FI15728600"


def test_person_visiting_address(tmp_path):
    src = load()
    p = src.person("dpo")
    assert p.visiting_address.street == "Käyntikatu 2" and p.postal_address is None
    p.visiting_address.street = "Uusikatu 3"
    p.postal_address = {"street": "PL 9", "postal_code": "00101", "town": "Helsinki"}
    back = reload(src, tmp_path).person("dpo")
    assert back.visiting_address.street == "Uusikatu 3" and back.postal_address.street == "PL 9"
    back.visiting_address = None
    assert back.visiting_address is None


def test_contact_points(tmp_path):
    src = load()
    cp = src.contact_point("service")
    assert cp.name.sv == "Kundtjänst"
    assert cp.email == "palvelu@acme.example" and cp.phone == "+358 9 123 456"
    assert cp.web == "https://acme.example/" and cp.request_form == "https://acme.example/pyynto"
    assert cp.visiting_address.street == "Katu 1" and cp.postal_address.street == "PL 1"
    assert cp.request_form_location.line > 0
    cp.request_form = "https://acme.example/lomake"
    added = src.add_contact_point({"id": "support", "name": "Tuki", "email": "tuki@acme.example"})
    assert added.id == "support"
    src.register("joint").contacts.append("support")
    back = reload(src, tmp_path)
    assert [c.id for c in back.contact_points] == ["service", "support"]
    assert back.contact_point("service").request_form == "https://acme.example/lomake"
    assert back.register("joint").contacts == ["service", "support"]
    with pytest.raises(KeyError):
        back.contact_point("nobody")


def test_supervisory_authority(tmp_path):
    src = load()
    sa = src.supervisory_authority
    assert sa.name.en == "Swedish Authority for Privacy Protection"
    assert sa.postal_address.country == "SE" and sa.web == "https://www.imy.se/"
    sa.email = "registrator@imy.se"
    assert reload(src, tmp_path).supervisory_authority.email == "registrator@imy.se"
    src.supervisory_authority = None
    back = reload(src, tmp_path)
    assert back.supervisory_authority is None
    back.supervisory_authority = {"name": "Datatilsynet", "web": "https://www.datatilsynet.no/"}
    assert reload(back, tmp_path).supervisory_authority.name == "Datatilsynet"


def test_controllers_relation_processing_and_group_companies(tmp_path):
    src = load()
    joint, separate, group = src.register("joint"), src.register("separate"), src.register("group")
    assert joint.relation == "joint" and joint.relation_location.line > 0
    assert separate.relation == "separate"
    assert separate.controllers[0].processing.en == "Its own suppliers"
    assert group.relation == "group" and group.group_companies == ["beta", "gamma"]
    with pytest.raises(ValueError):
        joint.relation = "shared"
    separate.controllers[1].processing = {"fi": "Betan toimittajat", "sv": "Betas leverantörer", "en": "Beta's suppliers"}
    group.group_companies = ["beta"]
    joint.relation = "separate"
    joint.joint_arrangement = ""
    back = reload(src, tmp_path)
    assert back.register("separate").controllers[1].processing.en == "Beta's suppliers"
    assert back.register("group").group_companies == ["beta"]
    assert back.register("joint").relation == "separate"
    assert seloste.Ref("acme", processing="Omat").processing == "Omat"


def test_subject_ids_and_subjects(tmp_path):
    src = load()
    reg = src.register("joint")
    assert [s.id for s in reg.data_subjects] == ["customers", "contacts"]
    assert reg.purposes[0].subjects == ["customers", "contacts"]
    assert reg.purposes[0].subjects_location.line > 0
    assert reg.data_categories[1].subjects == ["customers"]
    assert reg.sources[0].subjects == ["customers"]
    assert reg.retention[0].subjects == ["customers"]
    assert reg.purposes[1].subjects == ["customers"]  # from the purpose block
    reg.purposes[0].subjects = ["contacts"]
    reg.data_categories[1].subjects = "customers contacts"
    reg.sources[0].subjects = []
    back = reload(src, tmp_path).register("joint")
    assert back.purposes[0].subjects == ["contacts"]
    assert back.data_categories[1].subjects == ["customers", "contacts"]
    assert back.sources[0].subjects == []


def test_sources_public(tmp_path):
    src = load()
    reg = src.register("joint")
    assert [s.publicly_accessible for s in reg.sources] == [False, True]
    reg.sources[0].publicly_accessible = True
    assert [s.publicly_accessible for s in reload(src, tmp_path).register("joint").sources] == [True, True]


def test_special_categories(tmp_path):
    src = load()
    cats = src.register("joint").data_categories
    assert [c.special for c in cats] == ["none", "art9", "art10"]
    assert cats[1].condition == "health-care" and cats[1].condition_article == "9(2)(h)"
    assert cats[2].condition is None and cats[2].legal_ground.fi == "Laki 456/2021"
    with pytest.raises(ValueError):
        cats[1].condition = "because"
    with pytest.raises(ValueError):
        cats[1].special = "art11"
    cats[1].condition = "explicit-consent"
    cats[2].legal_ground = {"fi": "Laki 1/2026", "sv": "Lag 1/2026", "en": "Act 1/2026"}
    back = reload(src, tmp_path).register("joint").data_categories
    assert back[1].condition == "explicit-consent" and back[1].condition_article == "9(2)(a)"
    assert back[2].legal_ground.en == "Act 1/2026"


def test_transfers_safeguards_copy_rights_request_form_further_processing(tmp_path):
    src = load()
    reg = src.register("joint")
    assert reg.transfers.safeguards_copy.en == "Ask the DPO for a copy."
    assert reg.rights.request_form == "https://acme.example/pyynto"
    assert reg.further_processing.fi == "Tilastointi"
    reg.transfers.safeguards_copy = {"fi": "Pyydä kopio.", "sv": "Begär en kopia.", "en": "Ask for a copy."}
    reg.further_processing = {"fi": "Tutkimus", "sv": "Forskning", "en": "Research"}
    back = reload(src, tmp_path).register("joint")
    assert back.transfers.safeguards_copy.en == "Ask for a copy."
    assert back.further_processing.sv == "Forskning"


def test_related_links(tmp_path):
    src = load()
    reg = src.register("joint")
    assert len(reg.related) == 1
    link = reg.related[0]
    assert link.href == "https://acme.example/ilmoituskanava" and link.label.en == "Whistleblowing channel"
    assert link.href_location.line > 0
    reg.related.append(seloste.RelatedLink("https://datahub.example/", {"fi": "Datahub", "sv": "Datahub", "en": "Datahub"}))
    reg.related.append({"href": "https://acme.example/muu", "label": "Muu"})
    back = reload(src, tmp_path).register("joint")
    assert [r.href for r in back.related] == [
        "https://acme.example/ilmoituskanava", "https://datahub.example/", "https://acme.example/muu"]


def test_blocks_and_references_are_read_and_kept(tmp_path):
    src = load()
    assert [(b.kind, b.id) for b in src.blocks] == [
        ("data-subjects", "people"), ("purpose", "marketing"), ("category", "contact-details"),
        ("retention", "keep"), ("rights", "rights")]
    assert src.block("marketing").content.purposes[0].basis == "consent"
    joint = src.register("joint")
    assert joint.block_refs == {"data-subjects": "people", "retention": "keep", "rights": "rights"}
    assert joint.purposes[1].block == "marketing" and joint.data_categories[0].block == "contact-details"
    xml = src.to_xml()
    assert xml.count('<rights ref="rights"/>') == 3
    assert xml.count('<purpose ref="marketing"/>') == 2
    assert xml.count('<category ref="contact-details"/>') == 2
    assert xml.count(' ref="') == FIXTURE.read_text(encoding="utf-8").count(' ref="')
    back = reload(src, tmp_path)
    assert back.to_xml() == xml
    assert back.register("joint").block_refs == joint.block_refs


def test_a_changed_block_section_is_saved_inline_for_that_register_only(tmp_path):
    src = load()
    src.register("joint").rights.exercise = "Soita meille."
    xml = src.to_xml()
    assert xml.count('<rights ref="rights"/>') == 2
    assert "<exercise>Soita meille.</exercise>" in xml
    back = reload(src, tmp_path)
    assert back.register("joint").rights.exercise == "Soita meille."
    assert back.register("separate").rights.exercise.fi == "Lähetä pyyntö lomakkeella."
    assert back.block("rights").content.rights.exercise.fi == "Lähetä pyyntö lomakkeella."
    assert "rights" not in back.register("joint").block_refs


def test_a_changed_block_reaches_the_registers_with_apply_blocks(tmp_path):
    src = load()
    src.block("rights").content.rights.exercise = "Kirjoita meille."
    # The registers still hold their own copies: saved inline until apply_blocks.
    assert src.register("group").rights.exercise.fi == "Lähetä pyyntö lomakkeella."
    assert '<rights ref="rights"/>' not in src.to_xml()
    src.apply_blocks()
    assert src.register("group").rights.exercise == "Kirjoita meille."
    xml = src.to_xml()
    assert xml.count('<rights ref="rights"/>') == 3 and xml.count("Kirjoita meille.") == 1
    html = seloste.render(reload(src, tmp_path), "separate", "fi")
    assert "Kirjoita meille." in html


def test_apply_blocks_with_an_id_keeps_the_other_changes():
    src = load()
    src.register("joint").rights.exercise = "Soita meille."
    src.block("marketing").content.purposes[0].description = "Uusi markkinointi"
    src.apply_blocks("marketing")
    assert src.register("separate").purposes[1].description == "Uusi markkinointi"
    assert src.register("joint").rights.exercise == "Soita meille."
    xml = src.to_xml()
    assert xml.count('<purpose ref="marketing"/>') == 2 and xml.count('<rights ref="rights"/>') == 2


def test_blocks_added_in_python(tmp_path):
    src = load()
    block = seloste.Block(kind="security", id="shared-security",
                          content={"security": {"manual": "Lukitut tilat", "electronic": "Salasanat"}})
    src.blocks.append(block)
    for reg in src.registers:
        reg.security = src.block("shared-security").content.security.copy()
        reg.block_refs["security"] = "shared-security"
    xml = src.to_xml()
    assert xml.count('<security ref="shared-security"/>') == 3
    back = reload(src, tmp_path)
    assert back.register("group").security.manual == "Lukitut tilat"
    assert back.register("group").block_refs["security"] == "shared-security"
    with pytest.raises(ValueError):
        block.kind = "footer"


def test_order_and_comments_are_kept(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    src = load()
    xml = src.to_xml()
    assert xml.count("<!--") == text.count("<!--")
    for comment in ("<!-- The group -->", "<!-- Joint controllers -->",
                    "<!-- the groups of data subjects every register shares -->"):
        assert comment in xml
    assert xml.index("<!-- Joint controllers -->") < xml.index('<register id="joint"')
    # A register added in Python goes after the last register; a renamed one keeps its comment.
    new = src.register("separate").copy()
    new.id = "another"
    src.add_register(new)
    src.register("group").id = "shared-systems"
    xml = src.to_xml()
    assert xml.index('<register id="another"') > xml.index('<register id="shared-systems"')
    assert "<!-- A group company as the controller of shared systems -->\n  <register id=\"shared-systems\"" in xml
    assert reload(src, tmp_path).to_xml() == xml


@pytest.mark.parametrize("path", EXAMPLES + [TEMPLATE, FIXTURE, ALL_ELEMENTS], ids=lambda p: p.name)
def test_every_source_keeps_its_blocks_references_and_comments(path):
    text = path.read_text(encoding="utf-8")
    src = seloste.load(path)
    xml = src.to_xml()
    assert xml.count(' ref="') == text.count(' ref="')
    assert xml.count("<!--") == text.count("<!--")
    back = seloste.loads(xml, name=src.file)
    assert len(back.blocks) == len(src.blocks)
    assert [dict(r.block_refs) for r in back.registers] == [dict(r.block_refs) for r in src.registers]
    assert back.to_xml() == xml


@pytest.mark.parametrize("path", EXAMPLES + [TEMPLATE, FIXTURE, ALL_ELEMENTS], ids=lambda p: p.name)
def test_what_the_writer_writes_is_valid_against_the_schema(path, tmp_path):
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint (libxml2-utils, scripts/install-deps) is needed to check against docs/seloste.xsd"
    out = tmp_path / path.name
    seloste.load(path).save(out)
    res = subprocess.run([xmllint, "--noout", "--schema", str(ROOT / "docs" / "seloste.xsd"), str(out)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
