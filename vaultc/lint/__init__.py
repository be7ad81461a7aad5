"""Lint: what a vault is missing (unanswered questions, stubs, undefined terms), and how it is told.

Rule ids, default severities and descriptions live in one registry,
:data:`vaultc.diagnostics.RULES`, shared by configuration (:mod:`vaultc.config`), suppression
comments (:mod:`vaultc.lint.suppress`) and report formats (:mod:`vaultc.lint.formats`).
"""
