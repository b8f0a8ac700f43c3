package jp.sesakudesk.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;

import jp.sesakudesk.domain.Category;
import jp.sesakudesk.domain.Pillar;
import jp.sesakudesk.i18n.Messages;

/** A node of the plan tree: pillar, category, or listing with its New and 再掲 marks. */
final class PlanTreeCell extends TreeCell<Object> {

    private final Messages messages;

    PlanTreeCell(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        setGraphic(null);
        if (empty || item == null) {
            return;
        }
        if (item instanceof Pillar pillar) {
            setText(pillar.label() + " " + pillar.title());
        } else if (item instanceof Category category) {
            setText(category.label() + " " + category.title());
        } else if (item instanceof ListingRow row) {
            Label text = new Label(row.placement().listing().no() + "  " + row.content().name());
            HBox box = new HBox(4, text);
            box.setAlignment(Pos.CENTER_LEFT);
            if (row.content().isNew()) {
                box.getChildren().add(0, badge(messages.get("mark.new"), "badge-new"));
            }
            if (row.relisted()) {
                box.getChildren().add(badge(messages.get("mark.relisted"), "badge-relisted"));
            }
            setGraphic(box);
        } else {
            setText(item.toString());
        }
    }

    private static Label badge(String text, String styleClass) {
        Label badge = new Label(text);
        badge.getStyleClass().addAll("badge", styleClass);
        return badge;
    }
}
