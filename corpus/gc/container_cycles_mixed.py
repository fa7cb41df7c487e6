# A larger mixed graph of instances, lists, dicts and sets.
import gc
gc.disable()
gc.collect()
class Person:
    def __init__(self, name):
        self.name = name
        self.friends = []
        self.info = {"owner": self}
people = [Person("p%d" % i) for i in range(10)]
for i, p in enumerate(people):
    p.friends.append(people[(i + 3) % 10])
    p.friends.append(people[(i + 7) % 10])
registry = {"all": people, "first": people[0]}
people[0].registry = registry
del people, p, registry
print("mixed graph:", gc.collect())
groups = [set() for _ in range(5)]
class Member:
    def __init__(self, g):
        self.group = g
for g in groups:
    g.add(Member(g))
del groups, g
print("set <-> member:", gc.collect())
gc.enable()
