# Complex numbers formatted with no presentation type: like str(), so a pure imaginary
# (positive-zero real part) has no parentheses, and any other value has them; in
# f-strings, format() and str.format, with widths, alignment, signs and precisions.
values = [2.5j, -2.5j, 0j, -0j, 1 + 2.5j, -1.5 - 2j, complex(-0.0, 3.0), complex(0.0, -0.0),
          1e20j, 1e-7 + 1j, complex(1.5, float("inf")), complex(float("nan"), 2)]
for v in values:
    print(repr(f"{v}"), repr(f"q{v}"), repr(format(v, "")), repr(str(v)))
for spec in [">12", "<12", "^14", "+", " ", ".3", "+.2", "12.1", "e", ".2f", "g", "*>16"]:
    print(spec, [format(v, spec) for v in values[:6]])
print("{0} {0:>10} {0:.1}".format(3j), "{} {}".format(1j, 1 + 1j))
