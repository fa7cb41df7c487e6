# list.sort and sorted: keys, reverse, stability, error mid-sort.
people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 25), ("eve", 40)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = "The quick brown fox Jumps over the lazy dog".split()
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
nums = [5, 3, 9, 1, 5, 3, 0, -2]
print(sorted(nums), nums.sort(), nums)
mixed = [3, 1, "x", 2]
try:
    mixed.sort()
except TypeError as e:
    print("TypeError:", e)
print(mixed)
data = list(range(20, 0, -3))
data.sort(key=lambda x: x % 4)
print(data)
try:
    [1].sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
