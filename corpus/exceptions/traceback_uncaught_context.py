# An exception raised while handling another: "During handling ... another exception occurred".
# expect-exit: 1
def cleanup():
    raise RuntimeError("cleanup failed")
try:
    [][0]
except IndexError:
    print("handling IndexError")
    cleanup()
