# Deleting outer containers releases inner ones in turn (cascade).
import sys
class Leaf:
    pass
leaf = Leaf()
base = sys.getrefcount(leaf)
inner = [leaf, leaf]
middle = {"a": inner, "b": (inner, leaf)}
outer = [middle, [middle]]
print("counts with all names:", sys.getrefcount(leaf) - base, sys.getrefcount(inner) - 1)
del inner, middle
print("only outer holds the graph:", sys.getrefcount(leaf) - base)
outer[1].clear()
print("one path cleared:", sys.getrefcount(leaf) - base)
del outer
print("everything released:", sys.getrefcount(leaf) - base)
