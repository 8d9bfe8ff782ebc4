z = '\d\q', '\x7f\x80\xa0\xad', '\u200b\u2028', "\ud800", 'a\
b'
