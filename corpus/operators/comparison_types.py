# Comparisons between mixed types: allowed equality, TypeError for ordering.
print(1 == 1.0, 1 == "1", None == 0, [] == (), [1] == [1.0], (1, 2) == (1.0, 2.0))
print(1 != "1", {} != [], 0 == False, 2 == True)
print("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "" < "a")
print([1, 2] < [1, 2, 0], [2] > [1, 99], (1, "a") < (1, "b"), [[1]] < [[2]])
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 4} < {1, 2, 3}, frozenset({1}) == {1})
print(float("inf") > 10**400, -float("inf") < -10**400, 10**400 > 1e308)
cases = [(1, "a"), ("a", 1), ([], ()), (None, None), ({}, {}), (1j, 2j), ([1], [None])]
for a, b in cases:
    try:
        print(repr(a), "<", repr(b), a < b)
    except TypeError as e:
        print("TypeError", e)
try:
    [1, "x"] < [1, 2]
except TypeError as e:
    print("TypeError", e)
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError", e)
print(max("apple", "banana"), min([3, 1], [2, 9]))
