# A table-driven state machine parsing numbers from text.
def tokenize(s):
    tokens, state, buf = [], "start", ""
    for ch in s + " ":
        if state == "start":
            if ch.isdigit():
                state, buf = "int", ch
            elif ch == "-":
                state, buf = "sign", ch
        elif state == "sign":
            if ch.isdigit():
                state, buf = "int", buf + ch
            else:
                state, buf = "start", ""
        elif state == "int":
            if ch.isdigit():
                buf += ch
            elif ch == ".":
                state, buf = "frac", buf + ch
            else:
                tokens.append(int(buf))
                state, buf = "start", ""
        elif state == "frac":
            if ch.isdigit():
                buf += ch
            else:
                tokens.append(float(buf))
                state, buf = "start", ""
    return tokens
print(tokenize("a 12 b -3.5 c 4. - 7x 0.25 --9"))
print(tokenize(""), tokenize("no numbers"), tokenize("1-2-3"))
