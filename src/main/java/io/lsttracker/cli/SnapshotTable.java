package io.lsttracker.cli;

import io.lsttracker.pool.PoolDefinition;
import io.lsttracker.pool.PoolRegistry;
import io.lsttracker.domain.PoolState;
import io.lsttracker.domain.Snapshot;
import io.lsttracker.domain.Wei;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The readable form of a snapshot. The exchange rate keeps all 18 decimals (it is the figure people compare);
 * totals are rounded to two decimals for reading only (the JSON output keeps them exact).
 */
final class SnapshotTable {
    private static final String[] HEADERS = {"POOL", "TOKEN", "ETH PER TOKEN", "TOTAL ETH", "TOKEN SUPPLY", "STATUS"};

    private SnapshotTable() {
    }

    static String render(Snapshot snapshot, PoolRegistry registry) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "block %s  %s  %s  chain %d%n",
                grouped(BigInteger.valueOf(snapshot.block().number())), snapshot.block().timestamp(),
                snapshot.block().hash(), snapshot.chainId()));
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (PoolState state : snapshot.pools()) {
            PoolDefinition pool = registry.find(state.id()).orElseThrow();
            if (state.isOk()) {
                rows.add(new String[] {pool.id().value(), pool.token(),
                        Wei.toEther(state.ethPerToken()).toPlainString(), twoDecimals(state.totalEth()),
                        twoDecimals(state.tokenSupply()), "ok"});
            } else {
                rows.add(new String[] {pool.id().value(), pool.token(), "-", "-", "-", "FAILED"});
            }
        }
        out.append(TextTable.render(rows, Set.of(2, 3, 4)));
        for (PoolState state : snapshot.failedPools()) {
            out.append(state.id()).append(" failed: ").append(state.failure()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String twoDecimals(BigInteger wei) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(Wei.toEther(wei));
    }

    private static String grouped(BigInteger value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
