"""The extract stage: questions with their answers, glossary terms and concepts, read from notes
as people really write them (see :mod:`vaultc.extract.model` for what it produces)."""
