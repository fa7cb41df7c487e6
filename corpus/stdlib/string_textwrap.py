# stdlib: string constants and Template, textwrap.
import string
import textwrap
print(string.ascii_lowercase, string.digits, string.hexdigits, string.punctuation)
t = string.Template("$who likes ${what}!")
print(t.substitute(who="Tim", what="kung pao"), t.safe_substitute(who="Tim"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
print(string.capwords("hello   big world"))
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, 40))
print(textwrap.dedent("""
    indented
      more
    back
"""))
print(textwrap.shorten("Hello  world, this is long", width=15), textwrap.indent("a\nb", "> "))
