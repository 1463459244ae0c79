"""nqgraph: turn articles on Vietnamese party resolutions into a knowledge graph."""

__version__ = "0.1.0"
