# A rule engine whose rules are source text; one of them fails.
rules = {
    "discount": "price * 0.9 if price > 100 else price",
    "tax": "subtotal * rate",
    "split": "total / people",
}


def apply(rule, **values):
    return eval(rules[rule], dict(values))


print(apply("discount", price=150))
print(apply("tax", subtotal=90, rate=0.2))
print(apply("split", total=100, people=0))
