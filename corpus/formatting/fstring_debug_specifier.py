# The f-string = specifier keeps the expression text and uses repr by default.
a = 5
s = "text"
lst = [1, 2]
print(f"{a=}")
print(f"{a = }")
print(f"{a=:>4}")
print(f"{a=!s}")
print(f"{s=}")
print(f"{s=!s}")
print(f"{s = :*^10}")
print(f"{lst[0] + lst[1]=}")
print(f"{len(s)=}, {s.upper()=}")
print(f"{3.5 * 2=:.2f}")
print(f"{a>3=}")
print(f"{'é'=!a}")
print(f"{ a =}")
print(f"{(lambda: 1)()=}")
