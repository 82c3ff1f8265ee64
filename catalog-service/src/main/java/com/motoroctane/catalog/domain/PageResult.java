package com.motoroctane.catalog.domain;

import java.util.List;

import org.bson.Document;

/** One page read from the store, with the position the next page starts after (null on the last). */
public record PageResult(List<Document> items, long total, Position next) {
}
