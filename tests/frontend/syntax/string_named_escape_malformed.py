x = "\N BULLET"
