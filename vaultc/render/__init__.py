"""The render stage: the resolved vault and its graph -> every page of the site, in memory."""
