package io.lsttracker.cli;

import java.util.List;
import java.util.Set;

/** The commands' text tables: each column as wide as its widest cell, two spaces apart, no trailing blanks. */
final class TextTable {
    private TextTable() {
    }

    /**
     * @param rows         the header row first, then one array of cells per line, all of the same length
     * @param rightAligned the columns (from 0) aligned right, as numbers are; the others are aligned left
     */
    static String render(List<String[]> rows, Set<Integer> rightAligned) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String padding = " ".repeat(widths[i] - row[i].length());
                line.append(rightAligned.contains(i) ? padding + row[i] : row[i] + padding).append("  ");
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
