# Compile-time error: a name used before its global declaration. Nothing runs, not even the
# first print, because the whole module fails to compile.
print("never printed")
counter = 0

def bump():
    print(counter)
    global counter
    counter += 1

bump()
