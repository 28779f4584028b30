package io.lsttracker.rewards;

/** How a pool's reward rate is computed, as the API and the CLI state it next to every figure. */
public enum RateMethod {
    LIDO_TOKEN_REBASED("lido-token-rebased",
            "Lido's share rate formula: share rate before and after each TokenRebased report, "
                    + "preRate = preTotalEther*1e27/preTotalShares, postRate = postTotalEther*1e27/postTotalShares; "
                    + "a window runs from the preRate of its first report to the postRate of its last, annualised over "
                    + "the reports' real length (timeElapsed); 1d/7d/30d take the reports that end within the window, "
                    + "lido-sdk-7d takes the reports Lido's SDK getSmaApr({days: 7}) takes"),
    ROCKETPOOL_BALANCES_UPDATED("rocketpool-balances-updated",
            "rETH rate totalEth*1e18/rethSupply at BalancesUpdated report points (what getExchangeRate() returns "
                    + "after the report), annualised over the reports' slotTimestamps"),
    SNAPSHOT_RATE_STEPS("snapshot-rate-steps",
            "stored ethPerToken history, at the snapshots where the rate changed (the first sighting of each "
                    + "report's rate), annualised over those snapshots' block times"),
    ARCHIVE_POINT_TO_POINT("archive-point-to-point",
            "ethPerToken read at the block nearest the window's start (archive eth_call) and at the head; "
                    + "a clock window, not anchored at reports");

    private final String id;
    private final String description;

    RateMethod(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static final String FORMULA = "APR = (r1 - r0) / r0 * 31536000 / (t1 - t0); "
            + "APY = (r1 / r0) ^ (31536000 / (t1 - t0)) - 1; fractions with 18 decimals, signed (never clamped)";
}
