# split/rsplit (maxsplit, whitespace runs vs explicit separator), strip family, replace, case.
s = "  a  b\tc\n d  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.split(" ", 2))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), "".split(), "".split(","), "   ".split())
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "abc".split("abc"), "x".split("x", 0))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
print(repr("  xx  ".strip()), repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")))
print(repr("  hi  ".lstrip()), repr("  hi  ".rstrip()), repr("www.ex.com".lstrip("w.")))
print(repr("\t\n hi \r\x0b\x0c".strip()), repr("hi".strip("")), repr("aaa".strip("a")))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".replace("", "-"))
print("banana".replace("an", ""), "aaaa".replace("aa", "b"), "abc".replace("x", "y", -1))
print("hello world".upper(), "HeLLo".lower(), "hello world".title(), "they're bill's".title())
print("hELLO wORLD".swapcase(), "hello WORLD".capitalize(), "ß".upper(), "ǅ".lower(), "123abc".title())
print("line1\nline2\r\nline3\n".splitlines(), "x\n\ny".splitlines(True), "".splitlines())
print("a\tb\tc".expandtabs(4), repr("ab\tc".expandtabs()), "x".join("abc"), "".join([]))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kv".partition("="), "kv".rpartition("="))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
