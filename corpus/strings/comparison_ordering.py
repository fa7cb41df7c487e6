# String comparison is by code point.
words = ["banana", "Apple", "apple", "cherry", "Éclair", "eclair", "zebra", "", "a", "ab", "B", "ß", "ss", "😀", "ÿ"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(max(words), min(words))
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", "a" == "a")
print([ord(c) for c in "aAzZ09 é"])
print("abc".__lt__("abd"), "b".__ge__("a"), "x".__eq__(1))
