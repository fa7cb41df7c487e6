# Reusable and reentrant context managers; a depth-tracking indenter.
class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *a):
        self.level -= 1
    def say(self, text):
        print("    " * self.level + text)
ind = Indenter()
with ind:
    ind.say("one")
    with ind:
        ind.say("two")
        with ind:
            ind.say("three")
    ind.say("back to one")
ind.say("zero")
class Counter:
    uses = 0
    def __enter__(self):
        Counter.uses += 1
        return Counter.uses
    def __exit__(self, *a):
        return None
c = Counter()
for _ in range(3):
    with c as n:
        pass
print("uses", n)
