# Uncaught: UnboundLocalError inside a closure that assigns a name it also reads.
def outer():
    level = 1

    def inner():
        level = level + 1
        return level

    return inner


f = outer()
print("made closure")
f()
