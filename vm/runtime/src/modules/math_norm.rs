//! The `math` functions built on exactly rounded float sums, as CPython's mathmodule.c
//! computes them: `fsum` (Shewchuk's msum with the final half-way correction), the
//! `vector_norm` behind `hypot` and `dist`, and a bit-exact `frexp`.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// C's `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (m = x and e = 0 for 0, inf, nan).
pub fn frexp_exact(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first (2**54 is exact).
        let (m, e) = frexp_exact(x * f64::from_bits(0x4350_0000_0000_0000));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// C's `ldexp(1.0, e)`, exact over the whole range (`powi` loses 2**-1023 and 2**-1024:
/// it computes 1 / 2**1024, which overflows, so `hypot` of values near the float maximum
/// gave nan).
fn pow2(e: i32) -> f64 {
    if e > 1023 {
        f64::INFINITY
    } else if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else if e >= -1074 {
        f64::from_bits(1u64 << (e + 1074))
    } else {
        0.0
    }
}

/// CPython's `vector_norm`: the Euclidean norm of non-negative finite values (or
/// inf/nan) with `max` their maximum, correctly rounded in almost all cases.
pub fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_exact(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = pow2(-max_e);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// `math.hypot(*coordinates)`.
pub fn hypot(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let mut vals = Vec::with_capacity(a.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for x in a {
        let v = crate::ops::number::to_f64(vm, x)?.abs();
        found_nan |= v.is_nan();
        if v > max {
            max = v;
        }
        vals.push(v);
    }
    Ok(vm.new_float(vector_norm(&vals, max, found_nan)))
}

/// `math.dist(p, q)`.
pub fn dist(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    crate::argparse::exact(vm, "dist", a, k, 2)?;
    let p = crate::ops::collect(vm, &a[0])?;
    let q = crate::ops::collect(vm, &a[1])?;
    if p.len() != q.len() {
        return Err(vm.new_value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (x, y) in p.iter().zip(&q) {
        let px = crate::ops::number::to_f64(vm, x)?;
        let qx = crate::ops::number::to_f64(vm, y)?;
        let v = (px - qx).abs();
        found_nan |= v.is_nan();
        if v > max {
            max = v;
        }
        diffs.push(v);
    }
    Ok(vm.new_float(vector_norm(&diffs, max, found_nan)))
}

/// `math.fsum(iterable)`: CPython's msum, with its special-value and overflow rules.
pub fn fsum(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    crate::argparse::exact(vm, "fsum", a, k, 1)?;
    let it = crate::ops::iter(vm, &a[0])?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = crate::ops::next(vm, &it)? {
        let mut x = crate::ops::number::to_f64(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A nonfinite x could come from an infinity or nan in the input, or
                // from an intermediate overflow.
                if xsave.is_finite() {
                    return Err(vm.new_overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.new_value_error("-inf + inf in fsum"));
        }
        return Ok(vm.new_float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the remaining partials say so.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.new_float(hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_matches_definition() {
        for x in [1.0, 0.5, 3.0, -7.25, 1e-310, 5e-324, f64::MAX, 1e300] {
            let (m, e) = frexp_exact(x);
            assert!((0.5..1.0).contains(&m.abs()), "{x}");
            assert_eq!(m * 2f64.powi(e / 2) * 2f64.powi(e - e / 2), x, "{x}");
        }
    }

    #[test]
    fn norm_special_values() {
        assert!(vector_norm(&[f64::NAN], f64::NAN.max(0.0), true).is_nan());
        assert_eq!(vector_norm(&[3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(
            vector_norm(&[f64::INFINITY, 1.0], f64::INFINITY, true),
            f64::INFINITY
        );
    }
}
