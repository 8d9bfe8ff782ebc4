# Compile-time error: a parameter declared global.
def configure(level):
    global level
    level = 3

print("never printed")
