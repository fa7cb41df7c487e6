# Strings are immutable: methods return new objects; interning of identifiers.
s = "hello"
t = s.upper()
print(s, t, s is not t)
u = s.replace("z", "y")
print(u == s)
try:
    s.append("x")
except AttributeError as e:
    print("AttributeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
try:
    s.foo = 1
except AttributeError as e:
    print("AttributeError:", e)
a = "".join(["ab", "c"])
b = "abc"
print(a == b, hash(a) == hash(b))
print(str(s) is s, s[:] is s, s + "" == s)
import sys
print(sys.intern("dyn" + "amic") is sys.intern("dynamic"))
