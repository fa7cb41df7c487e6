# sys.exit(None) exits with status 0 even mid-program.
# expect-exit: 0
import sys
print("before exit")
try:
    sys.exit(7)
except SystemExit as e:
    print("caught code", e.code, e.args)
sys.stdout.flush()
sys.exit()
print("unreachable")
