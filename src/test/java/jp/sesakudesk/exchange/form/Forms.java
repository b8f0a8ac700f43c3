package jp.sesakudesk.exchange.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test helpers that fill in returned forms the way a department would, through the cells' names. */
final class Forms {

    private Forms() {
    }

    /** Sets the named input cells to the texts and saves the workbook in place. */
    static void fill(Path form, Map<String, String> valuesByName) throws IOException {
        edit(form, workbook -> valuesByName.forEach((name, value) -> cell(workbook, name).setCellValue(value)));
    }

    /** The cell a workbook-level name refers to. */
    static Cell cell(XSSFWorkbook workbook, String definedName) {
        Name name = workbook.getName(definedName);
        if (name == null) {
            throw new IllegalArgumentException("no name " + definedName);
        }
        CellReference ref = new CellReference(name.getRefersToFormula());
        Sheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
    }

    interface Edit {
        void apply(XSSFWorkbook workbook) throws IOException;
    }

    /** Opens the workbook, applies the edit and writes it back. */
    static void edit(Path form, Edit edit) throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(form)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook) {
            edit.apply(workbook);
            try (OutputStream out = Files.newOutputStream(form)) {
                workbook.write(out);
            }
        }
    }
}
