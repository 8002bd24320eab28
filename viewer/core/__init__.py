"""The Qt-free core: reading, normalising, extracting, storing, searching, summarising."""
