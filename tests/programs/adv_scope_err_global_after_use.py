# Compile-time error: a name used before its global declaration.
counter = 0

def bump():
    print(counter)
    global counter
    counter += 1

bump()
