# Default argument values: evaluation time, mutable default pitfall, None idiom.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
counter = 10
def snapshot(x=counter):
    return x
counter = 20
print(snapshot(), snapshot(5))
def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_bad(1), append_bad(2), append_bad(3, []))
def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(append_good(1), append_good(2))
print(greet.__defaults__, append_bad.__defaults__, snapshot.__defaults__)
def kwdef(*, a=1, b):
    return a, b
print(kwdef(b=2), kwdef.__kwdefaults__)
greet.__defaults__ = ("Howdy", ".")
print(greet("Ed"))
