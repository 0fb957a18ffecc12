package io.colony.shell.internal.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A table of text columns aligned by their widest cell, two spaces apart, without trailing blanks. */
final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();
    private final int columns;

    TextTable(List<String> header) {
        this.columns = header.size();
        rows.add(header);
    }

    TextTable row(List<String> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row needs " + columns + " cells, got " + cells.size());
        }
        rows.add(cells);
        return this;
    }

    void print(PrintStream out) {
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < columns; column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < columns - 1) {
                    line.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
