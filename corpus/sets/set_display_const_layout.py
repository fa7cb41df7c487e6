# Set displays of constants: BUILD_SET + SET_UPDATE copy the frozenset constant's
# table slot by slot, so its layout (not just its members) decides the iteration order.
print({-11, 5, 0})
print({8, 16, 24, 32, 40, 1, 9, 17})
print({-1, -2, -3, 0, 10 ** 20, 2 ** 61, 2 ** 61 - 1})
print(list({3, 11, 19, 27, -5, 35}))
print(sorted({1, 2, 3}) == [1, 2, 3], 5 in {-11, 5, 0})
