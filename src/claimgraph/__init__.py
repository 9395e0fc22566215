"""claimgraph: source-attributed event data from news articles."""

from claimgraph.model import Document, Rejected

__version__ = "0.1.0"
__all__ = ["Document", "Rejected", "__version__"]
