package com.motoroctane.compare.spec;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A titled group of rows, e.g. key "safety", label "Safety". */
@RegisterForReflection
public record SpecGroup(String key, String label, List<SpecRow> rows) {
}
