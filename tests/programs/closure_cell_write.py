# Writing cell_contents is seen by every closure that shares the cell, and by the enclosing frame.
def make():
    value = "initial"

    def read():
        return value

    def read_again():
        return "again: " + value

    def enclosing_view():
        return value

    return read, read_again, enclosing_view


read, read_again, view = make()
print(read(), read_again())
read.__closure__[0].cell_contents = "written through read"
print(read(), "|", read_again(), "|", view())
read_again.__closure__[0].cell_contents = 42
print(read())


def live():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def report():
        return n
    return inc, report


inc, report = live()
inc()
inc.__closure__[0].cell_contents = 100
print(inc(), report())
print(report.__closure__[0].cell_contents)
