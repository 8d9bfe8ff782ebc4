# String operations: concatenation, repetition, membership, comparison, iteration, escapes.
a = "foo"
b = "bar"
print(a + b, a * 2, 2 * b, a + "" == a, "" * 5 == "")
print("o" in a, "oo" in a, "ob" in a + b, a < b, a == "foo")
for ch in "héllo":
    print(ch, ord(ch), end="; ")
print()
print("line1\nline2", "tab\tchar", "back\\slash", "quote\"", 'single\'')
print(len("\n"), len("\\n"), len(r"\n"), r"raw\t" == "raw\\t")
print("abc"[1], "abc"[-1], "abc"[0:2], "".join(["x", "y"]))
s = ""
for i in range(5):
    s += str(i)
print(s, s[::-1], int(s) + 1)
print("a" "b" "c", "multi"
      "line")
print("""triple
quoted""", '''also
triple''')
print("{}-{}".format(a, b), "%s-%s" % (a, b), f"{a}-{b}", "-".join([a, b]))
print(str.upper("x"), "x".upper(), "CaSe".casefold(), "é".upper())
print("é" == "\u00e9", "\x41", "\101", "\u03b1")
