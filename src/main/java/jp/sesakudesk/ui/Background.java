package jp.sesakudesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.concurrent.Task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that touches the database or files, run off the FX thread so the window never freezes.
 * One named worker thread: database work happens in the order it was asked for.
 *
 * <pre>Background.call(() -> store.edition(plan, year)).onSuccess(this::show).onError(errors::show).start();</pre>
 */
public final class Background<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sesaku-worker");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("uncaught error in {}", t.getName(), e));
        return thread;
    });

    private final Callable<T> work;
    private Consumer<T> onSuccess = value -> { };
    private Consumer<Throwable> onError = error -> LOG.error("background work failed", error);
    private Runnable andFinally = () -> { };

    private Background(Callable<T> work) {
        this.work = work;
    }

    public static <T> Background<T> call(Callable<T> work) {
        return new Background<>(work);
    }

    public static Background<Void> run(Runnable work) {
        return new Background<>(() -> {
            work.run();
            return null;
        });
    }

    /** Runs on the FX thread with the result. */
    public Background<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = handler;
        return this;
    }

    /** Runs on the FX thread with the failure. */
    public Background<T> onError(Consumer<Throwable> handler) {
        this.onError = handler;
        return this;
    }

    /** Runs on the FX thread after success or failure. */
    public Background<T> andFinally(Runnable handler) {
        this.andFinally = handler;
        return this;
    }

    /** Starts the work and returns its task, e.g. to bind a progress indicator or to cancel it. */
    public Task<T> start() {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            try {
                onSuccess.accept(task.getValue());
            } finally {
                andFinally.run();
            }
        });
        task.setOnFailed(e -> {
            try {
                onError.accept(task.getException());
            } finally {
                andFinally.run();
            }
        });
        task.setOnCancelled(e -> andFinally.run());
        WORKER.execute(task);
        return task;
    }
}
