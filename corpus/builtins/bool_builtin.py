# bool(): truth values of many objects; bool is final.
vals = [0, 1, -1, 0.0, 0.1, 0j, "", "0", " ", b"", [], [0], (), ((),), {}, {0: 0}, set(), range(0), range(1), None, ...]
print([bool(v) for v in vals])
print(bool(), bool(bool), bool(type), bool(print), bool(object()))
class Z:
    def __len__(self):
        return 0
print(bool(Z()), bool.__bases__, True.__class__, type(not 5))
try:
    bool.__new__(bool, 1, 2)
except TypeError as e:
    print("TypeError:", e)
print(bool(x for x in []), int(bool("False")))
