# Evaluating a tuple-encoded expression tree with match.
def ev(e, env):
    match e:
        case int() | float():
            return e
        case str(name):
            return env[name]
        case ("neg", x):
            return -ev(x, env)
        case ("+", a, b):
            return ev(a, env) + ev(b, env)
        case ("*", a, b):
            return ev(a, env) * ev(b, env)
        case ("let", str(name), value, body):
            return ev(body, {**env, name: ev(value, env)})
        case ("if", cond, then, other):
            return ev(then, env) if ev(cond, env) else ev(other, env)
        case (op, *args):
            raise ValueError("bad op %r with %d args" % (op, len(args)))
    raise TypeError("bad expr %r" % (e,))
prog = ("let", "x", ("+", 2, 3), ("*", "x", ("if", "flag", ("neg", "x"), 10)))
print(ev(prog, {"flag": 1}), ev(prog, {"flag": 0}))
for bad in (("pow", 2, 3), [1.5j]):
    try:
        ev(bad, {})
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)
