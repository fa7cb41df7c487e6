# map/filter/sorted/min/max with function arguments of various kinds.
class P:
    def __init__(self, n, a):
        self.n, self.a = n, a
    def __repr__(self):
        return self.n
    def age(self):
        return self.a
people = [P("x", 30), P("y", 20), P("z", 25)]
print(sorted(people, key=P.age), max(people, key=lambda p: p.a), min(people, key=P.age))
print(list(map(P.age, people)), list(filter(lambda p: p.a > 22, people)))
print(list(map(pow, [2, 3], [3, 2])), list(map(divmod, [7, 9], [2, 4])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(map(str.title, ["ab", "cd"])))
print(sorted("bAcD", key=str.casefold), sorted([(1, "b"), (1, "a")], key=lambda t: t[0]))
