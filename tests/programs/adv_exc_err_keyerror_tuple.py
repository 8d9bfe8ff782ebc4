# Uncaught: a KeyError whose key is a tuple (stderr shows the repr of the key).
def lookup(table):
    def get(*key):
        return table[key]
    return get

get = lookup({(1, 2): "found", ("a",): "single"})
print(get(1, 2))
print(get("a"))
print(get.__closure__[0].cell_contents)
print(get(2, 1))
