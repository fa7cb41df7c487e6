"""A nested support subpackage."""
from ..core import whoami
from .leaf import LEAF
