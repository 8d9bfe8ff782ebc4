# \N{...} named escapes in string literals, in f-strings and in repr output.
bullet = "\N{BULLET}"
print(bullet, repr(bullet), len(bullet), ord(bullet))
print("\N{LATIN SMALL LETTER E WITH ACUTE}" == "é", "\N{GREEK SMALL LETTER ALPHA}\N{GREEK SMALL LETTER BETA}")
print(f"\N{EM DASH} {bullet} \N{EM DASH}", ascii("\N{SNOWMAN}"))
print("\N{DIGIT ONE}\N{DIGIT TWO}", int("\N{DIGIT ONE}\N{DIGIT TWO}") + 1)
print("a\N{SPACE}b".split(), "\N{NO-BREAK SPACE}".isspace(), repr("\N{NO-BREAK SPACE}"))
print(r"\N{BULLET}", len(r"\N{BULLET}"))
names = {"\N{BLACK HEART SUIT}": "hearts", "\N{BLACK SPADE SUIT}": "spades"}
for symbol in sorted(names):
    print(symbol, names[symbol], hex(ord(symbol)).upper())
print("done")
