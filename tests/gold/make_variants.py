"""Rewrite the gold articles that must be stored decomposed (NFD) from their NFC text.

The NFD files are written by hand in NFC like every other article, then this script
decomposes them in place. It is idempotent: run it after editing one of them.

    python -m tests.gold.make_variants          # rewrite
    python -m tests.gold.make_variants --check  # exit 1 if a file is not NFD
"""

from __future__ import annotations

import sys
import unicodedata

from tests.gold.corpus import ARTICLES_DIR

NFD_FILES = ("014_nghi-son-moi-truong.txt", "021_hoa-lu-gia-vien-du-lich.txt")


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def main(argv: list[str]) -> int:
    stale = []
    for name in NFD_FILES:
        path = ARTICLES_DIR / name
        text = path.read_text(encoding="utf-8")
        if text == decomposed(text):
            continue
        stale.append(name)
        if "--check" not in argv:
            path.write_bytes(decomposed(text).encode("utf-8"))
            print(f"wrote {name} in NFD")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
