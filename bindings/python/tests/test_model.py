"""The model: read and change fields in place, build from dicts, copy, write back as XML."""
from __future__ import annotations

import copy
import datetime

import pytest

import seloste
from conftest import EXAMPLES, ROOT, TEMPLATE


def seinajoki() -> seloste.Source:
    return seloste.load(ROOT / "examples" / "seinajoki.xml")


def test_text_faces():
    t = seloste.Text("Acme Oy")
    assert t.neutral == "Acme Oy" and t.fi is None and t == "Acme Oy"
    assert t.get("sv") == "Acme Oy" and t.has("en")
    d = seloste.Text({"fi": "Asiakasrekisteri", "sv": "Kundregister"})
    assert d.fi == "Asiakasrekisteri" and d.sv == "Kundregister" and d.en is None
    assert d.get("en") == "Asiakasrekisteri"  # falls back to fi
    assert not d.has("en")
    assert d == {"fi": "Asiakasrekisteri", "sv": "Kundregister"}
    assert seloste.Text(fi="a", en="b") == seloste.Text({"fi": "a", "en": "b"})
    assert d != "Asiakasrekisteri"
    assert repr(d) == "Text(fi='Asiakasrekisteri', sv='Kundregister')"
    assert not seloste.Text() and seloste.Text().empty
    assert d.to_dict() == {"fi": "Asiakasrekisteri", "sv": "Kundregister"}
    with pytest.raises(ValueError):
        seloste.Text({"de": "x"})


def test_fields_read_and_write_in_place():
    src = seinajoki()
    org = src.organisation("sen")
    org.name = {"fi": "Uusi Energia Oy", "sv": "Ny Energi Ab"}
    org.business_id = "1572860-0"
    org.visiting_address.street = "Uusikatu 3"
    org.name.en = "New Energy Ltd"
    again = src.organisations[1]
    assert again.id == "sen"
    assert again.name == {"fi": "Uusi Energia Oy", "sv": "Ny Energi Ab", "en": "New Energy Ltd"}
    assert again.business_id == "1572860-0"
    assert src.organisation("sen").visiting_address.street == "Uusikatu 3"

    reg = src.registers[1]
    reg.notice_date = datetime.date(2026, 1, 31)
    assert src.registers[1].notice_date == datetime.date(2026, 1, 31)
    reg.notice_date = "2026-02-01"
    assert reg.notice_date == datetime.date(2026, 2, 1)
    reg.recipients.append("Tilitoimisto")
    assert reg.recipients[len(reg.recipients) - 1].value == "Tilitoimisto"
    reg.purposes[0].basis = "consent"
    assert src.registers[1].purposes[0].basis == "consent"
    assert src.registers[1].purposes[0].article == "6(1)(a)"
    with pytest.raises(ValueError):
        reg.purposes[0].basis = "gift"
    reg.controllers = ["seiverkot", seloste.Ref("sen")]
    assert src.registers[1].controllers == ["seiverkot", "sen"]
    reg.cookies = None
    assert src.registers[1].cookies is None

    html = seloste.render(src, reg.id, "sv")
    assert "Ny Energi Ab" in html and "Uusikatu 3" in html and "Seiverkot Oy" in html


def test_dict_construction():
    org = seloste.Organisation(
        id="acme",
        name={"fi": "Acme Oy", "sv": "Acme Ab"},
        business_id="1572860-0",
        visiting_address={"street": "Katu 1", "postal_code": "00100", "town": {"fi": "Helsinki", "sv": "Helsingfors"}},
        email="info@acme.example",
    )
    assert org.name.sv == "Acme Ab"
    assert org.visiting_address.town.sv == "Helsingfors" and org.visiting_address.country == "FI"
    same = seloste.Organisation({"id": "acme", "name": "Acme Oy"})
    assert same.id == "acme" and same.name == "Acme Oy" and same.visiting_address is None
    with pytest.raises(TypeError):
        seloste.Organisation(id="x", nmae="typo")
    src = seloste.Source()
    added = src.add_organisation({"id": "beta", "name": "Beta Oy"})
    assert added.name == "Beta Oy" and src.organisation("beta").id == "beta"
    p = seloste.Purpose(basis="contract", description={"fi": "Laskutus", "sv": "Fakturering", "en": "Billing"})
    assert p.basis == "contract" and p.description.en == "Billing"
    rule = seloste.RetentionRule(category="", period={"years": 10})
    assert rule.period == seloste.Duration(years=10)


def test_a_source_built_from_python_values_renders_and_checks():
    src = seloste.Source(
        organisations=[{"id": "acme", "name": "Acme Oy", "business_id": "1572860-0",
                        "visiting_address": {"street": "Katu 1", "postal_code": "00100", "town": "Helsinki"},
                        "email": "tietosuoja@acme.example"}],
        registers=[{
            "id": "acme-asiakkaat",
            "name": {"fi": "Asiakasrekisteri", "sv": "Kundregister", "en": "Customer register"},
            "controllers": ["acme"],
            "purposes": [{"basis": "contract", "description": {"fi": "Laskutus.", "sv": "Fakturering.", "en": "Billing."}}],
            "notice_date": "2026-11-01",
        }],
        file="acme.xml",
    )
    html = seloste.render(src, "acme-asiakkaat", "en")
    assert "Acme Oy" in html and "Billing." in html and 'lang="en"' in html
    findings = src.check(langs=["fi", "sv", "en"], spelling=False)
    assert findings and all(isinstance(f, seloste.Finding) for f in findings)
    assert {f.register for f in findings} == {"acme-asiakkaat"}
    # The source is incomplete (no retention, no rights...): the checks say so.
    assert any(f.rule.startswith("gdpr.") and f.is_error for f in findings)


def test_copies_are_independent():
    src = seinajoki()
    for dup in (src.copy(), copy.copy(src), copy.deepcopy(src)):
        dup.registers[0].id = "other"
        dup.organisation("sen").name = "Toinen Oy"
        assert src.registers[0].id == "seiverkot-asiakasrekisteri"
        assert src.organisation("sen").name == "Seinäjoen Energia Oy"
    reg = src.registers[0].copy()
    reg.name.fi = "Muu"
    assert src.registers[0].name.fi == "Asiakasrekisteri"


@pytest.mark.parametrize("path", EXAMPLES + [TEMPLATE], ids=lambda p: p.name)
def test_to_xml_round_trip(path):
    src = seloste.load(path)
    xml = src.to_xml()
    back = seloste.loads(xml, name=src.file)
    assert back.to_xml() == xml
    for reg in src.registers:
        for lang in seloste.LANGS:
            assert seloste.render(back, reg.id, lang) == seloste.render(src, reg.id, lang)
    strip = lambda fs: [(f.rule, f.severity, f.register, f.message("en")) for f in fs]  # noqa: E731
    assert strip(back.check(langs="all", spelling=False)) == strip(src.check(langs="all", spelling=False))


def test_xml_escapes_markup(tmp_path):
    src = seloste.load(TEMPLATE)
    src.organisation("yhtio").name = 'Ä & <b>"Bold"</b> Oy'
    path = tmp_path / "saved.xml"
    src.save(path)
    back = seloste.load(path)
    assert back.organisation("yhtio").name == 'Ä & <b>"Bold"</b> Oy'
    html = seloste.render(back, "asiakasrekisteri", "fi")
    assert "<b>" not in html and "&lt;b&gt;" in html
