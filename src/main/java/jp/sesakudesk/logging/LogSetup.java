package jp.sesakudesk.logging;

import org.slf4j.LoggerFactory;

/**
 * Sets logging up on a thread of its own, so that a headless command parses its arguments and
 * starts its work meanwhile (loading and configuring the logging library takes about a quarter of
 * a second of a cold start). Whatever logs must first {@link #awaitReady() wait} for it, or SLF4J
 * would hold the messages back and warn about them.
 */
public final class LogSetup {

    private static volatile Thread setup;

    private LogSetup() {
    }

    /** Starts setting logging up in the background; once per process. */
    public static synchronized void startInBackground() {
        if (setup == null) {
            Thread thread = new Thread(LoggerFactory::getILoggerFactory, "logging-setup");
            thread.setDaemon(true);
            thread.start();
            setup = thread;
        }
    }

    /** Waits until logging is set up when it was started in the background; returns at once otherwise. */
    public static void awaitReady() {
        Thread thread = setup;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
