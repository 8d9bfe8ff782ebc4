c = a | b ^ c & d << 1 >> 2
d = a < b <= c > d >= e == f != g
