package com.motoroctane.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * This replica's view of every client's counts: Cloudflare's sliding-window counter, two counters per key
 * (the current fixed window and the previous one), the estimate being
 * {@code previous × (share of the previous window still inside the sliding window) + current}. O(1) memory
 * per key, never a log of requests.
 *
 * <p>Each counter is the sum of three parts: {@code synced} (the global count Redis returned at the last sync,
 * every replica's requests included), {@code inflight} (this replica's requests being flushed right now) and
 * {@code pending} (this replica's requests since). A decision reads all three, so this replica never admits
 * more than the limit on what it knows; what other replicas admitted since its last sync it cannot know, which
 * is the overshoot bound of the README. {@link #drain()} hands the pending deltas to the sync, {@link #synced}
 * and {@link #unsent} settle them.
 */
public class SlidingWindowCounters {

    static final String OVERFLOW_KEY = "overflow";

    /** One fixed window of one key. */
    static final class Slot {
        final long start;
        long synced;
        long inflight;
        long pending;

        Slot(long start) {
            this.start = start;
        }

        long total() {
            return Math.max(0, synced + inflight + pending);
        }
    }

    /** The two windows of one key, guarded by its own monitor. */
    static final class Counter {
        final String key;
        final long window;
        Slot current;
        Slot previous;
        /** Touched since the last drain: the next sync flushes its deltas and reads its global counts. */
        boolean dirty;

        Counter(String key, long window) {
            this.key = key;
            this.window = window;
        }

        /** Makes {@code start} the current window; what is older than the previous one is forgotten. */
        void roll(long start) {
            if (current == null) {
                current = new Slot(start);
            } else if (current.start < start) {
                previous = current.start == start - window ? current : null;
                current = new Slot(start);
            }
            if (previous != null && previous.start != start - window) {
                previous = null;
            }
        }

        Slot slot(long start) {
            if (current != null && current.start == start) {
                return current;
            }
            return previous != null && previous.start == start ? previous : null;
        }

        boolean idle(long currentStart) {
            boolean unsettled = current != null && (current.pending != 0 || current.inflight != 0)
                    || previous != null && (previous.pending != 0 || previous.inflight != 0);
            return !unsettled && (current == null || current.start < currentStart - window);
        }
    }

    /** The deltas of one key handed to a sync: for each window still tracked, its start and what was sent. */
    public record Flush(String key, long window, long currentStart, long currentDelta, long previousStart, long previousDelta) {
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final int maxKeys;

    public SlidingWindowCounters(LongSupplier clock, int maxKeys) {
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /**
     * Checks every key and, only if all of them have room, counts the request in all of them. The keys are
     * locked one at a time, so two requests racing on a multi-key check (a login: IP and account) may both
     * pass the last slot; single-key decisions are exact.
     */
    public Decision acquire(List<String> keys, Quota quota, Decision.Store store) {
        long now = clock.getAsLong();
        long window = quota.windowMillis();
        long start = now - Math.floorMod(now, window);
        long intoWindow = now - start;
        int limit = quota.limit();
        Counter[] touched = new Counter[keys.size()];
        double highest = 0;
        long retryAfter = 0;
        boolean full = false;
        for (int i = 0; i < keys.size(); i++) {
            Counter counter = counter(keys.get(i), window);
            touched[i] = counter;
            synchronized (counter) {
                counter.roll(start);
                counter.dirty = true; // a refused key is read back too, so it follows the other replicas
                long previous = counter.previous == null ? 0 : counter.previous.total();
                long current = counter.current.total();
                double estimate = previous * (double) (window - intoWindow) / window + current;
                if (estimate + 1 > limit + 1e-9) {
                    full = true;
                    retryAfter = Math.max(retryAfter, retryAfter(previous, current, limit, window, intoWindow));
                }
                highest = Math.max(highest, estimate);
            }
        }
        if (full) {
            return new Decision(false, limit, 0, retryAfter, quota.policy(), store, start);
        }
        for (Counter counter : touched) {
            synchronized (counter) {
                counter.roll(start);
                counter.current.pending++;
            }
        }
        int remaining = (int) Math.max(0, Math.floor(limit - highest - 1 + 1e-9));
        return new Decision(true, limit, remaining, window - intoWindow, quota.policy(), store, start);
    }

    /** Takes one counted request back out of the window it was counted in (if that window is still tracked). */
    public void release(List<String> keys, long windowStart) {
        for (String key : keys) {
            Counter counter = counters.get(key);
            if (counter == null) {
                continue;
            }
            synchronized (counter) {
                Slot slot = counter.slot(windowStart);
                if (slot != null) {
                    slot.pending--;
                    counter.dirty = true;
                }
            }
        }
    }

    /**
     * Every key touched since the last drain, with its unsent deltas moved to in-flight. Each one must be
     * settled by {@link #synced} or {@link #unsent}.
     */
    public List<Flush> drain() {
        long now = clock.getAsLong();
        List<Flush> flushes = new ArrayList<>();
        for (Counter counter : counters.values()) {
            synchronized (counter) {
                if (!counter.dirty) {
                    continue;
                }
                counter.dirty = false;
                counter.roll(now - Math.floorMod(now, counter.window));
                if (counter.key.startsWith(OVERFLOW_KEY)) {
                    // the shared counter of clients past the key budget stays local: it names nobody in Redis
                    for (Slot slot : new Slot[] {counter.current, counter.previous}) {
                        if (slot != null) {
                            slot.synced += slot.pending;
                            slot.pending = 0;
                        }
                    }
                    continue;
                }
                Slot current = counter.current;
                Slot previous = counter.previous;
                long currentDelta = current.pending;
                current.inflight += currentDelta;
                current.pending = 0;
                long previousDelta = 0;
                if (previous != null) {
                    previousDelta = previous.pending;
                    previous.inflight += previousDelta;
                    previous.pending = 0;
                }
                flushes.add(new Flush(counter.key, counter.window, current.start, currentDelta,
                        current.start - counter.window, previousDelta));
            }
        }
        return flushes;
    }

    /** The sync went through: Redis now holds the deltas, and these are the global totals it returned. */
    public void synced(Flush flush, long currentTotal, long previousTotal) {
        Counter counter = counters.get(flush.key());
        if (counter == null) {
            return;
        }
        synchronized (counter) {
            settle(counter.slot(flush.currentStart()), flush.currentDelta(), currentTotal);
            Slot previous = counter.slot(flush.previousStart());
            if (previous == null && counter.current != null && counter.current.start == flush.currentStart()) {
                // first sight of the previous window on this replica: another replica's traffic lives there
                previous = new Slot(flush.previousStart());
                counter.previous = previous;
            }
            settle(previous, flush.previousDelta(), previousTotal);
        }
    }

    /** The sync failed: the deltas go back to pending, to be sent with the next one. */
    public void unsent(Flush flush) {
        Counter counter = counters.get(flush.key());
        if (counter == null) {
            return;
        }
        synchronized (counter) {
            unsend(counter.slot(flush.currentStart()), flush.currentDelta());
            unsend(counter.slot(flush.previousStart()), flush.previousDelta());
            counter.dirty = true;
        }
    }

    private static void unsend(Slot slot, long sent) {
        if (slot != null) {
            slot.inflight -= sent;
            slot.pending += sent;
        }
    }

    /** Drops keys whose both windows are over and whose deltas are settled. */
    public void sweep() {
        long now = clock.getAsLong();
        counters.values().removeIf(counter -> {
            synchronized (counter) {
                return counter.idle(now - Math.floorMod(now, counter.window));
            }
        });
    }

    public void clear() {
        counters.clear();
    }

    public int size() {
        return counters.size();
    }

    public int maxKeys() {
        return maxKeys;
    }

    private static void settle(Slot slot, long sent, long total) {
        if (slot != null) {
            slot.inflight -= sent;
            slot.synced = total - slot.inflight; // a sync still in flight for this slot is not in total yet
        }
    }

    /**
     * How long until one more request fits: while the current window alone leaves room, until enough of the
     * previous window's weight has slid out; otherwise into the next window, until the now-previous count
     * weighs little enough.
     */
    static long retryAfter(long previous, long current, int limit, long window, long intoWindow) {
        if (current + 1 <= limit) {
            if (previous == 0) {
                return 1;
            }
            double needed = window - intoWindow - (double) (limit - 1 - current) * window / previous;
            return Math.max(1, (long) Math.ceil(needed));
        }
        double intoNext = current == 0 ? 0 : window * (1 - (double) (limit - 1) / current);
        return Math.max(1, window - intoWindow + (long) Math.ceil(Math.max(0, intoNext)));
    }

    /** Past the key budget new clients share one counter: tighter for them, but memory stays bounded. */
    private Counter counter(String key, long window) {
        Counter counter = counters.get(key);
        if (counter != null) {
            return counter;
        }
        if (counters.size() >= maxKeys) {
            sweep();
            if (counters.size() >= maxKeys) {
                return counters.computeIfAbsent(OVERFLOW_KEY + ":" + window, k -> new Counter(k, window));
            }
        }
        return counters.computeIfAbsent(key, k -> new Counter(k, window));
    }
}
