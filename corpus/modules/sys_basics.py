# Deterministic parts of the sys module.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), type(sys.version_info).__name__)
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1 == -(-sys.maxsize - 1), type(sys.maxsize).__name__)
print(len(sys.argv), sys.argv[0].endswith("sys_basics.py"), type(sys.argv).__name__)
print(sys.byteorder, sys.getdefaultencoding(), sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit, sys.hash_info.modulus, sys.hash_info.width, sys.hash_info.inf, sys.hash_info.nan)
print(sys.maxunicode, sys.getrecursionlimit())
print(sys.flags.optimize, sys.float_repr_style, sys.get_int_max_str_digits())
print(callable(sys.exit), callable(sys.getrefcount), "sys" in sys.modules, sys.modules["sys"] is sys)
print(sys.stdout.write("direct write\n"))
sys.stdout.flush()
print(type(sys.path).__name__, isinstance(sys.path[0], str))
print(sys.intern("abc") == "abc", sys.is_finalizing())
