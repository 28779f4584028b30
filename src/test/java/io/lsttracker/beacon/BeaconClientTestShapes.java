package io.lsttracker.beacon;

/** The standard answer's shape of one validator, for tests of other packages that stand in for a beacon node. */
public final class BeaconClientTestShapes {
    private BeaconClientTestShapes() {
    }

    public static String validator(long index, String status, String balance, String pubkey, String credentials,
            String effective, String slashed) {
        return BeaconClientTest.fullValidator(index, status, balance, pubkey, credentials, effective, slashed);
    }
}
