if d:
 