package com.motoroctane.devstack.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random source for one entity. Every brand, model, line-up and variant gets its own, derived
 * from (catalogue seed, purpose, index), so any document can be rebuilt alone and the output does not
 * depend on how far or in which order a stream is consumed.
 */
final class Rng {

    static final long BRAND = 1;
    static final long MODEL = 2;
    static final long LINEUP = 3;
    static final long VARIANT = 4;
    static final long NAMES = 5;
    static final long RANKS = 6;
    static final long NEWS = 7;

    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static Rng of(long seed, long purpose, long index) {
        return new Rng(mix(seed, purpose, index));
    }

    /** SplitMix64 finaliser: neighbouring indices must not give correlated streams, which plain seed ^ index would. */
    static long mix(long seed, long purpose, long index) {
        long z = seed + purpose * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double unit() {
        return random.nextDouble();
    }

    /** Inclusive on both ends. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    double between(double lo, double hi) {
        return lo + random.nextDouble() * (hi - lo);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Picks items.get(i) with probability weights[i] / sum(weights). */
    <T> T weighted(List<T> items, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return items.get(i);
            }
        }
        throw new IllegalStateException("unreachable: weights sum to " + total);
    }

    <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }
}
