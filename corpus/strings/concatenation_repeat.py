# Building strings: +, *, join, and += in loops.
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
parts = [str(i * i) for i in range(12)]
print(",".join(parts), "".join(reversed(parts)))
print("-" * 20, "ab" * 0, "ab" * -1, 3 * "xy")
a = "abc"
b = a
a += "d"
print(a, b)
print("x".join("abc"), "".join([]), ", ".join(["only"]))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
words = "the quick brown fox".split()
print(" ".join(w.capitalize() for w in words))
print(("ab" "cd"
       "ef"), "a" + "b" * 3 + "c")
