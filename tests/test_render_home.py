"""The home page: what the vault holds, the ways in (open questions first), the notes by folder."""

from __future__ import annotations

import re

from tests.glossary_site import duplicate_ids, home_html, main_of, site_of
from vaultc.render.glossary.glossary_counts import knowledge_counts

VAULT = {
    "Questions.md": (
        "# Questions\n\n## What is an embedding?\n\nA vector per token.\n\n## What is dropout?\n\n"
        "## What is pooling?\n\nTODO\n"
    ),
    "Glossary.md": "# Glossary\n\nRMS Prop:\n\nAdam: an optimiser.\n",
    "topics/Deep/Zeta.md": "z\n",
    "topics/Deep/alpha.md": "#ml a\n",
}


def test_counts_come_from_the_knowledge() -> None:
    counts = knowledge_counts(site_of(VAULT).knowledge)
    assert (counts.answered, counts.unanswered, counts.stubs) == (1, 1, 1)
    assert counts.questions == 3 and counts.open == 2
    assert counts.undefined == 1  # RMS Prop; "dropout" and "pooling" are only asked about
    assert counts.defined >= 2 and counts.terms == counts.defined + counts.undefined  # the glossary's entries
    concepts = site_of(VAULT).knowledge.concepts
    assert len(concepts) == counts.terms + 2  # "dropout" and "pooling" have pages, not entries


def test_home_states_what_the_vault_holds() -> None:
    counts = knowledge_counts(site_of(VAULT).knowledge)
    html = home_html(VAULT, title="My <Vault>")
    assert "<h1>My &lt;Vault&gt;</h1>" in html
    summary = re.sub(r"\s+", " ", re.search(r'<p class="lead home-summary">(.*?)</p>', html, re.S)[1])
    assert summary == (
        f"4 notes, 3 questions (1 answered, 1 unanswered, 1 stub) and {counts.terms} terms "
        f"({counts.defined} defined, {counts.undefined} without a definition)."
    )
    assert f'content="My &lt;Vault&gt;: 4 notes, 3 questions (2 open) and {counts.terms} terms."' in html


def test_the_ways_in_link_every_listing_and_open_questions_come_first() -> None:
    html = main_of(home_html(VAULT))
    cards = re.findall(r'<a href="([^"]*)"><span class="home-card-title">([^<]*)</span>', html)
    assert cards == [
        ("open.html", "Open questions"),
        ("glossary.html", "Glossary"),
        ("questions/index.html", "Questions"),
        ("study/index.html", "Study"),
        ("#notes", "Notes"),
        ("tags/index.html", "Tags"),
        ("graph.html", "Graph"),
        ("search.html", "Search"),
    ]
    open_card = html[html.index('<li class="home-card home-card-open') : html.index("</li>")]
    assert "has-open" in open_card and '<span class="home-card-figure">2</span>' in open_card
    assert "1 unanswered, 1 stub and 1 term to define" in open_card


def test_a_vault_with_nothing_open_does_not_raise_the_alarm() -> None:
    html = home_html({"A.md": "Just a note.\n"})
    assert '<li class="home-card home-card-open">' in html and "has-open" not in html
    assert "nothing left open" in html


def test_zero_counts_are_left_out() -> None:
    html = main_of(home_html({"A.md": "# A\n\n## What is open?\n\nTODO\n"}))
    summary = re.sub(r"\s+", " ", re.search(r'<p class="lead home-summary">(.*?)</p>', html, re.S)[1])
    assert summary == "1 note, 1 question (1 stub) and 0 terms."
    assert "0 unanswered" not in html and "0 defined" not in html and " 0 with" not in html
    assert 'class="home-card-title">Tags<' not in html  # no tags: no card saying 0
    assert "none answered yet" in html and "1 stub<" in html


def test_notes_are_listed_by_folder_sorted_by_title() -> None:
    html = main_of(home_html(VAULT))
    notes = html[html.index('<h2 id="notes">') :]
    folders = re.findall(r"<h3>([^<]*)</h3>", notes)
    assert folders == ["Top of the vault", "topics/Deep"]
    deep = notes[notes.index("topics/Deep") :]
    assert re.findall(r'<li><a href="([^"]*)">([^<]*)</a></li>', deep) == [
        ("notes/topics/deep/alpha.html", "alpha"),
        ("notes/topics/deep/zeta.html", "Zeta"),
    ]


def test_home_is_valid_in_shape() -> None:
    html = home_html(VAULT)
    assert html.count("<h1") == 1 and duplicate_ids(html) == []
    assert 'aria-label="Ways in"' in html
    assert "graph.json" not in main_of(html)  # the graph page links it
