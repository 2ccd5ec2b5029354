/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise exp and log built only from correctly rounded IEEE operations (add, multiply, fused multiply-add,
 * divide, compare, blend) and integer bit manipulation, so that every lane gives the same bits whether C2 has compiled
 * the caller or the Vector API runs its Java fallback. The Vector API's own {@code EXP} and {@code LOG} do not:
 * compiled they are Intel SVML (within 1 ulp), interpreted they are {@code Math.exp} and {@code Math.log}, and about 5%
 * of arguments round differently, which would make a fit depend on when the JIT compiler got to it.
 *
 * <p>Accuracy: within 2 ulps of {@code Math.exp} / {@code Math.log} (checked by {@code VectorMathProperties}). exp
 * returns 0 below -708.39 (where the exact result is subnormal) and +infinity above 709.78; log handles 0, subnormal,
 * negative, infinite and NaN arguments as {@code Math.log} does.
 *
 * <p>Methods: Cody and Waite argument reduction (exp: x = n ln 2 + r, |r| &lt;= ln 2 / 2, e^r by its Taylor series to
 * degree 13; log: s = 2^k m, m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(t), t = (m - 1)/(m + 1), series to t^23),
 * as in fdlibm (Sun Microsystems 1993) and Muller, "Elementary Functions", 3rd ed., ch. 11.
 */
public final class VectorMath {

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split as in fdlibm: the high part has 32 trailing zero bits. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds a double to an integer held in the low mantissa bits. */
    private static final double SHIFT = 0x1.8p52;
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    private static final double EXP_MAX = 709.782712893384;
    private static final double EXP_MIN = -708.3964185322641;
    private static final long SQRT_HALF_BITS = Double.doubleToRawLongBits(Math.sqrt(0.5));
    private static final double TWO54 = 0x1p54;

    private VectorMath() {
    }

    // Every method stays below C2's FreqInlineSize (325 bytecodes): a vector kernel must inline all of them, or its
    // vectors are boxed on the heap at each call (allocation and a 3x slowdown).

    /**
     * e^x lane by lane.
     *
     * @param x arguments
     * @return e^x (0 below -708.39, +infinity above 709.78, NaN for NaN)
     */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector c = x.max(EXP_MIN).min(EXP_MAX);
        DoubleVector kd = c.mul(LOG2E).add(SHIFT);
        LongVector k = kd.viewAsIntegralLanes().reinterpretAsLongs().sub(SHIFT_BITS);
        DoubleVector n = kd.sub(SHIFT);
        DoubleVector r = n.neg().fma(DoubleVector.broadcast(S, LN2_HI), c);
        r = n.neg().fma(DoubleVector.broadcast(S, LN2_LO), r);
        // 2^n from its exponent bits; n is in [-1022, 1024] after the clamp, so split 2^n = 2^(n - h) 2^h
        LongVector h = k.lanewise(VectorOperators.ASHR, 1);
        DoubleVector scaleHigh = h.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector scaleLow = k.sub(h).add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector y = expTaylor(r).mul(scaleHigh).mul(scaleLow);
        y = y.blend(0.0, x.compare(VectorOperators.LT, EXP_MIN));
        return y.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_MAX));
    }

    /** e^r by its Taylor series to degree 13 (truncation below 4e-18 for |r| &lt;= 0.347), Horner form. */
    private static DoubleVector expTaylor(DoubleVector r) {
        DoubleVector p = r.mul(1.0 / 6227020800.0).add(1.0 / 479001600.0);
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 39916800.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 3628800.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 362880.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 40320.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 5040.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 720.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 120.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 24.0));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0 / 6.0));
        p = p.fma(r, DoubleVector.broadcast(S, 0.5));
        p = p.fma(r, DoubleVector.broadcast(S, 1.0));
        return p.fma(r, DoubleVector.broadcast(S, 1.0));
    }

    /**
     * Natural logarithm lane by lane.
     *
     * @param x arguments
     * @return ln x (-infinity for 0, NaN for negative or NaN, +infinity for +infinity)
     */
    public static DoubleVector log(DoubleVector x) {
        // subnormal arguments: scale by 2^54 first
        VectorMask<Double> tiny = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
        DoubleVector v = x.blend(x.mul(TWO54), tiny);
        LongVector bits = v.viewAsIntegralLanes().reinterpretAsLongs();
        // k such that m = v / 2^k lies in [sqrt(1/2), sqrt(2))
        LongVector k = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
        DoubleVector m = bits.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector kd = k.add(SHIFT_BITS).reinterpretAsDoubles().sub(SHIFT)
                .sub(DoubleVector.zero(S).blend(54.0, tiny));
        DoubleVector y = kd.fma(DoubleVector.broadcast(S, LN2_HI), kd.fma(DoubleVector.broadcast(S, LN2_LO),
                logMantissa(m)));
        y = y.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0.0));
        y = y.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
        return y.blend(Double.NaN, x.compare(VectorOperators.LT, 0.0).or(x.test(VectorOperators.IS_NAN)));
    }

    /**
     * ln m for m in [sqrt(1/2), sqrt(2)): 2 atanh t = 2t + t t2 (2/3 + 2/5 t2 + ... + 2/23 t2^10), t = (m - 1)/(m + 1),
     * |t| &lt;= 0.1716 (truncation below 1e-18); 2t is formed as f - f t, f = m - 1, which keeps f's bits in front.
     */
    private static DoubleVector logMantissa(DoubleVector m) {
        DoubleVector f = m.sub(1.0);
        DoubleVector t = f.div(m.add(1.0));
        DoubleVector t2 = t.mul(t);
        DoubleVector q = t2.mul(2.0 / 23).add(2.0 / 21);
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 19));
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 17));
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 15));
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 13));
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 11));
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 9));
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 7));
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 5));
        q = q.fma(t2, DoubleVector.broadcast(S, 2.0 / 3));
        return t.mul(t2).fma(q, f.sub(f.mul(t)));
    }
}
