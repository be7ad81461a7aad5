"""The properties table of a note page, as Obsidian shows properties: key and value, lists as chips,
links as links (broken ones marked), dates as dates, tags linked to their pages, everything escaped;
keys that only steer tools and empty values left out."""

from __future__ import annotations

import re

from tests.note_pages import page_html

NOTE = """---
title: Alpha
up: "[[B]]"
related: ["[[B#Part|the part]]", "[[Nowhere]]"]
see: read [[B]] first
authors: [Ann, "<b>Bob</b>"]
year: 2020
done: true
read: 2023-11-20
tags: [ml, deep/nets]
aliases: [First]
publish: true
cssclasses: [wide]
draft: false
empty:
none: []
homepage: https://example.com/a?b=1
---
Body.
"""

FILES = {"A.md": NOTE, "B.md": "# Part\n"}


def table(html: str) -> str:
    found = re.search(r'<table class="properties".*?</table>', html, re.S)
    assert found is not None, "no properties table"
    return found.group(0)


def rows(html: str) -> dict[str, str]:
    """Key -> the HTML of its value cell."""
    return dict(re.findall(r'<th scope="row">(.*?)</th>\s*<td>(.*?)</td>', table(html), re.S))


def test_keys_in_order_without_tool_settings_or_empty_values() -> None:
    keys = list(rows(page_html(FILES)))
    assert keys == ["up", "related", "see", "authors", "year", "done", "read", "tags", "aliases", "homepage"]


def test_links_are_links_and_broken_ones_are_marked() -> None:
    cells = rows(page_html(FILES))
    assert cells["up"] == '<a class="wikilink" href="b.html">B</a>'
    assert '<a class="wikilink" href="b.html#part">the part</a>' in cells["related"]
    assert re.search(r'<a class="wikilink broken" title="[^"]*Nowhere[^"]*">Nowhere</a>', cells["related"])
    assert cells["see"] == 'read <a class="wikilink" href="b.html">B</a> first'


def test_lists_are_chips_and_text_is_escaped() -> None:
    authors = rows(page_html(FILES))["authors"]
    assert authors == '<ul class="property-chips"><li>Ann</li><li>&lt;b&gt;Bob&lt;/b&gt;</li></ul>'


def test_dates_numbers_checkboxes_tags_and_urls() -> None:
    cells = rows(page_html(FILES))
    assert cells["read"] == '<time datetime="2023-11-20">2023-11-20</time>'
    assert cells["year"] == "2020"
    assert cells["done"] == '<span class="property-check checked"><span class="visually-hidden">checked</span></span>'
    assert '<a class="tag" href="../tags/ml.html">#ml</a>' in cells["tags"]
    assert '<a class="tag" href="../tags/deep/nets.html">#deep/nets</a>' in cells["tags"]
    assert (
        cells["homepage"]
        == '<a class="external" href="https://example.com/a?b=1" rel="noopener">https://example.com/a?b=1</a>'
    )


def test_tags_shown_as_properties_are_not_repeated_in_the_header() -> None:
    html = page_html({"A.md": "---\ntags: [ml]\n---\nText #inline\n"})
    header = re.search(r'<ul class="tag-list".*?</ul>', html, re.S)
    assert header is not None and ">#inline<" in header.group(0) and ">#ml<" not in header.group(0)
    assert ">#ml<" in rows(html)["tags"]


def test_no_table_without_properties_a_reader_cares_about() -> None:
    html = page_html({"A.md": "---\ntitle: Only a title\npublish: true\nempty: ''\n---\nText #x\n"})
    assert '<table class="properties"' not in html and "properties.css" not in html
    assert re.search(r'<ul class="tag-list".*?>#x<', html, re.S)


def test_property_link_counts_as_a_backlink_on_the_target_page() -> None:
    html = page_html(FILES, "B.md")
    backlinks = re.search(r'<section class="backlinks".*?</section>', html, re.S).group(0)
    assert '<a href="a.html">Alpha</a>' in backlinks
