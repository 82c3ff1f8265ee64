package com.motoroctane.gateway.edgecache;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;

import com.motoroctane.invalidation.InvalidationStamp;
import com.motoroctane.invalidation.InvalidationStamp.Position;

/**
 * The recent purges, numbered, with the stream id of the event each was for (none for an operator's purge or a
 * flush). A fill is stored only when no purge may have purged what it loaded:
 * <ul>
 *   <li>a purge after the fill began that shares a tag (or purged everything), unless the answer's
 *       {@link InvalidationStamp} shows its service had already applied that event;</li>
 *   <li>a purge before the fill began that shares a tag, for an event the answer's service had not applied yet
 *       (the edge applied it first: the service's answer still holds the old data).</li>
 * </ul>
 * Writes elsewhere in the catalogue do not throw away every fill in flight. Bounded: a fill older than the purges
 * kept, or an answer stamped before the oldest purge kept once some were forgotten, counts as purged. Every fill
 * asks up to three times: stream ids are read once, when recorded, the stamp once per question, the search goes
 * back from the newest purge only as far as the answer may have missed one, and tags are compared only for purges
 * that matter.
 */
final class PurgeLog {

    /**
     * {@code newest}: the latest event among this purge and every one recorded before it (an upper bound once older
     * ones are forgotten). Events arrive in stream order, but a re-purge repeats an older one: an answer stamped at
     * or after {@code newest} had applied them all, and the search for purges it missed ends there.
     */
    private record Purge(long number, Position event, Set<String> tags, Position newest) {
    }

    private final int capacity;
    private final ArrayDeque<Purge> recent = new ArrayDeque<>();
    private long last;
    /** The stream position of the newest purge forgotten (null while none with one was). */
    private Position forgotten;

    PurgeLog(int capacity) {
        this.capacity = capacity;
    }

    /** The number of the latest purge: what a fill starting now remembers. */
    synchronized long current() {
        return last;
    }

    /** Records a purge of {@code tags} (null: everything) not tied to an event. */
    synchronized void purged(Set<String> tags) {
        purged(tags, null);
    }

    /** Records a purge of {@code tags} (null: everything) for the event {@code streamId} (null: none). */
    synchronized void purged(Set<String> tags, String streamId) {
        last++;
        Position event = Position.of(streamId);
        Position before = recent.isEmpty() ? forgotten : recent.peekLast().newest();
        Position newest = before == null || (event != null && before.before(event)) ? event : before;
        recent.addLast(new Purge(last, event, tags, newest));
        if (recent.size() > capacity) {
            Purge gone = recent.removeFirst();
            if (gone.event() != null && (forgotten == null || forgotten.before(gone.event()))) {
                forgotten = gone.event();
            }
        }
    }

    /**
     * Whether an answer carrying {@code tags}, loaded by a fill that began after purge {@code since}, stamped
     * {@code stamp} by its service (null: not stamped), may hold what a purge removed.
     */
    synchronized boolean purgedSince(long since, String stamp, Set<String> tags) {
        Position answer = Position.of(stamp);
        if (since != last && (recent.isEmpty() || recent.peekFirst().number() > since + 1)) {
            return true; // the purges right after it began are no longer known
        }
        if (answer != null && forgotten != null && answer.before(forgotten)) {
            return true; // its service was behind events whose purges are no longer known
        }
        for (Iterator<Purge> it = recent.descendingIterator(); it.hasNext(); ) {
            Purge purge = it.next();
            if (purge.number() <= since && (answer == null || purge.newest() == null || !answer.before(purge.newest()))) {
                break; // from here back only events its service had applied (or, unstamped, none counts)
            }
            boolean ordered = answer != null && purge.event() != null; // the stamp tells whether it was applied
            boolean applied = ordered && !answer.before(purge.event());
            boolean matters = purge.number() > since ? !applied : ordered && !applied;
            if (matters && (purge.tags() == null || !Collections.disjoint(purge.tags(), tags))) {
                return true;
            }
        }
        return false;
    }
}
