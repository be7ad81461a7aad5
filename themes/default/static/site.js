/* Progressive enhancements shared by every page (owned by a helper for issue 4). */
