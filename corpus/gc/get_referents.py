# gc.get_referents lists the objects a container refers to.
import gc
class O:
    def __repr__(self):
        return "O()"
x, y = O(), O()
lst = [x, y, x]
print(len(gc.get_referents(lst)), gc.get_referents(lst) == [x, y, x])
d = {"k": x}
refs = gc.get_referents(d)
print(len(refs), "k" in refs, x in refs)
t = (1, "s", x)
print(gc.get_referents(t) == [1, "s", x])
print(gc.get_referents(1), gc.get_referents("str"))
print(x in gc.get_referents(lst, d), len(gc.get_referents(lst, t)))
referrers = gc.get_referrers(x)
print(any(r is lst for r in referrers), any(r is t for r in referrers))
