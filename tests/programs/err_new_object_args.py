# object.__new__ takes only the class once a class defines its own __new__.
class Token:
    def __new__(cls, text):
        return super().__new__(cls, text)


print("making a token")
Token("x")
