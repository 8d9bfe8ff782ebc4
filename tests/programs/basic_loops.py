# while/for with else, break and continue.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("while", n)
else:
    print("while finished normally")
while True:
    n -= 1
    if n < 3:
        break
else:
    print("not printed")
print("n after break", n)
for i in range(3):
    pass
else:
    print("for else, i =", i)
for target in [4, 11]:
    for d in range(2, target):
        if target % d == 0:
            print(target, "has divisor", d)
            break
    else:
        print(target, "is prime")
for row in range(3):
    line = ""
    for col in range(4):
        if col == row:
            continue
        line += str(col)
    print(row, line)
count = 0
for _ in []:
    count += 1
else:
    print("empty loop else", count)
total = 0
i = 10
while i:
    total += i
    i -= 1
print(total)
