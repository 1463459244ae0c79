"""Synthetic inputs and benchmarks for nqgraph: ``python -m bench [--quick]`` (see ``bench/__main__.py``)."""
