s = 'a', "b", '''c''', """d""", 'it''s', "q'q", 'q"q', 'both\'"'
e = '\n\t\r\\\'\"\a\b\f\v\0\x41\u00e9\U0001F600\101\7', r'\n\d', R"raw\"", u'uni', U'uni'
t = 'tab\there' 'con' "cat" '''multi
line''' 'é€😀'
x = None, True, False, ...
