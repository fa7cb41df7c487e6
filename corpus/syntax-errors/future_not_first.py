# A __future__ import after other statements.
x = 1
from __future__ import annotations
