package com.motoroctane.common.events;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What admin-service announces after every committed catalogue write (one per batch for bulk), and what
 * every cache owner evicts by. It is published on the Redis pub/sub channel {@link #CHANNEL} and appended
 * to the Redis Stream {@link #STREAM} (field {@link #STREAM_FIELD} holds this record as JSON), so a
 * subscriber that was away can replay from the last id it applied.
 *
 * @param type          {@code created}, {@code updated}, {@code deleted}, {@code replaced} or {@code imported}
 * @param entity        {@code brand}, {@code model}, {@code variant}, {@code comparison}, the news entities of
 *                      {@link com.motoroctane.common.news.NewsFields} ({@code article}, {@code newsCategory},
 *                      {@code newsTag}, {@code newsAuthor}) or {@code media} (media-service,
 *                      an uploaded image deleted: {@code ids} = its asset id, surrogate key {@code media:<sha256>})
 * @param ids           the ids written (for a cascade: every id deleted, whatever its collection)
 * @param brandIds      the brands the written documents belong to, before and after the write
 * @param modelIds      the models the written documents belong to, before and after the write
 * @param surrogateKeys the tags to evict: {@code brand:<id> model:<id> variant:<id>} plus the list names a
 *                      change of membership or order can affect ({@code brands models variants search stats pages})
 * @param version       the document's version after the write (0 for deletes and batches)
 */
// written and read as JSON on a Redis stream, outside any REST signature: registered for native
@RegisterForReflection
public record InvalidationEvent(String eventId, String type, String entity, List<String> ids, List<String> brandIds,
                                List<String> modelIds, List<String> surrogateKeys, long version, Instant at) {

    public static final String CHANNEL = "events:catalog";
    public static final String STREAM = "events:catalog:stream";
    public static final String STREAM_FIELD = "event";

    /** A subscriber that sees this tag cannot evict precisely and must drop everything it caches. */
    public static final String FLUSH_ALL = "*";
}
