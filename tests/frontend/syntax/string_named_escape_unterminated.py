x = "\N{bullet"
