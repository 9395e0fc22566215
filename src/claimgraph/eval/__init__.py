"""Evaluation on annotated datasets: `claimgraph eval attribution|events|link`."""
