# A text-adventure command parser using match on split strings.
def run(command):
    match command.split():
        case []:
            return "say something"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "you walk " + direction
        case ["go", other]:
            return "you can't go " + other
        case ["take", item] | ["pick", "up", item]:
            return "taken: " + item
        case ["drop", *items] if items:
            return "dropped " + ", ".join(items)
        case ["drop"]:
            return "drop what?"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *rest]:
            return "unknown verb %r with %d args" % (verb, len(rest))
for c in ("", "go north", "go up", "take lamp", "pick up sword", "drop a b c", "drop", "exit", "dance wildly now"):
    print(repr(c), "->", run(c))
