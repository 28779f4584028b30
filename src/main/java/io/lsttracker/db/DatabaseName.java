package io.lsttracker.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database as errors name it, from its JDBC URL: "PostgreSQL at host:port/db", "H2 file ./data/lst-tracker",
 * "H2 in memory". Never the URL's parameters, where a password may be written (README: "Security").
 */
public final class DatabaseName {
    private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://([^/?]*)(/[^?;]*)?.*");
    private static final Pattern H2_FILE = Pattern.compile("jdbc:h2:(?:file:)?([^;:][^;]*).*");

    private DatabaseName() {
    }

    public static String of(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return "the database";
        }
        Matcher pg = POSTGRES.matcher(jdbcUrl);
        if (pg.matches()) {
            return "PostgreSQL at " + pg.group(1) + (pg.group(2) == null ? "" : pg.group(2));
        }
        if (jdbcUrl.startsWith("jdbc:h2:mem:")) {
            return "H2 in memory";
        }
        Matcher h2 = H2_FILE.matcher(jdbcUrl);
        if (h2.matches() && !jdbcUrl.startsWith("jdbc:h2:tcp:") && !jdbcUrl.startsWith("jdbc:h2:ssl:")) {
            return "H2 file " + h2.group(1);
        }
        String[] parts = jdbcUrl.split(":", 3);
        return parts.length >= 2 ? parts[1] + " database" : "the database";
    }
}
