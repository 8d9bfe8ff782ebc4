x = 1; y = 2;
if x: pass
else: y = 3; z = 4
