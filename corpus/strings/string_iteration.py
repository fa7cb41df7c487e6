# Iterating over strings: characters, enumerate, zip, reversed, counting.
s = "mississippi"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(list(enumerate("abc", 1)), list(zip("abc", "xyz")), list(reversed("abc")))
print([c for c in "Hello World" if c.isupper()], "".join(c for c in s if c not in "aeiou"))
it = iter("ab")
print(next(it), next(it), next(it, "done"))
runs = []
prev, n = None, 0
for ch in s + "\0":
    if ch == prev:
        n += 1
    else:
        if prev is not None:
            runs.append(prev + str(n))
        prev, n = ch, 1
print("".join(runs))
print(sum(1 for _ in "😀é a"), list(map(ord, "AZ")))
