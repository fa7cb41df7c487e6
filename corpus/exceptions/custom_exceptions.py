# User-defined exception hierarchies with extra attributes and __str__.
class AppError(Exception):
    """Base for app errors."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message
    def __str__(self):
        return "%s: %s" % (self.field, self.message)
class NotFound(AppError):
    pass
def validate(d):
    if "name" not in d:
        raise ValidationError("name", "required")
    if not d["name"]:
        raise NotFound("empty name")
    return "ok"
for d in ({}, {"name": ""}, {"name": "x"}):
    try:
        print(validate(d))
    except ValidationError as e:
        print("ValidationError", e, e.args, e.field, repr(e))
    except AppError as e:
        print(type(e).__name__, e, e.args)
print(issubclass(ValidationError, Exception), ValidationError.__mro__[1:3])
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(repr(WithDefault()), str(WithDefault("custom")))
class NoInitCall(Exception):
    def __init__(self, x):
        self.x = x
e = NoInitCall(5)
print(e.args, str(e), repr(e), e.x)
