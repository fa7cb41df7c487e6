"""A support package."""
print("_pkg/__init__ running")
from .core import greet
from . import _sub
VERSION = (1, 2)
