"""Access to the seed article (../shared/seed), the project's canonical example."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = Path(os.environ.get("CLAIMGRAPH_SEED_DIR", ROOT.parent / "shared" / "seed"))
SEED_FILE = SEED_DIR / "000_bc6f034066979636.txt"
EXAMPLE_SEED = ROOT / "examples" / "seed" / "000_bc6f034066979636.txt"


def seed_path() -> Path:
    """The seed file: the shared copy, else the copy shipped in examples/."""
    return SEED_FILE if SEED_FILE.is_file() else EXAMPLE_SEED
