"""Leaf module of the nested subpackage."""
LEAF = "leaf value from " + __name__
