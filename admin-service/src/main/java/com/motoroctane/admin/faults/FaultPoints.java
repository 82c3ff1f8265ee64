package com.motoroctane.admin.faults;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Named points inside a write where a test stands in for what the devstack cannot produce on demand: a
 * process that dies between a write and its event, a storage write that fails half-way through a batch.
 * Nothing happens here in production; a test replaces this bean with one that throws at an armed point.
 */
@ApplicationScoped
public class FaultPoints {

    /** After a change is written and before its event is sent. */
    public static final String BEFORE_EVENT_SENT = "before-event-sent";

    /** Before each document write of a batch. */
    public static final String BATCH_WRITE = "batch-write";

    public void reached(String point) {
        // no faults in production
    }
}
