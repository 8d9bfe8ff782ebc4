print("start")
x = 1
foo bar
