"""One ``vaultc serve`` run: build, serve, then rebuild on every change until stopped.

The site is built into a private temporary folder (the vault is never written, and a ``site/`` a
user publishes is never touched), with the same driver as ``vaultc build``, whose swap means the
server always reads a complete site: the last good one while a rebuild runs or after it fails. A
rebuild that fails (a broken ``vaultc.yaml``, a theme error, even a bug) is reported in the
terminal and in every open page, and serving goes on; the next good build clears it. Findings in the
notes just edited are printed after each rebuild.
"""

from __future__ import annotations

import tempfile
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from vaultc.build import BuildOptions, BuildResult, build
from vaultc.diagnostics import Diagnostic, Severity
from vaultc.errors import UsageProblem, VaultcError
from vaultc.serve.http import SiteServer, make_server
from vaultc.serve.reload import Broadcaster
from vaultc.serve.watch import vault_changes

Echo = Callable[[str], None]


@dataclass(frozen=True)
class ServeOptions:
    build: BuildOptions
    """What to build; its ``output`` is replaced by the private folder."""
    host: str = "127.0.0.1"
    port: int = 8000
    open_browser: bool = False


class Rebuilder:
    """Builds the site into ``output``, tells open pages how it went, and says what an edit changed."""

    def __init__(self, options: BuildOptions, broadcaster: Broadcaster, echo: Echo) -> None:
        self.options, self.broadcaster, self.echo = options, broadcaster, echo
        self.known: frozenset[Diagnostic] = frozenset()

    def first_build(self) -> None:
        """The first build must work: a usage or configuration error stops the run (exit 2), as in build."""
        self.echo(f"vaultc: building {self.options.vault}...")
        result = build(self.options)
        self.broadcaster.publish()
        self.known = _shown(result)
        problems = f"{len(self.known)} findings (`vaultc lint` lists them)" if self.known else "no findings"
        self.echo(f"vaultc: built {result.notes} notes ({result.pages} files); {problems}.")

    def rebuild(self, changed: frozenset[str]) -> BuildResult | None:
        """One build; its result, or None when it failed (the problem is published, serving goes on)."""
        try:
            result = build(self.options)
        except VaultcError as error:
            return self._failed(error.format_message())
        except Exception as error:  # noqa: BLE001 - a bug must not stop the server: report it, keep the last site
            return self._failed(f"{type(error).__name__}: {error} (a bug in vaultc: please report it)")
        self.broadcaster.publish()
        self._report(result, changed)
        return result

    def _failed(self, message: str) -> None:
        self.echo(f"vaultc: build failed: {message}")
        self.broadcaster.publish(problem=message)
        return None

    def _report(self, result: BuildResult, changed: frozenset[str]) -> None:
        """The edited notes' new findings in full, then what each edit left open and fixed."""
        shown = _shown(result)
        before = {_unplaced(found) for found in self.known if found.path in changed}
        now = sorted(found for found in shown if found.path in changed)
        for found in now:
            if _unplaced(found) not in before:
                self.echo(found.format())
        fixed = len(before - {_unplaced(found) for found in now})
        counts = f"{len(now)} findings in {_listed(changed)}" + (f", {fixed} fixed" if fixed else "")
        self.echo(f"vaultc: rebuilt {result.notes} notes ({result.pages} files); {counts}.")
        self.known = shown


def _shown(result: BuildResult) -> frozenset[Diagnostic]:
    return frozenset(found for found in result.diagnostics if found.severity >= Severity.WARNING)


def _unplaced(found: Diagnostic) -> tuple[str, str, str, str]:
    """A finding without its place: one that only moved with the lines above it is not new."""
    return found.path, found.rule, found.subject, found.message


def serve(options: ServeOptions, echo: Echo, stop: threading.Event | None = None,
          ready: Callable[[SiteServer], None] = lambda server: None) -> None:  # fmt: skip
    """Serve until Ctrl+C (or ``stop`` is set); ``ready`` is called once the server listens and the
    vault is watched."""
    stop = stop or threading.Event()
    with tempfile.TemporaryDirectory(prefix="vaultc-serve-") as folder:
        broadcaster = Broadcaster()
        rebuilder = Rebuilder(replace(options.build, output=Path(folder, "site")), broadcaster, echo)
        server = _listen(rebuilder.options.output, broadcaster, options)
        try:
            rebuilder.first_build()
        except BaseException:
            server.server_close()
            raise
        threading.Thread(target=server.serve_forever, name="vaultc-serve", daemon=True).start()
        try:
            _announce(server, options, echo)
            watching = False
            for changed in vault_changes(options.build.vault, stop):
                if not watching:  # the watcher's first report: from now on no edit is missed
                    watching = True
                    ready(server)
                if changed:
                    rebuilder.rebuild(changed)
        except KeyboardInterrupt:
            pass
        finally:
            broadcaster.close()
            server.shutdown()
            server.server_close()
            echo("vaultc: stopped.")


def _listen(root: Path, broadcaster: Broadcaster, options: ServeOptions) -> SiteServer:
    """The server, bound before the first build so a taken port is said at once."""
    try:
        return make_server(root, broadcaster, options.host, options.port)
    except OSError as error:
        where = f"{options.host}:{options.port}"
        raise UsageProblem(f"cannot listen on {where}: {error.strerror}; try another --port.") from error


def _announce(server: SiteServer, options: ServeOptions, echo: Echo) -> None:
    host, port = server.server_address[:2]
    url = f"http://{host}:{port}/"
    echo(f"vaultc: serving {options.build.vault} at {url} (Ctrl+C stops); pages reload when notes change.")
    if options.open_browser:
        webbrowser.open(url)


def _listed(changed: frozenset[str], shown: int = 3) -> str:
    names = sorted(changed)
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more
