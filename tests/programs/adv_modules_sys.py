# sys: version_info, maxsize, recursion limit get/set, stdout.write's return value, modules.
import sys
print(sys.version_info[:2], sys.version_info >= (3, 11), sys.maxsize == 2 ** 63 - 1)
print(sys.getrecursionlimit())
n = sys.stdout.write("written directly\n")
print(n, sys.stdout.write(""), sys.stdout.write("é\n"))
print("sys" in sys.modules, type(sys.modules).__name__)
import functools
print("functools" in sys.modules, sys.modules["functools"] is functools)
old = sys.getrecursionlimit()
sys.setrecursionlimit(120)

def depth(k):
    return depth(k + 1)

try:
    depth(0)
except RecursionError as e:
    print("limited:", e)
sys.setrecursionlimit(old)

def deep(k):
    return 0 if k == 0 else 1 + deep(k - 1)

print(deep(500), sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
print(sys.argv[0].endswith("adv_modules_sys.py"), len(sys.argv), sys.byteorder, sys.platform)
print(file=sys.stdout, end="via file=sys.stdout\n")
print("to stderr", file=sys.stderr)
print(sys.exit.__name__, sys.version_info.major, sys.version_info.minor)
