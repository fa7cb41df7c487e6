# A context manager that saves and restores state (like decimal.localcontext).
class Settings:
    def __init__(self):
        self.values = {"precision": 2, "mode": "fast"}
    def override(self, **kw):
        settings = self
        class _Override:
            def __enter__(self):
                self.saved = dict(settings.values)
                settings.values.update(kw)
                return settings
            def __exit__(self, *exc):
                settings.values = self.saved
        return _Override()
s = Settings()
print(s.values)
with s.override(precision=10):
    print(s.values)
    with s.override(mode="safe"):
        print(s.values)
    print(s.values)
print(s.values)
try:
    with s.override(precision=99):
        raise ValueError
except ValueError:
    print("restored after error:", s.values)
