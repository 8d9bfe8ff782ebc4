i = ((1, 2), [3, [4, (5,)]])
j = [lambda: i for i in range(3)]
