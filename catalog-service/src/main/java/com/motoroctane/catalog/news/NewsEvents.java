package com.motoroctane.catalog.news;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.motoroctane.cache.InvalidationHook;
import com.motoroctane.common.cache.Tags;
import com.motoroctane.common.events.InvalidationEvent;
import com.motoroctane.common.news.NewsFields;

/**
 * The news reads' part of applying admin-service's events: an article write may schedule, reschedule or
 * publish an article, so the next scheduled publishDate is read again before the lists ({@code news}) go.
 */
@ApplicationScoped
public class NewsEvents implements InvalidationHook {

    private final NewsSchedule schedule;

    public NewsEvents(NewsSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public Set<String> beforeEvict(InvalidationEvent event, Set<String> tags) {
        if (NewsFields.ARTICLE_ENTITY.equals(event.entity()) || tags.contains(Tags.NEWS)) {
            schedule.invalidate();
        }
        return tags;
    }

    @Override
    public void beforeFlush() {
        schedule.invalidate();
    }
}
