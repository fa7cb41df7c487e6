# The exception hierarchy as seen through __mro__ and issubclass.
classes = [BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception, StopIteration,
           StopAsyncIteration, ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError,
           AssertionError, AttributeError, BufferError, EOFError, ImportError, ModuleNotFoundError,
           LookupError, IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError,
           FileNotFoundError, ReferenceError, RuntimeError, NotImplementedError, RecursionError, SyntaxError,
           IndentationError, TabError, SystemError, TypeError, ValueError, UnicodeError, UnicodeDecodeError,
           UnicodeEncodeError, UnicodeTranslateError, Warning, DeprecationWarning, UserWarning,
           ExceptionGroup, BaseExceptionGroup]
for cls in classes:
    print(cls.__name__, "->", " > ".join(c.__name__ for c in cls.__mro__[1:]))
print(EnvironmentError is OSError, IOError is OSError)
