"""Files ``vaultc init`` copies into a vault and its repository (package data, read with importlib.resources)."""
