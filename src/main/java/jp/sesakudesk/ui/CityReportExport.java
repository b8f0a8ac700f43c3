package jp.sesakudesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.exchange.report.CityReport;
import jp.sesakudesk.i18n.Messages;
import jp.sesakudesk.storage.PlanStore;

/**
 * Publishes the city-wide report (市全体の報告書) of the edition: the workbook where the user
 * chooses, and the machine-readable CSV beside it under the same name.
 */
final class CityReportExport {

    private static final Logger LOG = LoggerFactory.getLogger(CityReportExport.class);

    private final Messages messages;
    private final PlanStore store;
    private final Edition edition;
    private final Window owner;

    CityReportExport(Messages messages, PlanStore store, Edition edition, Window owner) {
        this.messages = messages;
        this.store = store;
        this.edition = edition;
        this.owner = owner;
    }

    /** Asks where to save, then writes both files in the background once the open edit is settled. */
    void chooseAndWrite(Consumer<Runnable> settleEdits) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("report.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("report.fileType"), "*.xlsx"));
        chooser.setInitialFileName(messages.get("report.fileName", edition.plan(), edition.fiscalYear().label()));
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            Path xlsx = withExtension(chosen.toPath(), ".xlsx");
            settleEdits.accept(() -> write(xlsx, withExtension(xlsx, ".csv")));
        }
    }

    /** The path with its extension replaced by (or, without one, followed by) the given one. */
    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + extension);
    }

    /** Writes the report of the edition as stored now, so an edit saved a moment ago is in it. */
    void write(Path xlsx, Path csv) {
        Background.call(() -> {
                    Edition current = store.edition(edition.plan(), edition.fiscalYear()).orElseThrow();
                    CityReport.write(current, xlsx);
                    CityReport.writeCsv(current, csv);
                    return current;
                })
                .onSuccess(written -> written(xlsx, csv))
                .onError(error -> new ErrorDialog(messages, owner).show(messages.get("report.error"), error))
                .start();
    }

    private void written(Path xlsx, Path csv) {
        LOG.info("exported the city-wide report of {} to {} and {}", edition.fiscalYear().label(), xlsx, csv);
        ChildWindows.showDone(owner, "report-result", messages.get("report.title"),
                messages.get("report.done.title"),
                messages.get("report.done", xlsx.toAbsolutePath().toString(), csv.toAbsolutePath().toString()));
    }
}
