package io.lsttracker.entity;

/** Readings computed by hand in this package's tests, for the tests of the layers that serve them. */
public final class EntityFixtures {
    private EntityFixtures() {
    }

    /** {@link EntityTallyTest}'s set: its figures are worked out there. */
    public static EntityReading handComputedReading() {
        return EntityTallyTest.handComputedReading();
    }
}
