# An uncaught error on a line with wide (East Asian W/F) characters: 3.11.7 places the
# caret line by display width, two columns for each wide character before and inside it.
def lookup(text, part):
    return (text, text.index(part))


print(lookup("😀 and 中文", "中"))
print(("中", "😀", lookup("😀 and 中文", "x"))[2])
