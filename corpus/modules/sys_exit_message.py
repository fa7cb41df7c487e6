# sys.exit("message") prints the message to stderr and exits with status 1.
# expect-exit: 1
import sys
print("doing work")
sys.exit("fatal: stopping here")
