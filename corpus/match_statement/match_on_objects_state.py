# A small state machine driven by match on (state, event) tuples.
def step(state, event):
    match (state, event):
        case ("idle", "start"):
            return "running"
        case ("running", "pause"):
            return "paused"
        case ("paused", "resume"):
            return "running"
        case ("running" | "paused", "stop"):
            return "idle"
        case (s, ("tick" | "noop")):
            return s
        case (s, e):
            print("  invalid event %r in state %r" % (e, s))
            return s
state = "idle"
for ev in ["start", "tick", "pause", "start", "resume", "stop", "pause", "start", "stop"]:
    state = step(state, ev)
    print(ev, "->", state)
