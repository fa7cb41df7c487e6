# The braces easter egg.
from __future__ import braces
