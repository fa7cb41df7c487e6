# Float formatting past Rust's formatter limits (precision above 65535) and zero padding
# that takes part in digit grouping.
for spec in (".70000f", ".70000e", ".70000%", ".70000g", ".70000", "#.70000g", "#.900e"):
    for x in (1.5, 5e-324, 1.7976931348623157e308, 0.0, 1 / 3):
        s = format(x, spec)
        print(spec, len(s), s[:24], s[-10:], s.count("0"))
print("{:.100000%}".format(1.7976931348623157e308), format(1e308, "%"))
print(f"{123.456:08,}", f"{1234.5:012,}", f"{12345:08,}", f"{1.5:010_}", f"{-1234.5:012,}")
print(f"{float('inf'):010,}", f"{-0.5:+012,.3f}", f"{1e6:015,.2e}", f"{12.5:=+09,}")
print(f"{1234.5:x>12,}", f"{1234.5:012_.1f}", f"{123456.789:0=16,.2f}")
print(format(1234.5, "012,g"), format(-1.0, "011,"), format(123456, "0=16,"))
print(format(123456, "0>16,"), format(1234.5, "0>12,"), format(-5, "0=8,"))
