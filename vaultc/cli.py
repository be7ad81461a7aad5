"""The command line: ``vaultc build``, ``vaultc lint``, ``vaultc serve``, ``vaultc init`` and ``vaultc clean``.

Exit codes: 0 clean (warnings allowed), 1 problems (errors, or warnings with ``--strict``), 2 usage
or configuration errors. Diagnostics go to stdout as ``path:line:col: severity rule message`` so
editors and CI can jump to them; progress and the summary go to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

import click

from vaultc import __version__
from vaultc.build import BuildOptions, BuildResult, build
from vaultc.cache.store import cache_root, clear_cache
from vaultc.config import normalise_base_url
from vaultc.diagnostics import Severity
from vaultc.init import InitOptions, init_vault
from vaultc.lint.formats import FORMATS, format_report, format_rules
from vaultc.lint.run import FAIL_LEVELS, RuleFilter, known_rule, lint_vault


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vaultc")
def main() -> None:
    """Compile an Obsidian vault into a linked glossary and Q&A website, and lint it."""


@main.command("build", short_help="Build a vault's site (default: ./vault into ./site).")
@click.argument("vault", default="vault", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder to write the site into (replaced on success; never inside the vault).",
)
@click.option("--strict", is_flag=True, help="Treat warnings as failures: nothing is written if any are found.")
@click.option(
    "--allow-html", is_flag=True, help="Keep raw HTML in notes as written, scripts included (trusted vaults only)."
)
@click.option("--title", help="Site title (default: title in vaultc.yaml, else the vault folder's name, or its "
              "parent's for a folder named 'vault').")
@click.option(
    "--theme",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A theme folder whose templates/ and static/ override the default theme's.",
)
@click.option(
    "--ignore", multiple=True, metavar="GLOB", help="Skip vault files matching GLOB (repeatable), e.g. 'drafts/*'."
)
@click.option(
    "--base-url",
    metavar="URL",
    callback=lambda _context, _parameter, value: _base_url(value),
    help="Where the site will be published, e.g. https://you.github.io/notes/: makes sitemap.xml, robots.txt "
    "and canonical links, and absolute links on 404.html (default: base_url in vaultc.yaml, else none).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), metavar="N",
    help="Parse and render in N processes (default: one per core; the site is the same bytes either way).",
)
@click.option(
    "--author", is_flag=True,
    help="Build the author's view: 'Open in Obsidian' links on the to-do page and missing embeds marked "
    "(default: the public site for readers; vaultc serve shows the author's view).",
)
@click.option("--no-cache", is_flag=True, help="Parse every note again and keep nothing for the next build.")
@click.option("-v", "--verbose", is_flag=True, help="Also show info-level findings and per-stage timings.")
@click.option("-q", "--quiet", is_flag=True, help="Only print findings, no progress or summary.")
def build_command(
    vault: Path,
    output: Path,
    strict: bool,
    allow_html: bool,
    title: str | None,
    theme: Path | None,
    ignore: tuple[str, ...],
    base_url: str | None,
    jobs: int | None,
    author: bool,
    no_cache: bool,
    verbose: bool,
    quiet: bool,
) -> None:
    """Build the site of VAULT (default: ./vault) into OUTPUT (default: ./site).

    Notes unchanged since the last build are not parsed again, and a build whose inputs did not
    change at all leaves the site as it is (the cache: see 'vaultc clean --help')."""
    options = BuildOptions(
        vault, output, strict, allow_html, title, theme, ignore, base_url, jobs, _cache(no_cache), author
    )
    result = build(options, _progress(verbose, quiet))
    _print_findings(result, verbose)
    if not quiet:
        _print_summary(result, output, strict, verbose)
    sys.exit(1 if result.failed(strict) else 0)


def _rules(_context: click.Context, _parameter: click.Parameter, names: tuple[str, ...]) -> frozenset[str]:
    """``--rule``/``--no-rule`` values as rule ids; an unknown one is a usage error (exit 2)."""
    try:
        return frozenset(known_rule(name) for name in names)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def _list_rules(context: click.Context, _parameter: click.Parameter, value: bool) -> None:
    """``--list-rules``: print the rule registry and exit 0, whatever else is on the line."""
    if value and not context.resilient_parsing:
        click.echo(format_rules(), nl=False)
        context.exit(0)


@main.command("lint", short_help="Report what a vault is missing, each at file:line:column.")
@click.argument("vault", default="vault", type=click.Path(file_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text (people, editors), json (tools), github (Actions annotations), sarif (code scanning).")
@click.option("--fail-on", type=click.Choice(list(FAIL_LEVELS)), default="warning", show_default=True,
              help="Exit with 1 when a reported finding is at or above this severity.")
@click.option("--rule", "only", multiple=True, metavar="RULE", callback=_rules,
              help="Report only this rule (repeatable); the exit code and summary counts follow.")
@click.option("--no-rule", "without", multiple=True, metavar="RULE", callback=_rules,
              help="Leave this rule out of the report (repeatable).")
@click.option("--list-rules", is_flag=True, is_eager=True, expose_value=False, callback=_list_rules,
              help="List every rule with its default severity and description, then exit.")
@click.option("--ignore", multiple=True, metavar="GLOB", help="Skip vault files matching GLOB (repeatable).")
@click.option("--path-prefix", default="", metavar="DIR",
              help="Prefix for paths in github/sarif output, when the vault is a sub-folder of the repository.")
@click.option("--no-cache", is_flag=True, help="Parse every note again and keep nothing for the next run.")
def lint_command(
    vault: Path,
    fmt: str,
    fail_on: str,
    only: frozenset[str],
    without: frozenset[str],
    ignore: tuple[str, ...],
    path_prefix: str,
    no_cache: bool,
) -> None:
    """Report what VAULT (default: ./vault) is missing: unanswered questions, stub answers,
    undefined terms, broken links and missing embeds, each with file:line:column."""
    report = lint_vault(vault, ignore, rules=RuleFilter(only, without), cache=_cache(no_cache))
    click.echo(format_report(report.findings, report.summary, fmt, path_prefix=path_prefix), nl=False)
    sys.exit(1 if report.fails(fail_on) else 0)


@main.command("serve", short_help="Serve a vault's site and rebuild it as notes change.")
@click.argument("vault", default="vault", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("-p", "--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 shows the site to your network too.")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in your web browser.")
@click.option("--allow-html", is_flag=True, help="Keep raw HTML in notes as written (trusted vaults only).")
@click.option("--title", help="Site title (default: title in vaultc.yaml, else the vault folder's name, or its "
              "parent's for a folder named 'vault').")
@click.option("--theme", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A theme folder whose templates/ and static/ override the default theme's.")
@click.option("--ignore", multiple=True, metavar="GLOB", help="Skip vault files matching GLOB (repeatable).")
@click.option("--no-cache", is_flag=True, help="Parse every note again on every rebuild.")
@click.option("--public", is_flag=True, help="Serve the public site (what 'vaultc build' makes) instead of "
              "the author's view.")
def serve_command(
    vault: Path, port: int, host: str, open_browser: bool, allow_html: bool, title: str | None,
    theme: Path | None, ignore: tuple[str, ...], no_cache: bool, public: bool,
) -> None:  # fmt: skip
    """Serve the site of VAULT (default: ./vault) on http://127.0.0.1:8000/ and rebuild it whenever a
    note changes; open pages reload by themselves. Ctrl+C stops.

    The site is built into a temporary folder (your site/ is left alone) and served as GitHub Pages
    would serve it. Findings in the notes you edit are printed after each rebuild."""
    from vaultc.serve import ServeOptions, serve  # the watcher is loaded only when serving

    options = BuildOptions(
        vault, Path("site"), False, allow_html, title, theme, ignore, cache=_cache(no_cache), author=not public
    )
    serve(ServeOptions(options, host, port, open_browser), lambda line: click.echo(line, err=True))


@main.command("init", short_help="Set a vault up for publishing on GitHub Pages.")
@click.argument("vault", default="vault", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--repo-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="The repository to put the workflow in (default: the vault's git root, else the vault folder).",
)
@click.option(
    "--pip-spec",
    metavar="REQUIREMENT",
    help="What the workflow installs with pip, e.g. 'git+https://github.com/OWNER/vaultc@v0.1.0' "
    "(default: the repository and commit this vaultc was installed from; vaultc is not on PyPI).",
)
@click.option("--branch", default="main", show_default=True, help="The branch whose pushes publish the site.")
@click.option("--force", is_flag=True, help="Overwrite files that exist (default: keep them and say so).")
def init_command(vault: Path, repo_root: Path | None, pip_spec: str | None, branch: str, force: bool) -> None:
    """Set VAULT (default: ./vault) up for publishing: a commented vaultc.yaml in the vault and a
    GitHub Pages workflow, .github/workflows/vaultc-pages.yml, in its repository.

    The workflow installs vaultc from where this copy came from (its git repository and commit)
    unless --pip-spec says otherwise. Existing files are kept unless --force is given. Exit codes:
    0 done (also when files were kept), 2 the vault is not a folder or not inside --repo-root, or
    nothing tells where the workflow could install vaultc from (nothing is written then)."""
    written = init_vault(InitOptions(vault, repo_root, pip_spec, branch, force))
    for item in written:
        note = ": it exists (--force overwrites it)" if item.action == "skipped" else ""
        click.echo(f"{item.action} {_shown(item.path)}{note}")
    click.echo(
        "Next: commit these files, then in the repository's Settings > Pages set Source to 'GitHub Actions'.",
        err=True,
    )


@main.command("clean", short_help="Delete a vault's build cache.")
@click.argument("vault", default="vault", type=click.Path(file_okay=False, path_type=Path))
@click.option("--all", "every_vault", is_flag=True, help="Delete the cache of every vault, not only VAULT's.")
def clean_command(vault: Path, every_vault: bool) -> None:
    """Delete the build cache of VAULT (default: ./vault): the next build parses every note again.

    The cache lives outside the vault, in VAULTC_CACHE_DIR if set, else your user cache folder
    (e.g. ~/.cache/vaultc); it never changes what a build writes, only how fast."""
    removed = clear_cache(None if every_vault else vault)
    if removed is None:
        click.echo("no build cache to remove" + ("" if every_vault else f" for '{vault}'"))
    else:
        click.echo(f"removed the build cache{'s of every vault' if every_vault else f' of {vault}'}: {removed}")


def _found(counts: Mapping[str, int], output: Path) -> str:
    """What the vault holds and what is still missing, and where to see it."""
    questions = f"{counted(counts['questions'], 'question')} ({counts['unanswered']:,} unanswered, "
    questions += f"{counted(counts['stubs'], 'stub')})"
    terms = f"{counted(counts['terms'], 'glossary term')} ({counts['undefined_terms']:,} to define)"
    missing = counts["unanswered"] + counts["stubs"] + counts["undefined_terms"]
    where = f"; {output / 'open.html'} lists what is missing" if missing else ""
    return f"found {questions}, {terms}{where}."


def counted(number: int, noun: str) -> str:
    """``1 note``, ``2 notes``: the summaries' counts."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _cache(no_cache: bool) -> Path | None:
    return None if no_cache else cache_root()


def _shown(path: Path) -> Path:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def _base_url(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalise_base_url(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def _progress(verbose: bool, quiet: bool):
    show = verbose or (not quiet and sys.stderr.isatty())

    def report(message: str) -> None:
        if show:
            click.echo(f"vaultc: {message}", err=True)

    return report


def _print_findings(result: BuildResult, verbose: bool) -> None:
    lowest = Severity.INFO if verbose else Severity.WARNING
    for found in result.diagnostics:
        if found.severity >= lowest:
            click.echo(found.format())


def _print_summary(result: BuildResult, output: Path, strict: bool, verbose: bool) -> None:
    counts = {severity: sum(1 for d in result.diagnostics if d.severity is severity) for severity in Severity}
    problems = f"{counted(counts[Severity.ERROR], 'error')}, {counted(counts[Severity.WARNING], 'warning')}"
    if verbose:
        click.echo("vaultc: " + ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in result.timings), err=True)
    if result.written:
        built = f"built {counted(result.notes, 'note')} into {output}/ ({counted(result.pages, 'file')})"
        click.echo(f"vaultc: {built}; {problems}.", err=True)
        if result.found:
            click.echo(f"vaultc: {_found(result.found, output)}", err=True)
    else:
        click.echo(
            f"vaultc: {problems}; --strict, so nothing was written ({output}/ is unchanged). "
            "Fix the findings above or build without --strict.",
            err=True,
        )
