# eval(), exec() and compile() with explicit namespaces.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[a, b]", {"a": 1}, {"b": 2}))
ns = {}
exec("y = 5\ndef f(z):\n    return y + z\n", ns)
print(ns["y"], ns["f"](10), sorted(k for k in ns if k != "__builtins__"))
code = compile("result = sum(range(n))", "<string>", "exec")
env = {"n": 5}
exec(code, env)
print(env["result"], type(code).__name__, code.co_filename)
expr = compile("q ** 2", "<expr>", "eval")
print(eval(expr, {"q": 12}), eval("42"), eval(b"6 * 7"))
for src, mode in (("1 +", "eval"), ("x = ", "exec"), ("return 5", "exec")):
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
try:
    eval("undefined_thing", {})
except NameError as e:
    print("NameError:", e)
print(exec("pass"), eval("  7  "), eval("(lambda: 9)()"))
