# Compile-time error: a parameter declared global.
print("never printed")
level = 0

def configure(level):
    global level
    level = 3

configure(1)
print(level)
