s = '''
abc