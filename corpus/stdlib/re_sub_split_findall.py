# re: sub/subn with templates and callables, split, findall, finditer, empty matches.
import re

print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "joe@x.com, ann@y.com"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"), re.sub(r"(\w)", r"\g<1>\g<0>", "ab"))
print(re.sub(r"x", r"\n", "axb") == "a\nb", re.sub("x", "\\\\", "axb"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.sub(r"\d", lambda m: None if m.group() == "2" else "#", "1234") if False else "skip")
print(re.sub("a", "b", "aaaa", count=2), re.subn("a", "b", "aaaa"), re.subn("z", "b", "aaaa"))
print(re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"), re.sub("a*", "-", "baac"))
print(re.subn(r"\b", "|", "hi there"), re.sub("(a)|b", r"[\1]", "ab"))
print(re.sub("^", ">", "l1\nl2", flags=re.M), re.sub("$", "<", "l1\nl2\n", flags=re.M))
for bad in [r"\9", r"\g<x>", r"\g<1", "\\"]:
    try:
        re.sub("(a)", bad, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub("a", lambda m: 5, "aa")
except TypeError as e:
    print("TypeError", e)

print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", maxsplit=1))
print(re.split("[a-f]+", "0a3B9", flags=re.I), re.split(r"(a)|(b)", "xaybz"))
print(re.split(r"\b", "a b"), re.split("x*", "axbc"), re.split("", "ab"), re.split("c", ""))
print(re.split(r"(?=b)", "abab"), re.split("a", "aaa", -1), re.split("a", "bab", 0))

print(re.findall(r"\bf[a-z]*", "which foot or hand fell fastest"))
print(re.findall(r"(\w+)=(\d+)", "set width=20 and height=10"), re.findall(r"(a)|b", "ab"))
print(re.findall(r"a*", "baac"), re.findall("", "ab"), re.findall(r"\d+", "12 x 3", 2))
print(re.findall(r"(\d)?x", "x1x"), re.findall(r"(?:ab)+", "abab ab"))
print([m.span() for m in re.finditer(r"\w+", "ab cd ef")])
print([(m.start(), m.group()) for m in re.finditer("a*", "baac")])
it = re.finditer("x", "xx")
print(type(it).__name__, next(it).span(), next(it).span(), next(it, "done"))
sc = re.compile(r"\d").scanner("1a2")
print(sc.match().group(), sc.match(), sc.match(), sc.pattern.pattern)
sc = re.compile(r"\d").scanner("1a2")
print(sc.search().span(), sc.search().span(), sc.search())

text = "He was carefully disguised but captured quickly by police."
for m in re.finditer(r"\w+ly\b", text):
    print("%02d-%02d: %s" % (m.start(), m.end(), m.group(0)))
words = " ".join(["w%d" % i for i in range(200)])
print(len(re.findall(r"w\d+", words)), re.sub(r"\d", "", words)[:30])
scanner = re.Scanner([(r"[0-9]+", lambda s, t: int(t)), (r"[a-z]+", lambda s, t: t.upper()), (r"\s+", None)])
print(scanner.scan("12 ab 3 cd !"))
print([m.groups() for m in re.finditer(r"(a*)", "baa")], [m.span(1) for m in re.finditer(r"(b)?a", "aba")])
