# startswith/endswith with tuples and ranges, find/rfind/index/count, zfill, center/ljust/rjust.
s = "hello world"
print(s.startswith(("he", "x")), s.startswith(("x", "y")), s.endswith(("ld", "d")), s.endswith(()))
print(s.startswith("world", 6), s.startswith("hello", 1), s.endswith("lo", 0, 5), s.startswith(""))
print(s.find("o"), s.rfind("o"), s.find("o", 5), s.find("o", 5, 7), s.find("z"), s.find(""))
print(s.rfind(""), s.index("w"), s.rindex("l"), s.find("l", -3), s.rfind("l", 0, -8))
try:
    s.rindex("z")
except ValueError as e:
    print(type(e).__name__, e)
print("aaaa".count("aa"), "aaaa".count("a", 1), "abc".count(""), "".count(""), s.count("o", 5))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3), "-".zfill(3))
print(repr("ab".center(5, "*")), repr("ab".center(6, "*")), repr("abc".center(6)), repr("a".center(4, "-")))
print(repr("ab".ljust(5, ".")), repr("ab".rjust(5, ".")), repr("abcdef".ljust(3)), repr("x".rjust(0)))
try:
    "ab".center(5, "**")
except TypeError as e:
    print(type(e).__name__, e)
print("abc".isalpha(), "ab1".isalnum(), "123".isdigit(), "  ".isspace(), "".isspace())
print("Hello World".istitle(), "HELLO".isupper(), "hello1".islower(), "a_b".isidentifier())
print("x" * 3, 3 * "ab", "ab" * 0, "ab" * -1, "b" in "abc", "" in "abc", "ac" in "abc")
print(ord("A"), chr(97), ord("é"), chr(0x263A), "abc" < "abd", "Z" < "a", "abc" < "ab")
print(min("hello"), max("hello"), sorted("hello"), list(reversed("abc")), len("héllo"))
print("%s|%5s|%-5s|%.2s" % ("x", "ab", "ab", "abcdef"), "a b".split(" ") == ["a", "b"])
