"""Evaluation on annotated datasets: `claimgraph eval attribution|events|link`."""

from pathlib import Path


def checkout_file(rel: str) -> Path:
    """A file of the project checkout (test fixtures, examples), found from the working
    directory or, failing that, next to the sources this package runs from."""
    here = Path(rel)
    if here.exists():
        return here
    beside = Path(__file__).resolve().parents[3] / rel
    return beside if beside.exists() else here
