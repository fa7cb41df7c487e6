# hex(), oct(), bin() for ints of all sizes and __index__ objects.
for v in (0, 1, -1, 10, 255, -255, 2 ** 64, -(2 ** 100) + 1):
    print(v, hex(v), oct(v), bin(v))
class I:
    def __index__(self):
        return 42
print(hex(I()), oct(I()), bin(I()), hex(True))
for bad in (1.5, "10", None):
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError:", e)
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2), format(255, "#x"), (255).hex() if hasattr(int, "hex") else "no int.hex")
print(float.hex(1.0), (0.1).hex())
