# A small ray tracer: a Vec class with operator methods (+, -, *, unary -, dot,
# length), spheres and a checkered plane behind one Shape interface, point lights
# with Lambert and Phong shading, shadows and one bounce of reflection. Renders a
# scene at a low resolution and prints per-row checksums of the 0-255 pixel values
# and a few pixels; floats are printed rounded so libm's last bits cannot show.

import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def mul(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def __repr__(self):
        return "Vec(%.3f, %.3f, %.3f)" % (self.x, self.y, self.z)


BLACK = Vec(0.0, 0.0, 0.0)
WHITE = Vec(1.0, 1.0, 1.0)
EPS = 1e-6


class Ray:
    __slots__ = ("origin", "dir")

    def __init__(self, origin, direction):
        self.origin = origin
        self.dir = direction

    def at(self, t):
        return self.origin + self.dir * t


class Material:
    def __init__(self, color, diffuse, specular, shine, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shine = shine
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return Vec(0.1, 0.1, 0.1)


class Shape:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        raise NotImplementedError

    def normal(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, center, radius, material):
        Shape.__init__(self, material)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.dir)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPS:
            return t
        t = -b + root
        if t > EPS:
            return t
        return None

    def normal(self, point):
        return (point - self.center).norm()


class Plane(Shape):
    def __init__(self, point, normal, material):
        Shape.__init__(self, material)
        self.point = point
        self.n = normal.norm()

    def intersect(self, ray):
        denom = self.n.dot(ray.dir)
        if abs(denom) < EPS:
            return None
        t = (self.point - ray.origin).dot(self.n) / denom
        return t if t > EPS else None

    def normal(self, point):
        return self.n


class Light:
    def __init__(self, pos, color):
        self.pos = pos
        self.color = color


class Scene:
    def __init__(self):
        self.shapes = []
        self.lights = []
        self.ambient = Vec(0.08, 0.08, 0.1)
        self.rays = 0

    def nearest(self, ray):
        self.rays += 1
        best_t = None
        best = None
        for s in self.shapes:
            t = s.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = s
        return best, best_t

    def shadowed(self, point, light):
        to_light = light.pos - point
        dist = to_light.length()
        ray = Ray(point, to_light * (1.0 / dist))
        for s in self.shapes:
            t = s.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        shape, t = self.nearest(ray)
        if shape is None:
            k = 0.5 * (ray.dir.y + 1.0)
            return Vec(0.6, 0.7, 0.9) * k + Vec(0.2, 0.2, 0.25) * (1.0 - k)
        point = ray.at(t)
        n = shape.normal(point)
        if n.dot(ray.dir) > 0.0:
            n = -n
        mat = shape.material
        base = mat.color_at(point)
        color = base.mul(self.ambient)
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            to_light = (light.pos - point).norm()
            lam = n.dot(to_light)
            if lam > 0.0:
                color = color + base.mul(light.color) * (lam * mat.diffuse)
            half = (to_light - ray.dir).norm()
            spec = n.dot(half)
            if spec > 0.0:
                color = color + light.color * (mat.specular * spec ** mat.shine)
        if depth > 0 and mat.reflect > 0.0:
            r = ray.dir - n * (2.0 * n.dot(ray.dir))
            bounced = self.trace(Ray(point + n * 1e-4, r.norm()), depth - 1)
            color = color * (1.0 - mat.reflect) + bounced * mat.reflect
        return color


def clamp(v):
    if v < 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0)


def build_scene():
    scene = Scene()
    shiny = Material(Vec(0.9, 0.2, 0.2), 0.7, 0.5, 32, 0.3)
    matte = Material(Vec(0.2, 0.8, 0.3), 0.9, 0.1, 8, 0.0)
    mirror = Material(Vec(0.9, 0.9, 0.9), 0.2, 0.8, 64, 0.7)
    blue = Material(Vec(0.2, 0.3, 0.9), 0.8, 0.3, 16, 0.1)
    floor = Checker(Vec(0.9, 0.9, 0.8), 0.8, 0.0, 1, 0.15)
    scene.shapes.append(Sphere(Vec(0.0, 1.0, 5.0), 1.0, shiny))
    scene.shapes.append(Sphere(Vec(-2.2, 0.7, 6.0), 0.7, matte))
    scene.shapes.append(Sphere(Vec(2.0, 1.2, 7.0), 1.2, mirror))
    scene.shapes.append(Sphere(Vec(0.8, 0.35, 3.4), 0.35, blue))
    scene.shapes.append(Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), floor))
    scene.lights.append(Light(Vec(-4.0, 6.0, 1.0), Vec(0.8, 0.8, 0.8)))
    scene.lights.append(Light(Vec(5.0, 4.0, 2.0), Vec(0.4, 0.35, 0.3)))
    return scene


def render(scene, width, height):
    eye = Vec(0.0, 1.4, -1.0)
    rows = []
    for j in range(height):
        row = []
        for i in range(width):
            x = (i + 0.5) / width * 2.0 - 1.0
            y = 1.0 - (j + 0.5) / height * 1.5
            d = Vec(x * 1.2, y, 1.0).norm()
            c = scene.trace(Ray(eye, d), 2)
            row.append((clamp(c.x), clamp(c.y), clamp(c.z)))
        rows.append(row)
    return rows


def main():
    scene = build_scene()
    width, height = 380, 250
    image = render(scene, width, height)
    total = 0
    for j, row in enumerate(image):
        s = 0
        for r, g, b in row:
            s += r * 3 + g * 5 + b * 7
        total += s * (j + 1)
        if j % 30 == 0:
            print("row %2d checksum %d" % (j, s))
    print("pixel centre", image[height // 2][width // 2])
    print("pixel corner", image[0][0], image[height - 1][width - 1])
    print("rays traced", scene.rays)
    print("total", total)


main()
