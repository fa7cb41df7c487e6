# Number formatting helpers written with format specs (no locale).
def human(n):
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PiB"
for n in (0, 1, 1023, 1024, 123456, 10 ** 9, 2 ** 50, -5000):
    print(n, human(n))
def sci(x):
    return f"{x:.3e}", f"{x:.3g}", f"{x:,.2f}"
for x in (0.000123456, 1.0, 98765.4321, 6.02214076e23):
    print(sci(x))
print(f"{0.1:.20f}", f"{1/3:.30f}", f"{2**0.5:.17g}", f"{1e-300:.3e}")
print(f"{123456789:,d}", f"{-123456789:_d}", f"{0xDEADBEEF:_X}", f"{-0.0:+.1f}", f"{-0.0:z.1f}")
