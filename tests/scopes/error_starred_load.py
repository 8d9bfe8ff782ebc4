def f(seq):
    x = *seq
