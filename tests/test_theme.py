"""Themes: a user theme overrides single templates and assets, and a broken template stops the build
with a message naming the template and line (exit code 2), never a traceback or an empty string."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultc.cli import main
from vaultc.errors import ThemeError
from vaultc.theme import TemplateRenderer, Theme, default_theme_dir, load_theme

CUSTOM_NOTE = """{% extends "base.html" %}
{% block main %}
<h1>{{ note.title }}</h1>
{{ content | safe }}
<footer class="custom-footer">Custom footer for {{ note.title }}</footer>
{% endblock %}
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(tmp_path: Path, theme: dict[str, str]):
    vault = write(tmp_path / "vault", {"A note.md": "# A note\n\nSee [[B]]. #topic\n", "B.md": "Back to [[A note]].\n"})
    write(tmp_path / "theme", theme)
    output = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(output), "--theme", str(tmp_path / "theme")])
    return result, output


def render(templates: dict[str, str], template: str = "page.html", **context) -> str:
    return TemplateRenderer(Theme(templates, {})).render(template, **context)


def theme_error(templates: dict[str, str], template: str = "page.html", **context) -> str:
    with pytest.raises(ThemeError) as error:
        render(templates, template, **context)
    return error.value.message


# ---- overriding ------------------------------------------------------------------------------------------


def test_a_user_template_replaces_only_that_template(tmp_path: Path) -> None:
    result, site = build(tmp_path, {"templates/note.html": CUSTOM_NOTE})
    assert result.exit_code == 0, result.output
    note = (site / "notes" / "a-note.html").read_text("utf-8")
    assert '<footer class="custom-footer">Custom footer for A note</footer>' in note
    assert 'class="note-footer"' not in note  # the default note.html is not used...
    assert '<header class="site-header">' in note  # ...but the default base.html still is
    tags = (site / "tags" / "index.html").read_text("utf-8")
    assert '<ul class="tag-cloud">' in tags and "custom-footer" not in tags


def test_user_assets_replace_or_join_the_default_ones(tmp_path: Path) -> None:
    result, site = build(tmp_path, {"static/site.css": "/* mine */\n", "static/extra/logo.svg": "<svg/>"})
    assert result.exit_code == 0, result.output
    assert (site / "static" / "site.css").read_text() == "/* mine */\n"
    assert (site / "static" / "extra" / "logo.svg").read_text() == "<svg/>"
    default_style = (default_theme_dir() / "static" / "style.css").read_bytes()
    assert (site / "static" / "style.css").read_bytes() == default_style


def test_load_theme_layers_the_user_theme_over_the_default(tmp_path: Path) -> None:
    theme = load_theme(write(tmp_path / "theme", {"templates/note.html": CUSTOM_NOTE}))
    assert theme.templates["note.html"] == CUSTOM_NOTE
    assert theme.templates["base.html"] == (default_theme_dir() / "templates" / "base.html").read_text("utf-8")


# ---- errors name the template and the line -----------------------------------------------------------------


def test_an_undefined_variable_names_the_template_and_line() -> None:
    message = theme_error({"page.html": "<p>\n{{ title }}\n{{ missing_variable }}\n</p>"}, title="x")
    assert message == "Template 'page.html' line 3: 'missing_variable' is undefined"


def test_an_undefined_variable_in_an_extended_template_names_that_template() -> None:
    templates = {
        "page.html": '{% extends "base.html" %}{% block main %}fine{% endblock %}',
        "base.html": "<main>\n{% block main %}{% endblock %}\n{{ footer_text }}\n</main>",
    }
    assert theme_error(templates) == "Template 'base.html' line 3 (rendering page.html): 'footer_text' is undefined"


def test_an_undefined_variable_in_a_block_names_the_child_template_line() -> None:
    templates = {
        "page.html": '{% extends "base.html" %}\n{% block main %}\nok\n{{ nope.attribute }}\n{% endblock %}',
        "base.html": "<main>{% block main %}{% endblock %}</main>",
    }
    assert theme_error(templates) == "Template 'page.html' line 4: 'nope' is undefined"


def test_an_error_in_an_included_template_names_it() -> None:
    templates = {"page.html": 'a\n{% include "part.html" %}', "part.html": "\n\n{{ 1 / 0 }}"}
    assert theme_error(templates) == "Template 'part.html' line 3 (rendering page.html): division by zero"


def test_a_syntax_error_names_the_template_and_line() -> None:
    assert theme_error({"page.html": "one\ntwo\n{% if %}\n"}).startswith("Template 'page.html' line 3: ")
    templates = {"page.html": '{% extends "base.html" %}', "base.html": "a\n{% for x in %}"}
    assert theme_error(templates).startswith("Template 'base.html' line 2 (rendering page.html): ")


@pytest.mark.parametrize(
    "source",
    ['{% include "missing-part.html" %}', '{% extends "missing-part.html" %}', '{% import "missing-part.html" as m %}'],
)
def test_a_missing_included_template_is_named(source: str) -> None:
    message = theme_error({"page.html": source})
    assert message.startswith("Template 'missing-part.html' is missing from the theme (rendering page.html).")


def test_a_missing_page_template_is_named() -> None:
    assert theme_error({}, "note.html").startswith("Template 'note.html' is missing from the theme.")


def test_calling_something_that_is_not_a_function_names_the_line() -> None:
    message = theme_error({"page.html": "\n{{ title() }}"}, title="x")
    assert message.startswith("Template 'page.html' line 2: ")


def test_values_are_escaped_and_a_good_template_renders() -> None:
    assert render({"page.html": "<p>{{ text }}</p>"}, text="<b>&") == "<p>&lt;b&gt;&amp;</p>"


# ---- the command line ---------------------------------------------------------------------------------------


def test_a_broken_user_template_stops_the_build_with_exit_2_and_the_message(tmp_path: Path) -> None:
    result, site = build(
        tmp_path, {"templates/tag.html": '{% extends "base.html" %}\n{% block main %}\n{{ tag_colour }}{% endblock %}'}
    )
    assert result.exit_code == 2, result.output
    assert "Template 'tag.html' line 3: 'tag_colour' is undefined" in result.output
    assert "Traceback" not in result.output
    assert not site.exists()  # nothing written


def test_a_syntax_error_in_a_user_template_stops_the_build(tmp_path: Path) -> None:
    result, site = build(tmp_path, {"templates/base.html": "<html>\n{% block main %}\n"})
    assert result.exit_code == 2, result.output
    assert "Template 'base.html' line 2 (rendering" in result.output and "endblock" in result.output
    assert not site.exists()


def test_a_theme_folder_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    vault = write(tmp_path / "vault", {"A.md": "a\n"})
    result = CliRunner().invoke(
        main, ["build", str(vault), "-o", str(tmp_path / "site"), "--theme", str(tmp_path / "no")]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output
