# re: match/search/fullmatch, groups, named groups, spans, lastindex/lastgroup, regs.
import re

m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m.group(0), m.group(1), m.group(2), m.group(1, 2))
print(m[0], m[1], m[2], m.groups(), m.span(), m.span(2), m.start(1), m.end(2))
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(m.re.pattern, m.string)

m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "  Malcolm Reynolds")
print(m.group("first"), m["last"], m.groupdict(), m.lastgroup, m.lastindex)
print(m.start("last"), m.end("first"), m.span("first"))

m = re.match(r"(a)?(b)?(c)", "c")
print(m.groups(), m.groups("-"), m.span(1), m.start(2), m.lastindex)
m = re.match(r"(?P<a>x)|(?P<b>y)", "y")
print(m.groupdict(), m.groupdict(0), m.lastgroup, m.lastindex)
m = re.match(r"((a)(b))", "ab")
print(m.lastindex, m.groups(), m.regs)
m = re.match(r"(a)(b)(c)?", "ab")
print(m.lastindex)

for bad in [3, "nope", -1, 1.5]:
    try:
        re.match(r"(a)", "a").group(bad)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

print(re.fullmatch(r"a|ab", "ab"), re.fullmatch(r"a+", "aab"))
print(re.match(r"a|ab", "ab"), re.search(r"b+", "abbbc"))
print(re.search(r"^b", "ab"), re.search(r"^b", "a\nb", re.M))
print(re.compile(r"\d+").search("ab12cd345", 5), re.compile(r"\d+").match("ab12", 2, 3))
print(re.compile(r"$").search("abc", 1, 2), re.compile("").match("abc", 5))
print(re.match(r"(?:a|b)*c", "ababc").span(), re.match(r"(a|b)*?c", "ababc").groups())
print(re.match(r"(a+)+b", "aaab").groups(), re.match(r"(a*)*", "aa").span(1))
print(re.match(r"(?:(a)|b)*", "ab").groups(), re.match(r"(?:(a)|(b))+", "ab").lastindex)
print(re.match(r"(\w+?)(\d*)$", "abc123").groups())
print(re.match(r"x{2,3}", "xxxx").span(), re.match(r"x{2,3}?", "xxxx").span(), re.match(r"x{,2}y", "xxy"))
print(re.match(r"(ab){2}", "ababab").span(), re.match(r"(ab){1,}?", "ababab").span())
print(re.match(r".*?(\d)", "ab9cd8").group(1), re.match(r".*(\d)", "ab9cd8").group(1))
m = re.match(r"(?P<k>\w+)=(?P<v>\w+)", "key=val")
print(m.expand(r"\g<v>:\g<k> [\1] \g<0>"))
print(bool(m), m is not None, len(m.groups()))
print(re.match("(a)", "a").group(True))
