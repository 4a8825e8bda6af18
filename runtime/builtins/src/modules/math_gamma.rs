//! `math.gamma` and `math.lgamma`, as CPython 3.11 computes them: its own Lanczos
//! approximation (N = 13, g = 6.0246...) with the platform's libm for `exp`, `pow`,
//! `log`, `sin` and `cos`, so results are bit-identical to CPython's, not to the C
//! library's `tgamma`/`lgamma`. Errors follow CPython's errno convention (`math_1a`):
//! a domain error is ValueError; a range error is OverflowError unless the result is
//! small.

use super::math::libm;

const LANCZOS_N: usize = 13;
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
/// Numerator coefficients of the Lanczos sum, highest power last.
#[rustfmt::skip]
const NUM_COEFFS: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator x(x+1)...(x+11) expanded, lowest power first.
#[rustfmt::skip]
const DEN_COEFFS: [f64; LANCZOS_N] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
];
/// Gamma of 1 ..= 23, exact in doubles.
#[rustfmt::skip]
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
];
const PI: f64 = std::f64::consts::PI;
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// What C's errno would say after the computation.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum MathErr {
    Domain,
    Range,
}

/// The Lanczos sum for positive `x`, evaluated in 1/x above 5 to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + NUM_COEFFS[i];
            den = den * x + DEN_COEFFS[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + NUM_COEFFS[i];
            den = den / x + DEN_COEFFS[i];
        }
    }
    num / den
}

/// sin(pi * x) for finite `x`, reduced first so that integers give exact zeros.
fn sin_pi(x: f64) -> f64 {
    let y = libm::fmod(x.abs(), 2.0);
    let r = match (2.0 * y).round() as i32 {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1f64.copysign(x) * r
}

/// Gamma of `x`, with the errno CPython's computation would leave.
pub fn gamma(x: f64) -> (f64, Option<MathErr>) {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { (x, None) } else { (f64::NAN, Some(MathErr::Domain)) };
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Some(MathErr::Domain));
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Some(MathErr::Domain));
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, r.is_infinite().then_some(MathErr::Range));
    }
    if absx > 200.0 {
        return if x < 0.0 { (0.0 / sin_pi(x), None) } else { (f64::INFINITY, Some(MathErr::Range)) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, fed back as a correction.
    let z = if absx > LANCZOS_G_MINUS_HALF { (y - absx) - LANCZOS_G_MINUS_HALF } else { (y - LANCZOS_G_MINUS_HALF) - absx };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, r.is_infinite().then_some(MathErr::Range))
}

/// The natural log of |gamma(x)|, with the errno CPython's computation would leave.
pub fn lgamma(x: f64) -> (f64, Option<MathErr>) {
    if !x.is_finite() {
        return (if x.is_nan() { x } else { f64::INFINITY }, None);
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { (f64::INFINITY, Some(MathErr::Domain)) } else { (0.0, None) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-libm::log(absx), None);
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        // The reflection formula.
        r = LOG_PI - libm::log(sin_pi(absx).abs()) - libm::log(absx) - r;
    }
    (r, r.is_infinite().then_some(MathErr::Range))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The computation calls the platform's libm, which miri cannot run.
    #[test]
    #[cfg_attr(miri, ignore)]
    fn integers_and_halves_are_exact_or_close() {
        assert_eq!(gamma(5.0), (24.0, None));
        assert_eq!(gamma(0.0).1, Some(MathErr::Domain));
        assert_eq!(gamma(-3.0).1, Some(MathErr::Domain));
        assert_eq!(gamma(172.0).1, Some(MathErr::Range));
        assert!((gamma(0.5).0 - PI.sqrt()).abs() < 1e-15);
        assert_eq!(lgamma(1.0), (0.0, None));
        assert_eq!(lgamma(-2.0).1, Some(MathErr::Domain));
        assert!((lgamma(0.5).0 - 0.5 * LOG_PI).abs() < 1e-15);
    }
}
