"""vaultc: compile an Obsidian vault into a linked glossary and Q&A website, and lint it."""

__version__ = "0.1.0"
