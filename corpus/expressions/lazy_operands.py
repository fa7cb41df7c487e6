# Operands that raise are never evaluated when short-circuited.
def fail():
    raise AssertionError("evaluated")

print(False and fail())
print(True or fail())
print(None if True else fail())
x = []
print(x and x[0])
print(len(x) > 0 and x[0] > 1)
y = {"a": 1}
print("b" in y and y["b"])
print(1 > 2 < fail() if False else "skipped")
print(0 < 1 > 2 < fail())
result = []
for v in [0, 5, None, 7]:
    result.append(v is not None and v > 3)
print(result)
print(all(fail() for _ in []), any(fail() for _ in ()))
print(all(v for v in [1, 0, fail]))
print(any(v for v in [0, 2, fail]))
