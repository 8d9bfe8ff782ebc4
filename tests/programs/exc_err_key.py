# Uncaught: KeyError from a dict in a closure.
def make_lookup(table):
    def lookup(k):
        return table[k]
    return lookup


get = make_lookup({"a": 1})
print(get("a"))
get("zzz")
