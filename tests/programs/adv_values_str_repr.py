# repr()/ascii() of strings: quote choice, escapes, non-printable and non-ASCII characters.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "\n\r\t", "\x00\x1f\x7f",
           "\x80\x85\xa0\xad", "é ñ ü", "\u2028\u2029", "\u200b", "\ufeff", "☺ \U0001F600",
           "\x0b\x0c", "", " ", "'", '"', "''\"\""]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(repr(["it's", "x"]), repr(("\n",)), repr({"k": "\t"}))
print(str("\n") == "\n", repr("a" * 3), "%r" % "q'", "{!r}".format("é"), f"{'tab	'!r}")
print(ascii(["é", 1]), ascii("plain"), repr(repr("x")), str(repr("x")), repr("a'b\"c"))
print(repr("\\n"), len("\\n"), repr(r"raw\n"), repr("\u2022"), "\x41\u0042\U00000043")
