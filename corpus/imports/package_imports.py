# Importing a package with relative imports and a nested subpackage.
import _pkg
print(_pkg.VERSION, _pkg.greet("world"), _pkg.__name__, _pkg.__package__)
from _pkg import core
from _pkg._sub import LEAF, whoami
import _pkg._sub.leaf as leaf
print(core.whoami(), whoami(), LEAF, leaf.__name__, leaf.__package__)
import sys
print(sorted(m for m in sys.modules if m.startswith("_pkg")))
print(_pkg._sub.leaf is leaf, _pkg.core is core)
