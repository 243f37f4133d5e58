"""The version history of a built site (docs/history.md), read as its readers read it: the
Atom feeds by a real feed parser (feedparser, pinned in tests/python/requirements.txt), the
pages by an HTML parser. A site built twice with a changed source keeps the old version at
its dated address, and the current page and the feed tell the change in words."""
from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

import seloste

from conftest import ROOT

REG = "seiverkot-asiakasrekisteri"
SENTENCES = {
    "fi": "Tietoryhmän ”Laskutustiedot” säilytysaika muuttui: 6 vuotta → 10 vuotta.",
    "sv": "Lagringstiden för ”Faktureringsuppgifter” ändrades: 6 år → 10 år.",
    "en": "The retention of “Billing data” changed from 6 years to 10 years.",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("history")
    src = work / "seinajoki.xml"
    text = (ROOT / "examples" / "seinajoki.xml").read_text("utf-8")
    src.write_text(text, "utf-8")
    first = seloste.build_site(src, work / "site", base_url="https://example.fi/tietosuoja/")
    assert first.changed and first.versions == 0
    changed = text.replace('<rule category="laskutus">\n        <period years="6"/>',
                           '<rule category="laskutus">\n        <period years="10"/>', 1)
    changed = changed.replace("<notice-date>2025-02-22</notice-date>", "<notice-date>2026-01-15</notice-date>", 1)
    assert changed.count('years="10"') == text.count('years="10"') + 1
    src.write_text(changed, "utf-8")
    second = seloste.build_site(src, work / "site", base_url="https://example.fi/tietosuoja/")
    assert second.changed and second.versions == 1 and second.warnings == []
    return work / "site"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_feed_is_valid_atom_and_announces_each_version(site, lang):
    raw = (site / lang / f"{REG}.atom").read_bytes()
    feed = feedparser.parse(raw)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id.startswith("urn:uuid:")
    assert feed.feed.link == f"https://example.fi/tietosuoja/{lang}/{REG}.html"
    assert [l.href for l in feed.feed.links if l.rel == "self"] == [f"https://example.fi/tietosuoja/{lang}/{REG}.atom"]
    assert feed.feed.updated_parsed[:3] == (2026, 1, 15)
    assert len(feed.entries) == 2
    new, old = feed.entries
    assert new.link == f"https://example.fi/tietosuoja/{lang}/{REG}/2026-01-15/index.html"
    assert new.summary == SENTENCES[lang]
    assert SENTENCES[lang] in new.content[0].value
    assert old.link.endswith(f"/{lang}/{REG}/2025-02-22/index.html")
    assert old.updated_parsed[:3] == (2025, 2, 22)
    assert len({e.id for e in feed.entries}) == 2 and feed.feed.id not in {e.id for e in feed.entries}
    # What RFC 4287 requires of a feed and of each entry (4.1.1, 4.1.2): id, title, updated, an
    # author for the feed, and a link or content for each entry.
    assert feed.feed.title and feed.feed.author and feed.feed.get("language") == lang
    for e in feed.entries:
        assert e.id.startswith("urn:uuid:") and e.title and e.updated_parsed and e.link and e.content
        assert e.content[0].type == "text/html"
    # every link of the feed points to a file of the site
    for e in feed.entries:
        assert (site / e.link.removeprefix("https://example.fi/tietosuoja/")).is_file()


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_old_version_stays_and_the_current_page_tells_the_change(site, lang):
    old = (site / lang / REG / "2025-02-22" / "index.html").read_text("utf-8")
    assert "seloste-version-earlier" in old
    assert re.search(r">6 (vuotta|år|years)<", old)
    current = (site / lang / f"{REG}.html").read_text("utf-8")
    assert f"<li>{SENTENCES[lang]}</li>" in current
    assert f'href="{REG}/2025-02-22/index.html"' in current
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert f"/{lang}/{REG}.html</loc>" in sitemap and "2025-02-22/" not in sitemap


def test_history_from_a_previous_site(site, tmp_path):
    """build_site(history=...) takes the versions from a site built elsewhere."""
    src = site / "history" / REG / "2026-01-15.xml"
    out = seloste.build_site(src, tmp_path / "next", history=site)
    assert out.versions == 1
    assert (tmp_path / "next" / "fi" / REG / "2025-02-22" / "index.html").is_file()
    assert seloste.verify_bundle(tmp_path / "next") == []
