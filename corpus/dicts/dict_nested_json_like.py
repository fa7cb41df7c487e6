# Walking nested dict/list structures and serialising by hand.
data = {"name": "widget", "tags": ["a", "b"], "dims": {"w": 3, "h": 4.5}, "ok": True, "none": None,
        "nested": [{"k": [1, 2, {"deep": "x"}]}]}
def dump(obj, indent=0):
    pad = "  " * indent
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [pad + "  " + '"%s": %s' % (k, dump(v, indent + 1)) for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        return "[" + ", ".join(dump(v, indent) for v in obj) + "]"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if obj is None:
        return "null"
    if isinstance(obj, str):
        return '"' + obj + '"'
    return repr(obj)
print(dump(data))
def paths(obj, prefix=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from paths(v, prefix + "/" + k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from paths(v, prefix + "[%d]" % i)
    else:
        yield prefix, obj
for p, v in paths(data):
    print(p, "=", v)
