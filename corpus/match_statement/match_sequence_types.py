# Which objects match sequence patterns: list/tuple/range/deque-like, not str/bytes/dict.
class MySeq:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i < 2:
            return i * 10
        raise IndexError
def m(v):
    match v:
        case [a, b]:
            return "seq %r %r" % (a, b)
        case _:
            return "not a 2-seq"
for v in ([1, 2], (1, 2), range(2), "ab", b"ab", bytearray(b"ab"), {1: 2, 3: 4}, {1, 2}, MySeq(), memoryview(b"ab")):
    print(type(v).__name__, m(v))
