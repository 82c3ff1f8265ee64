package com.motoroctane.admin.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.motoroctane.admin.faults.FaultPoints;

/**
 * Stands in for faults the devstack cannot produce on demand (a process dying between a write and its
 * event, a storage write failing in the middle of a batch). Unarmed it does nothing, so every other test
 * runs as in production.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ArmedFaults extends FaultPoints {

    /** What the armed point throws. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String point) {
            super("injected fault at " + point);
        }
    }

    private final Map<String, AtomicInteger> armed = new ConcurrentHashMap<>();

    /** The point fails once, after it has been passed {@code passes} times. */
    public void arm(String point, int passes) {
        armed.put(point, new AtomicInteger(passes));
    }

    public void disarm() {
        armed.clear();
    }

    @Override
    public void reached(String point) {
        AtomicInteger left = armed.get(point);
        if (left != null && left.getAndDecrement() == 0) {
            armed.remove(point);
            throw new InjectedFault(point);
        }
    }
}
