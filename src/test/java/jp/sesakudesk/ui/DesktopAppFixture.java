package jp.sesakudesk.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop application started headless on a temporary data folder, for GUI tests: start it,
 * restart it on the same data, and close every window after each test.
 */
abstract class DesktopAppFixture {

    @TempDir
    Path folder;

    final FxRobot robot = new FxRobot();
    DesktopApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeApplication() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** The data folder the application runs on. */
    Path dataFolder() {
        return folder;
    }

    /** Starts the application and waits until its main window shows the plan. */
    void start() throws Exception {
        app = (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(dataFolder()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#measure-table").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Quits the application as a user would and starts it again on the same data. */
    void restart() throws Exception {
        FxToolkit.cleanupApplication(app);
        app = null;
        start();
    }
}
