# An exception stored in a local of the frame it was raised in forms a cycle via its traceback.
import gc
gc.disable()
gc.collect()
def keep_exception():
    try:
        raise ValueError("kept")
    except ValueError as e:
        saved = e
    return "returned"
print(keep_exception())
print("exception -> traceback -> frame -> exception:", gc.collect())
def no_cycle():
    try:
        raise ValueError("dropped")
    except ValueError:
        pass
no_cycle()
print("handled normally:", gc.collect())
def nested_frames():
    def inner():
        raise KeyError("deep")
    try:
        inner()
    except KeyError as e:
        err = e
nested_frames()
print("two frames in the traceback:", gc.collect())
gc.enable()
