package jp.sesakudesk.ui;

import java.io.PrintWriter;
import java.io.StringWriter;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.sesakudesk.i18n.Messages;

/**
 * Tells the user that something went wrong: a short message first, the technical details folded
 * away where they can be copied for a support request. The error is logged here, once.
 */
public final class ErrorDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private final Messages messages;
    private final Window owner;

    public ErrorDialog(Messages messages, Window owner) {
        this.messages = messages;
        this.owner = owner;
    }

    /** Shows the error with a short message in the user's language and logs it. */
    public void show(String message, Throwable error) {
        LOG.error(message, error);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(messages.get("error.title"));
        alert.setHeaderText(message);
        String details = details(error);
        alert.setContentText(firstLine(error));

        TextArea text = new TextArea(details);
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(12);
        VBox expandable = new VBox(6, new Label(messages.get("error.details")), text);
        alert.getDialogPane().setExpandableContent(expandable);

        ButtonType copy = new ButtonType(messages.get("error.copy"), ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().add(copy);
        alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(message + "\n\n" + details);
            Clipboard.getSystemClipboard().setContent(content);
            e.consume();
        });
        alert.showAndWait();
    }

    private static String firstLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    private static String details(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
