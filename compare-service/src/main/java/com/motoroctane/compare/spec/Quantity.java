package com.motoroctane.compare.spec;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A parsed quantity: {@code value} is in {@code unit}, the canonical unit of its family. */
@RegisterForReflection
public record Quantity(double value, Unit unit) {

    public Unit.Family family() {
        return unit.family();
    }
}
