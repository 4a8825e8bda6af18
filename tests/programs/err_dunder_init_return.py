# A builder whose __init__ returns itself by mistake.


class Query:
    def __init__(self, table):
        self.table = table
        self.filters = []

    def where(self, cond):
        self.filters.append(cond)
        return self

    def __str__(self):
        return "SELECT * FROM " + self.table + "".join([" WHERE " + f for f in self.filters])


class ChainedQuery(Query):
    def __init__(self, table):
        super().__init__(table)
        return self


print(Query("users").where("age > 30"))
q = ChainedQuery("orders")
print(q)
