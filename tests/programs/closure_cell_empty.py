# A cell whose variable has not been bound yet is empty; reading it raises ValueError.
def outer():
    def inner():
        return later
    early = inner.__closure__[0]
    try:
        early.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = "now bound"
    print(early.cell_contents, inner())
    del later
    try:
        print(early.cell_contents)
    except ValueError as e:
        print("after del:", e)
    early.cell_contents = "set from outside"
    print(inner())
    return inner


f = outer()
print(f())
cell = f.__closure__[0]
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print(e)
