package io.glaux.cli;

/** One-off work of a start run beside the main thread, on a daemon thread that the process does not wait for. */
final class BackgroundWork {

    private BackgroundWork() {
    }

    /** Starts {@code work} on a daemon thread named {@code name}; returns the thread. */
    static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
