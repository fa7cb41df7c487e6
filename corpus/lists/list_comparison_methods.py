# Using list methods through the class (unbound) and operator dunders.
a = [3, 1, 2]
list.append(a, 4)
list.sort(a)
print(a, list.__len__(a), list.__getitem__(a, -1), list.__contains__(a, 2))
print(list.__add__(a, [5]), list.__mul__(a, 2), list.__eq__(a, [1, 2, 3, 4]), list.__lt__(a, [9]))
list.__setitem__(a, 0, "x")
list.__delitem__(a, 1)
print(a, list.__iadd__(a, (7, 8)), a)
try:
    list.__add__(a, (1,))
except TypeError as e:
    print("TypeError:", e)
print(list.__eq__(a, (1,)))
print(a.__reversed__().__next__(), a.__iter__().__next__(), a.__len__())
print(list.__imul__(a, 0), a)
