# itertools argument errors and exhaustion, deque iterator types, StringIO.newlines,
# BytesIO's own methods.
import itertools


def main():
    from collections import deque
    from io import StringIO, BytesIO

    x = itertools.chain(1, [2])
    for _ in range(2):
        try:
            print(next(x))
        except (TypeError, StopIteration) as e:
            print(type(e).__name__, e)
    for call in [lambda: itertools.product([1], repeat=None), lambda: itertools.repeat(1, None),
                 lambda: itertools.combinations([1], None), lambda: itertools.permutations([1], "x"),
                 lambda: itertools.tee([], "2")]:
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)
    print(list(itertools.repeat("a", 2)), repr(itertools.repeat(1)), list(itertools.repeat(1, -3)))

    d = deque("abcd")
    it_t, rit_t = type(iter(d)), type(reversed(d))
    print(it_t.__name__, rit_t.__name__, it_t is rit_t)
    print(list(it_t(d)), list(it_t(d, 2)), list(it_t(d, -5)), list(it_t(d, 9)), list(it_t(d, index=3)))
    print(list(rit_t(d)), list(rit_t(d, 1)), list(rit_t(d, 10)))
    for call in [lambda: it_t([1]), lambda: it_t(d, "x"), lambda: it_t()]:
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)

    for nl in [None, "", "\n"]:
        s = StringIO(newline=nl)
        print(repr(nl), s.newlines, end=" ")
        for chunk in ["a\n", "b\r\n", "c\r", "d"]:
            s.write(chunk)
            print(s.newlines, end=" ")
        print()
    s = StringIO(newline=None)
    s.write("\r")
    s.__init__("x\n", newline=None)
    print(s.newlines)
    s.close()
    try:
        s.newlines
    except ValueError as e:
        print("ValueError:", e)

    print(sorted(k for k in BytesIO.__dict__ if not k.startswith("_")))
    b = BytesIO(b"one\ntwo\nthree")
    print(b.flush(), b.isatty(), b.read1(2), b.readlines(), b.readlines())
    b.writelines([b"x", b"y"])
    print(b.getvalue())
    b.close()
    try:
        b.flush()
    except ValueError as e:
        print("ValueError:", e)


main()
