# Iteration order of str sets under PYTHONHASHSEED=0.
s = {"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"}
print(list(s))
print(list(set("abcdefghij")))
print(list({"x", "y", "z", "xy", "yz", "xyz"}))
words = "the quick brown fox jumps over the lazy dog".split()
print(list(set(words)))
print(list({("a", 1), ("b", 2)}))
print(list(frozenset(["é", "ü", "ß", "😀", ""])))
print(hash("abc"), hash("a"), hash(""), hash("é"), hash("😀"))
