package com.motoroctane.admin.background;

import java.time.Duration;

import org.jboss.logging.Logger;

/**
 * A daemon thread that runs one task, then waits, until stopped: the outbox relay and the journal recovery.
 * A failing run (MongoDB or Redis away) is logged at debug level and tried again after the pause.
 */
public final class Repeating {

    private static final Logger LOG = Logger.getLogger(Repeating.class);

    private final String name;
    private final Duration every;
    private final Runnable task;
    private volatile boolean running = true;

    private Repeating(String name, Duration every, Runnable task) {
        this.name = name;
        this.every = every;
        this.task = task;
    }

    public static Repeating start(String name, Duration every, Runnable task) {
        Repeating r = new Repeating(name, every, task);
        Thread thread = new Thread(r::loop, name);
        thread.setDaemon(true);
        thread.start();
        return r;
    }

    public void stop() {
        running = false;
    }

    private void loop() {
        while (running) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.debugf("%s: %s", name, e.toString());
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
