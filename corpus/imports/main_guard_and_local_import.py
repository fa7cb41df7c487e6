# A helper's main guard does not run on import; imports inside functions bind locally.
import sys
def use():
    import _mainguard
    from _mainguard import helper as h
    return h(), "_mainguard" in dir()
print(use())
print("_mainguard" in dir(), "_mainguard" in sys.modules)
from _mainguard import LOADED
print(LOADED)
if __name__ == "__main__":
    print("this program's own main guard runs")
