package jp.sesakudesk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import jp.sesakudesk.domain.MeasureContent;
import jp.sesakudesk.domain.MeasureField;
import jp.sesakudesk.domain.MeasureRules;
import jp.sesakudesk.domain.Problem;

/**
 * The unsaved edit of one measure: the content it started from, the content as edited, and the
 * steps back to it. Typing into one field is one undo step until another field is touched.
 */
final class EditSession {

    private static final int UNDO_LIMIT = 200;

    private final String measureId;
    private final ObjectProperty<MeasureContent> base;
    private final ObjectProperty<MeasureContent> current;
    private final Deque<MeasureContent> undo = new ArrayDeque<>();
    private final Deque<MeasureContent> redo = new ArrayDeque<>();
    private final BooleanBinding dirty;
    private MeasureField lastField;

    EditSession(String measureId, MeasureContent stored) {
        this.measureId = measureId;
        this.base = new SimpleObjectProperty<>(stored);
        this.current = new SimpleObjectProperty<>(stored);
        this.dirty = Bindings.createBooleanBinding(() -> !current.get().equals(base.get()), current, base);
    }

    String measureId() {
        return measureId;
    }

    MeasureContent base() {
        return base.get();
    }

    MeasureContent current() {
        return current.get();
    }

    ObjectProperty<MeasureContent> currentProperty() {
        return current;
    }

    BooleanBinding dirtyProperty() {
        return dirty;
    }

    boolean isDirty() {
        return dirty.get();
    }

    List<Problem> problems() {
        return MeasureRules.check(current.get());
    }

    /** Records an edit of one field; consecutive edits of the same text field are one undo step. */
    void change(MeasureField field, MeasureContent next) {
        if (next.equals(current.get())) {
            return;
        }
        boolean coalesce = field == lastField && isText(field) && !undo.isEmpty();
        if (!coalesce) {
            undo.push(current.get());
            if (undo.size() > UNDO_LIMIT) {
                undo.removeLast();
            }
        }
        redo.clear();
        lastField = field;
        current.set(next);
    }

    private static boolean isText(MeasureField field) {
        return field != MeasureField.DEPARTMENTS && field != MeasureField.SCHEDULE && field != MeasureField.NEW;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    void undo() {
        if (!undo.isEmpty()) {
            redo.push(current.get());
            lastField = null;
            current.set(undo.pop());
        }
    }

    void redo() {
        if (!redo.isEmpty()) {
            undo.push(current.get());
            lastField = null;
            current.set(redo.pop());
        }
    }

    /** Back to the content as stored. */
    void revert() {
        if (isDirty()) {
            undo.push(current.get());
            redo.clear();
            lastField = null;
            current.set(base.get());
        }
    }

    /** The edit was stored: what was saved becomes the new starting point. */
    void saved(MeasureContent stored) {
        undo.clear();
        redo.clear();
        lastField = null;
        base.set(stored);
        current.set(stored);
    }
}
