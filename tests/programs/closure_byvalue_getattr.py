# __closure__ reached through getattr with a computed name: the rule of docs/language.md sees
# the getattr call whose attribute is not a literal, and the unit keeps its cells.


def make(x):
    return lambda: x


def attribute(*parts):
    return "".join(parts)


f = make("first")
closure = getattr(f, attribute("__clo", "sure__"))
cell = closure[0]
print(type(cell).__name__, getattr(cell, attribute("cell_", "contents")))
setattr(cell, attribute("cell_", "contents"), "second")
print(f())
g = make(1)
h = make(1)
print(getattr(g, attribute("__clo", "sure__"))[0] is getattr(h, attribute("__clo", "sure__"))[0])
print(getattr(f, "__name__"), getattr(f, "__qualname__"))
