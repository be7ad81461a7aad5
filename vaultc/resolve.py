"""The resolve stage: with every note known, decide where each link and embed points.

This is a second pass over a complete index (links can only be resolved once all notes, aliases,
headings and block ids are known). Each link gets a :class:`Target`; everything that could not be
resolved exactly is a diagnostic with path:line:column, never a silent guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from vaultc.diagnostics import Diagnostic, diagnostic, sort_diagnostics
from vaultc.embeds import embed_cycle_problems
from vaultc.index import Match, VaultIndex
from vaultc.model import LinkKind, LinkRef, ParsedNote, Target, TargetKind
from vaultc.names import VaultPath, folder_of, is_note_path, normalize_inside, slugify


@dataclass(frozen=True)
class ResolvedVault:
    """Published notes, attachments, and the target of every link of every note."""

    notes: Mapping[VaultPath, ParsedNote]
    attachments: tuple[VaultPath, ...]
    targets: Mapping[VaultPath, tuple[Target, ...]]
    diagnostics: tuple[Diagnostic, ...]


def resolve_vault(parsed: Iterable[ParsedNote], attachments: tuple[VaultPath, ...]) -> ResolvedVault:
    """Index the vault, then resolve every link of every published note."""
    all_notes = {note.path: note for note in sorted(parsed, key=lambda note: note.path)}
    aliases = [(alias, note.path) for note in all_notes.values() for alias in note.front_matter.aliases]
    index = VaultIndex(all_notes, attachments, aliases)
    published = {path: note for path, note in all_notes.items() if note.front_matter.publish}
    resolver = _Resolver(index, all_notes)
    targets = {path: tuple(resolver.resolve(note, link) for link in note.links) for path, note in published.items()}
    problems = resolver.problems + embed_cycle_problems(published, targets)
    return ResolvedVault(
        MappingProxyType(published), attachments, MappingProxyType(targets), sort_diagnostics(problems)
    )


class _Resolver:
    """Resolves links against the index, collecting diagnostics as it goes."""

    def __init__(self, index: VaultIndex, notes: Mapping[VaultPath, ParsedNote]) -> None:
        self.index = index
        self.notes = notes
        self.problems: list[Diagnostic] = []

    def resolve(self, note: ParsedNote, link: LinkRef) -> Target:
        if not link.target:
            return self._with_anchor(note, link, note.path)
        name = _lookup_name(note.path, link)
        if name is None:
            # A path that climbs above the vault: Obsidian looks the name up inside the vault instead.
            match = self.index.find(_as_link_path(link.target), note.path)
            if match.path is None:
                self._report(note, link, "unsafe-link", f"'{link.target}' points outside the vault; it is not linked")
                return Target(TargetKind.UNSAFE)
        else:
            match = self._match(name, note.path, link)
        if match.path is None:
            return self._missing(note, link)
        self._report_match_quality(note, link, match)
        if not is_note_path(match.path):
            return Target(TargetKind.ATTACHMENT, match.path)
        if match.path not in self.notes or not self.notes[match.path].front_matter.publish:
            self._report(
                note, link, "unpublished-link", f"'{link.target}' is not published (publish: false); shown as text"
            )
            return Target(TargetKind.UNPUBLISHED, match.path)
        return self._with_anchor(note, link, match.path)

    def _match(self, name: str, source: VaultPath, link: LinkRef) -> Match:
        match = self.index.find(name, source)
        if match.path is None and not link.wikilink:
            # Web convention for Markdown links: a folder means its index note.
            match = self.index.find(name.rstrip("/") + "/index", source) if name.endswith("/") else match
        if match.path is None and not link.wikilink:
            # Obsidian then reads a Markdown link's path as a link path, as in a wikilink: from the
            # vault root ("Folder/Note.md"), or a bare name found anywhere ("image.png").
            as_written = _as_link_path(link.target)
            match = self.index.find(as_written, source) if as_written else match
        return match

    def _with_anchor(self, note: ParsedNote, link: LinkRef, path: VaultPath) -> Target:
        target_note = self.notes[path]
        if link.block is not None:
            if any(block.block_id == link.block for block in target_note.blocks):
                return Target(TargetKind.NOTE, path, "^" + link.block)
            self._report(note, link, "missing-block", f"'{target_note.title}' has no block '^{link.block}'")
            return Target(TargetKind.NOTE, path, anchor_missing=True)
        if not link.heading:
            return Target(TargetKind.NOTE, path)
        anchor = heading_anchor(target_note, link.heading)
        if anchor is None:
            self._report(
                note, link, "missing-heading", f"'{target_note.title}' has no heading '{' > '.join(link.heading)}'"
            )
            return Target(TargetKind.NOTE, path, anchor_missing=True)
        return Target(TargetKind.NOTE, path, anchor)

    def _missing(self, note: ParsedNote, link: LinkRef) -> Target:
        if link.kind is LinkKind.EMBED:
            self._report(
                note,
                link,
                "missing-embed",
                f"nothing named '{link.target}' to embed; add the file to the vault or fix the name",
            )
        else:
            self._report(note, link, "broken-link", f"no note or file named '{link.target}'; create it or fix the link")
        return Target(TargetKind.MISSING)

    def _report_match_quality(self, note: ParsedNote, link: LinkRef, match: Match) -> None:
        if match.ambiguous:
            others = ", ".join(path for path in match.candidates if path != match.path)
            self._report(
                note,
                link,
                "ambiguous-link",
                f"'{link.target}' matches several files; used {match.path} (also: {others}). "
                "Write the folder to choose, e.g. [[folder/name]]",
            )
        elif not match.exact_case:
            self._report(
                note, link, "link-case-mismatch", f"'{link.target}' matches {match.path} only when case is ignored"
            )

    def _report(self, note: ParsedNote, link: LinkRef, rule: str, message: str) -> None:
        self.problems.append(diagnostic(note.path, link.line, link.column, rule, message, subject=link.target))


def _lookup_name(source: VaultPath, link: LinkRef) -> str | None:
    """The name to look up: relative paths joined to the note's folder, ``.md`` dropped; None if it
    leaves the vault. Wikilinks are names unless they start with ./ or ../; Markdown links are paths."""
    target = link.target.strip()
    folder = "" if target.startswith("/") else folder_of(source)
    if target.startswith("/") or not link.wikilink or target.startswith(("./", "../")):
        joined = normalize_inside(folder, target.lstrip("/"))
        if joined is None:
            return None
        target = joined + ("/" if target.endswith("/") and joined else "")
    return target[:-3] if target.lower().endswith(".md") else target


def _as_link_path(target: str) -> str:
    """A Markdown link's target read as a wikilink's path: "./" and "../" dropped (the name is looked
    up inside the vault, never outside it), ``.md`` dropped."""
    parts = [part for part in target.strip().lstrip("/").split("/") if part not in ("", ".", "..")]
    joined = "/".join(parts)
    return joined[:-3] if joined.lower().endswith(".md") else joined


def heading_anchor(note: ParsedNote, chain: tuple[str, ...]) -> str | None:
    """The anchor of the last heading in ``chain``, each heading nested in the section of the one before."""
    start, end, level = 0, note.line_count, 0
    found = None
    for part in chain:
        wanted = slugify(part)
        found = next(
            (h for h in note.headings if start <= h.line <= end and h.level > level and slugify(h.text) == wanted), None
        )
        if found is None:
            return None
        start, end, level = found.line + 1, found.section_end, found.level
    return found.anchor if found else None
