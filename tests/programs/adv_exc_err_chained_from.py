# Uncaught: the last stderr line shows only the final exception of an explicit chain.
def load(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError as e:
        raise LookupError("no entry for " + repr(key)) from e

print(load("a"))
load("zz")
