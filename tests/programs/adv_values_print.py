# print(): sep/end/file/flush keywords, None values, no arguments, non-string objects.
import sys
print()
print("a", "b", sep="")
print("a", "b", sep=None)
print("a", "b", end=None)
print("x", end="")
print("y", end="\n")
print(*[1, 2, 3], sep=", ", end=".\n")
print(*[], sep="never shown")
print("flushed", flush=True)
print("to stdout", file=sys.stdout)
print("to None file", file=None)
print(1, 2.5, None, True, [1, "a"], {"k": (1,)}, sep=" | ")
print("multi\nline", "tab\tsep", sep="\n")
print("", "", sep="-")
print("end with no newline ", end="")
print()
print("%s" % "a", "b", sep="%")
print(print)
result = print("print returns None")
print(result)
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", file=5)
except AttributeError as e:
    print(type(e).__name__, e)
