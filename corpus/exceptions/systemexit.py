# SystemExit can be caught; its code; sys.exit with a message exits with status 1 at the end.
# expect-exit: 3
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("caught SystemExit", repr(e.code))
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code", e.code)
def cleanup_runs():
    try:
        sys.exit(3)
    finally:
        print("finally runs on exit")
print("exiting with 3")
cleanup_runs()
print("not reached")
