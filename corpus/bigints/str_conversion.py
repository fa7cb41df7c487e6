# int <-> str conversion in many bases for big values.
v = 2 ** 256 - 189
print(v)
print(hex(v))
print(oct(v))
print(bin(v)[:40])
for base in (2, 3, 7, 16, 36):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s, x = "", v
    while x:
        x, r = divmod(x, base)
        s = digits[r] + s
    print(base, s[:30], int(s, base) == v)
print(int("1" * 100), int("-" + "9" * 50))
print(int("  12_345_678_901_234_567_890  "), int("0x" + "f" * 40, 16), int("0b" + "1" * 70, 0))
print(str(-10 ** 60), repr(10 ** 40), format(10 ** 30, ","), format(2 ** 70, "_x"))
print(format(3 ** 50, ">60"), format(-7 ** 30, "+040"))
print(len(str(7 ** 1000)))
