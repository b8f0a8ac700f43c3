package jp.sesakudesk.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import jp.sesakudesk.domain.ChangeSource;
import jp.sesakudesk.domain.Edition;
import jp.sesakudesk.exchange.EditionFormatException;
import jp.sesakudesk.exchange.EditionJson;
import jp.sesakudesk.workspace.Workspace;

/** {@code load}: an edition from a JSON file in the {@code dump} format, new or replacing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Store an edition from a JSON file in the dump format, as a new edition or in place"
                + " of the edition of the same plan and year. An invalid file changes nothing.")
final class LoadCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LoadCommand.class);

    @Mixin
    Cli.Common common;

    @Parameters(paramLabel = "FILE.json", description = "The edition to load.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        Edition edition;
        try (InputStream in = Files.newInputStream(file)) {
            edition = EditionJson.read(in);
        } catch (EditionFormatException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
        try (Workspace workspace = common.open()) {
            boolean replacing = workspace.store().edition(edition.plan(), edition.fiscalYear()).isPresent();
            workspace.store().saveEdition(edition, ChangeSource.load(file.getFileName().toString()));
            long listings = edition.placements().size();
            System.out.printf("%s %s of %s: %d measures, %d listings%n", replacing ? "Replaced" : "Loaded",
                    edition.fiscalYear().labelWithWesternYear(), edition.plan(), edition.measures().size(), listings);
            LOG.info("loaded {} {} from {}", edition.plan(), edition.fiscalYear().label(), file);
            return 0;
        }
    }
}
