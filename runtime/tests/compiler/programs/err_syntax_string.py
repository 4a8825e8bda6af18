print("fine")
s = 'not closed
