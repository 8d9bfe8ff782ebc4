# global statements in nested functions write module variables, skipping enclosing scopes.
count = 0
name = "module"


def outer():
    name = "outer local"

    def inner():
        global count, name
        count += 1
        name = "set by inner"
        return count

    inner()
    inner()
    return name


print(outer(), count, name)


def creates_global():
    global fresh
    fresh = "created inside a function"


creates_global()
print(fresh)


def reads_global():
    return count * 10


count = 7
print(reads_global())


def outer2():
    count = "shadow"
    def inner():
        global count
        return count
    return inner(), count


print(outer2())
