x = [i for i  range(3)]
