# find/rfind/index/count/startswith/endswith with ranges.
s = "abracadabra"
print(s.find("abra"), s.rfind("abra"), s.find("abra", 1), s.find("z"), s.find(""), s.find("", 20))
print(s.index("cad"), s.rindex("a"), s.count("a"), s.count("abra"), s.count(""), s.count("a", 2, 8))
print(s.startswith("abr"), s.startswith(("x", "ab")), s.startswith("bra", 1), s.endswith("bra"), s.endswith("ra", 0, 4))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError:", e)
def find_all(hay, needle):
    out, i = [], hay.find(needle)
    while i != -1:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out
print(find_all(s, "a"), find_all("aaaa", "aa"))
print("é😀é".find("é", 1), "é😀é".rfind("😀"), "x".find("x", -1), "xyz".find("z", -100, 100))
