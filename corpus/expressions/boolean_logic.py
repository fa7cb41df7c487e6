# and/or/not return operands, short-circuit evaluation.
def t(name, value):
    print("eval", name)
    return value

print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "x", "y" and "", None or [] or 0)
print(not 1, not 0, not "", not [0])
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 0))
print(t("a", 1) or t("b", 0))
print(t("a", 0) or t("b", 0) or t("c", 5))
print(t("a", 1) and t("b", 2) and t("c", 3))
r = [] or {} or () or "default"
print(r)
x = 5
print(x > 1 and x < 10, x > 1 and x > 10)
print(0 < x and "in" or "out")
values = [0, 1, "", "s", None, [], [1], {}, 0.0, 0j, 1e-300]
print([bool(v) for v in values])
print(any(values), all(values))
print(True + True, True * 5, False - 1)
print(True is (not False), (not None) is True)
print((1 < 2) == True, (1 < 2) is True)
