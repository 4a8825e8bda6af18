# A class pattern's class is called only in form: a function there fails when matched.
def parse(token):
    match token:
        case str() if token.isdigit():
            return int(token)
        case float():
            return token
        case callable():
            return "callable"
    return None


print(parse("12"), parse(1.5))
print(parse(3))
