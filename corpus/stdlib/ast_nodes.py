# The ast module over refvm's _ast: node construction, fields, match, dump/unparse, inspect.
import ast, inspect
n = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2))
print(ast.dump(n))
print(n._fields, ast.BinOp.__match_args__, ast.expr._attributes)
match n:
    case ast.BinOp(ast.Constant(a), ast.Add(), ast.Constant(b)):
        print("matched", a, b)
try:
    ast.Constant(1, 2, 3)
except TypeError as e:
    print(e)
print(ast.Constant(5).kind, isinstance(ast.Name("x"), ast.expr), ast.Load.__mro__)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
m = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("hi")], []))], type_ignores=[])
print(ast.unparse(m))
print(ast.Name("q").__reduce__()[1:], ast.Num)
def f(a, b=2, *c, d, **e): pass
print(inspect.signature(f), inspect.isfunction(f), inspect.getmodulename("x/y.py"))
print(ast.Constant.__doc__, ast.AST.__module__)
try:
    ast.Name("x").lineno
except AttributeError as e:
    print(e)
