# cell_contents: read, write (seen by every sharer), delete, and "Cell is empty".
def pair():
    shared = "initial"
    def get():
        return shared
    def put(v):
        nonlocal shared
        shared = v
    return get, put

get, put = pair()
cell = get.__closure__[0]
print(cell.cell_contents, cell is put.__closure__[0])
cell.cell_contents = "written via cell"
print(get())
put("written via nonlocal")
print(cell.cell_contents)
del cell.cell_contents
print(cell)
try:
    cell.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
try:
    get()
except NameError as e:
    print(type(e).__name__, e)
put("revived")
print(cell.cell_contents, get())
cell.cell_contents = [1]
cell.cell_contents.append(2)
print(get())

def early():
    def inner():
        return late
    c = inner.__closure__[0]
    try:
        print(c.cell_contents)
    except ValueError as e:
        print("before assignment:", type(e).__name__, e)
    late = "assigned"
    return c.cell_contents

print(early())
try:
    del cell.cell_contents
    del cell.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
