# Hashing and equality of complex numbers against ints and floats.
vals = [0j, 1 + 0j, 2.5 + 0j, 1j, -1j, 3 + 4j, complex(1e300, -1e300)]
for v in vals:
    print(repr(v), hash(v))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5))
s = {1, 1.0, 1 + 0j, 2j}
print(len(s), s)
d = {1j: "a"}
d[complex(0, 1)] = "b"
print(d)
print(1j in {1j: 0}, 0 == 0j, 0j == False)
