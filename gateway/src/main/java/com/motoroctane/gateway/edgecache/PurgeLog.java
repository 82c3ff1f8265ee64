package com.motoroctane.gateway.edgecache;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;

/**
 * The recent purges, numbered: a fill that started before some of them is stored only when none of those could
 * have purged what it loaded (a tag in common, or a purge of everything). Writes elsewhere in the catalogue no
 * longer throw away every fill in flight, which under a steady stream of writes left hot keys uncached.
 * Bounded: a fill older than the purges kept counts as purged.
 */
final class PurgeLog {

    private record Purge(long number, Set<String> tags) {
    }

    private final int capacity;
    private final ArrayDeque<Purge> recent = new ArrayDeque<>();
    private long last;

    PurgeLog(int capacity) {
        this.capacity = capacity;
    }

    /** The number of the latest purge: what a fill starting now remembers. */
    synchronized long current() {
        return last;
    }

    /** Records a purge of {@code tags}; null purges everything. */
    synchronized void purged(Set<String> tags) {
        last++;
        recent.addLast(new Purge(last, tags));
        if (recent.size() > capacity) {
            recent.removeFirst();
        }
    }

    /** Whether a purge after {@code since} may have purged an entry carrying {@code tags}. */
    synchronized boolean purgedSince(long since, Set<String> tags) {
        if (since == last) {
            return false;
        }
        if (recent.isEmpty() || recent.peekFirst().number() > since + 1) {
            return true; // the purges right after it are no longer known
        }
        for (Iterator<Purge> it = recent.descendingIterator(); it.hasNext(); ) {
            Purge purge = it.next();
            if (purge.number() <= since) {
                break;
            }
            if (purge.tags() == null || !Collections.disjoint(purge.tags(), tags)) {
                return true;
            }
        }
        return false;
    }
}
