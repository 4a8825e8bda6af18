class Port(int):
    def __new__(cls, n):
        if not 0 < n < 65536:
            raise ValueError(f"port out of range: {n}")
        return super().__new__(cls, n)


ports = [Port(80), Port(443)]
print(ports, sum(ports), ports[0] + 1)
print(Port("8080"))
