# Triple-quoted strings, continuation and dedent-by-hand.
text = """\
First line
    indented line
Last line with 'quotes' and "doubles"
"""
print(text)
print(repr(text))
lines = text.splitlines()
print(len(lines), [len(l) for l in lines])
poem = '''Roses are red,
  violets are blue.'''
print(poem.count("\n"), poem.split("\n")[1].strip())
def dedent(s):
    ls = s.split("\n")
    ind = min(len(l) - len(l.lstrip()) for l in ls if l.strip())
    return "\n".join(l[ind:] for l in ls)
print(dedent("""
        def f():
            return 1
        """))
long = ("implicit "
        "concatenation "
        'mixes ' """quote styles""")
print(long)
