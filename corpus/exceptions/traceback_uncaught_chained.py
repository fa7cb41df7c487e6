# An uncaught chained exception prints both tracebacks.
# expect-exit: 1
class ConfigError(Exception):
    pass
def load(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ConfigError("missing setting %r" % key) from e
settings = {"a": 1}
print(load(settings, "a"))
load(settings, "b")
