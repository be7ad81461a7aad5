"""Themes: Jinja templates and static assets, read once before the pipeline runs.

A theme is a folder with ``templates/`` and ``static/``. The default theme ships inside the package
(``vaultc/themes/default`` in a wheel, ``themes/default`` in a source checkout). A user theme may
override single templates or assets; everything else comes from the default. Reading the theme up
front keeps the render stage free of disk access; templates render with autoescape and strict
undefined, so a bad variable is an error naming the template and line, never an empty string.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2

from vaultc.errors import ThemeError, UsageProblem

_PACKAGE = Path(__file__).resolve().parent


def default_theme_dir() -> Path:
    """The default theme, installed (wheel) or in the source tree (editable install)."""
    for candidate in (_PACKAGE / "themes" / "default", _PACKAGE.parent / "themes" / "default"):
        if (candidate / "templates").is_dir():
            return candidate
    raise ThemeError("The default theme is missing from this installation; reinstall vaultc.")


@dataclass(frozen=True)
class Theme:
    """Template sources and static files by name (POSIX, relative to templates/ and static/)."""

    templates: Mapping[str, str]
    static: Mapping[str, bytes]


def load_theme(user_theme: Path | None = None) -> Theme:
    """The default theme, with the user's templates and assets laid over it."""
    folders = [default_theme_dir()]
    if user_theme is not None:
        if not user_theme.is_dir():
            raise UsageProblem(
                f"Theme folder '{user_theme}' does not exist. Pass a folder with templates/ and/or static/."
            )
        folders.append(user_theme)
    templates: dict[str, str] = {}
    static: dict[str, bytes] = {}
    for folder in folders:
        templates.update({name: path.read_text("utf-8") for name, path in _files(folder / "templates")})
        static.update({name: path.read_bytes() for name, path in _files(folder / "static")})
    return Theme(MappingProxyType(templates), MappingProxyType(static))


def _files(folder: Path) -> list[tuple[str, Path]]:
    if not folder.is_dir():
        return []
    return sorted((path.relative_to(folder).as_posix(), path) for path in folder.rglob("*") if path.is_file())


class TemplateRenderer:
    """Renders the theme's templates; every failure becomes a :class:`ThemeError` naming the place."""

    def __init__(self, theme: Theme, template_globals: Mapping[str, Any] | None = None) -> None:
        sources = dict(theme.templates)

        def load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
            # The "file name" Jinja compiles a template under; tracebacks then say which template failed.
            return (sources[name], _code_name(name), lambda: True) if name in sources else None

        self.environment = jinja2.Environment(
            loader=jinja2.FunctionLoader(load),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.globals.update(template_globals or {})

    def render(self, template: str, **context: Any) -> str:
        try:
            return self.environment.get_template(template).render(**context)
        except jinja2.TemplateNotFound as error:
            missing = f"Template '{error.name}' is missing from the theme{_rendering(error.name, template)}"
            raise ThemeError(f"{missing}. Add it to the theme's templates/ folder.") from error
        except jinja2.TemplateSyntaxError as error:
            where = f"Template '{error.name}' line {error.lineno}{_rendering(error.name, template)}"
            raise ThemeError(f"{where}: {error.message}") from error
        except RENDER_ERRORS as error:
            raise ThemeError(f"{_failing_place(error, template)}: {error}") from error


RENDER_ERRORS = (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError)
"""What a template can get wrong while rendering (an undefined variable, calling a string, 1/0...)."""
_CODE_PREFIX = "<vaultc theme template "


def _code_name(template: str) -> str:
    return f"{_CODE_PREFIX}{template}>"


def _failing_place(error: Exception, template: str) -> str:
    """ "Template 'x' line N", from the innermost template frame of the traceback Jinja rewrites to
    point at templates; "(rendering y)" is added when the failing template was extended or included."""
    trace, place = error.__traceback__, None
    while trace is not None:
        code_name = trace.tb_frame.f_code.co_filename
        if code_name.startswith(_CODE_PREFIX):
            place = (code_name.removeprefix(_CODE_PREFIX).removesuffix(">"), trace.tb_lineno)
        trace = trace.tb_next
    if place is None:
        return f"Template '{template}'"
    name, line = place
    return f"Template '{name}' line {line}{_rendering(name, template)}"


def _rendering(failing: str | None, template: str) -> str:
    return "" if failing == template else f" (rendering {template})"
