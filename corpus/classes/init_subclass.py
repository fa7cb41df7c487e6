# __init_subclass__ hooks with keyword arguments and plugin registration.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        print("registered", key)
class Alpha(Plugin):
    pass
class Beta(Plugin, name="the-beta"):
    pass
class Gamma(Alpha):
    pass
print(sorted(Plugin.registry), Plugin.registry["gamma"].__mro__[1].__name__)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Validated:
    def __init_subclass__(cls):
        if not hasattr(cls, "required"):
            raise TypeError(cls.__name__ + " lacks 'required'")
class Good(Validated):
    required = True
try:
    class Missing(Validated):
        pass
except TypeError as e:
    print("TypeError:", e)
print(Good.required)
