# Complex numbers in containers, sums and sorts by key.
zs = [3 + 4j, 1 - 1j, -2 + 0.5j, 0j, 5j]
print(sum(zs), sum(zs, 1j))
print(sorted(zs, key=abs))
print(sorted(zs, key=lambda z: (z.real, z.imag)))
print(max(zs, key=abs), min(zs, key=lambda z: z.imag))
print([z.conjugate() for z in zs])
print({z: abs(z) for z in zs if z})
try:
    sorted(zs)
except TypeError as e:
    print("TypeError:", e)
print(list(map(complex, [1, 2.5, "3j"])))
