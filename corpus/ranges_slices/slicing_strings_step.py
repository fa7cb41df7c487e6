# String slicing with steps: every k-th char, interleave, reverse words.
s = "The quick brown fox jumps over the lazy dog"
for k in range(1, 6):
    print(k, s[::k], s[k - 1::k][:8])
print(s[::-1])
print(" ".join(w[::-1] for w in s.split()))
a, b = "ACEG", "BDFH"
inter = [""] * 8
inter[::2] = a
inter[1::2] = b
print("".join(inter))
print(s[4:9], s[-8:-4], s[-4:], s[:3][::-1])
print([s[i:i + 5] for i in range(0, len(s), 5)])
