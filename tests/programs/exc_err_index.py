# Uncaught: IndexError from a list read through a closure.
def make_reader(items):
    def read(i):
        return items[i]
    return read


items = [10, 20, 30]
read = make_reader(items)
print(read(0), read(-1), read(2))
items.pop()
print("popped, length now", len(items))
print(read(2))
