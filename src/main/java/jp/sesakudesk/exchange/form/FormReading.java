package jp.sesakudesk.exchange.form;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jp.sesakudesk.exchange.form.MergePreview.FileReport;

/**
 * Returned forms being read from their files by whichever threads take part: each takes the next
 * file nobody has taken yet, so that a thread done with other work (opening the database) can join
 * in. Needs no database. A file that cannot be read is reported as refused.
 */
public final class FormReading {

    private final List<Path> files;
    private final Consumer<ReturnedForm> whenRead;
    private final FileReport[] reports;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch unread;
    private volatile RuntimeException failure;

    /** @param whenRead told of every form read, on the thread that read it */
    public FormReading(List<Path> files, Consumer<ReturnedForm> whenRead) {
        this.files = List.copyOf(files);
        this.whenRead = whenRead;
        this.reports = new FileReport[files.size()];
        this.unread = new CountDownLatch(files.size());
    }

    /** Reads files nobody has taken until none is left; any number of threads may do so at once. */
    public void takePart() {
        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            try {
                reports[i] = FormMerge.readFile(files.get(i), whenRead);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                unread.countDown();
            }
        }
    }

    /** Every file's report in the order of the files, once the files still being read are read. */
    public FormMerge.ReadForms result() {
        try {
            unread.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading forms", e);
        }
        if (failure != null) {
            throw failure;
        }
        return new FormMerge.ReadForms(Arrays.asList(reports.clone()));
    }
}
