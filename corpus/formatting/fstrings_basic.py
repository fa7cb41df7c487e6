# f-strings: expressions, conversions, format specs, nesting.
name = "World"
n = 42
f = 3.14159
items = [1, 2, 3]
print(f"Hello, {name}!")
print(f"{n} {n * 2} {n:5d} {n:<5}| {n:^7}| {n:x} {n:#b} {n:08.3f}")
print(f"{f:.2f} {f:10.3e} {f:g} {f!r} {f!s}")
print(f"{name!r} {name!a} {'é'!a} {name.upper()} {name[::-1]}")
print(f"{items} {items[1]} {len(items)} {sum(items) / len(items):.1f}")
width, prec = 10, 2
print(f"[{f:{width}.{prec}f}] [{name:>{width}}] [{name:{'*'}^{width}}]")
print(f"{'nested ' + f'{n}'}")
print(f"{{braces}} {{{n}}}")
d = {"key": "value"}
print(f"{d['key']} {d!r}")
print(f"{n if n > 40 else 0} {(lambda x: x * 2)(n)} {[i * i for i in range(4)]}")
x = 10
print(f"{x=} {x = } {x*2=} {name=!s} {f=:.1f}")
print(f"{3+4j} {True} {None} {b'bytes'}")
print(f"multi"
      f"{n}"
      "plain{n}")
print(f"{n:{'>'}{5}}", f"{'a' 'b'}", F"{n!r:>4}")
