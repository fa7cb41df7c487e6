# complex(): real/imag arguments, strings, objects, errors.
print(complex(), complex(1), complex(1, 2), complex(1.5, -2.5), complex("3+4j"), complex("-j"), complex("1e3"), complex(real=1, imag=3))
print(complex(1j, 1j), complex(1 + 1j, 2), complex(True), complex("  (1-1j)  "))
class C:
    def __complex__(self):
        return 2 + 2j
print(complex(C()))
for bad in (("1+2i",), ("",), ("1", 1), ({},), ("j1",)):
    try:
        complex(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
