package io.lsttracker.clients;

import io.lsttracker.clients.ClientDiversity.Count;
import io.lsttracker.clients.ClientDiversity.Figures;
import io.lsttracker.clients.ClientsTables.CountRow;
import io.lsttracker.entity.Entity;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client diversity over the last 1, 7 or 30 days of slots read, ending at the last slot stored, for the whole
 * network and per entity. A window reaching before the first slot read says how many of its slots are read.
 */
@Singleton
public class ClientWindows {
    /** The windows served, in days of slots (7,200 a day). */
    public enum Window {
        D1("1d", 1), D7("7d", 7), D30("30d", 30);

        private final String label;
        private final int days;

        Window(String label, int days) {
            this.label = label;
            this.days = days;
        }

        public String label() {
            return label;
        }

        public int days() {
            return days;
        }

        public static Optional<Window> of(String label) {
            return Arrays.stream(values()).filter(w -> w.label.equals(label)).findFirst();
        }
    }

    /**
     * The figures of one window.
     *
     * @param fromSlot  the window's first slot
     * @param toSlot    its last slot: the last slot read
     * @param slotsRead how many of its slots are read (all of them once the first reading has caught up)
     * @param missed    slots of the window without a block
     * @param network   every block of the window
     * @param entities  per entity, largest number of blocks first ("unidentified" among them)
     */
    public record Report(Window window, long fromSlot, long toSlot, long slotsRead, long missed, Figures network,
            Map<String, Figures> entities) {
        public boolean complete() {
            return slotsRead == toSlot - fromSlot + 1;
        }
    }

    private final ProposalStore store;
    /** Each window's report as last computed: kept until slots are stored, so answers and scrapes cost no query. */
    private final Map<Window, Report> computed = new java.util.concurrent.ConcurrentHashMap<>();

    public ClientWindows(ProposalStore store) {
        this.store = store;
    }

    /** The window's figures; empty when no slot is read yet. Computed once per run that stores slots. */
    public Optional<Report> report(Window window) {
        Report known = computed.get(window);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Report> report = compute(window);
        report.ifPresent(r -> computed.put(window, r));
        return report;
    }

    /** The window's figures as last computed, from memory only (for Prometheus scrapes): never a query. */
    public Optional<Report> computed(Window window) {
        return Optional.ofNullable(computed.get(window));
    }

    /** Computes every window again from the store: called after a run stored slots. */
    void refresh() {
        for (Window w : Window.values()) {
            compute(w).ifPresentOrElse(r -> computed.put(w, r), () -> computed.remove(w));
        }
    }

    /** One day of slots: [fromSlot, fromSlot + 7,199], its blocks and their figures. */
    public record Day(long fromSlot, Figures figures) {
    }

    /**
     * The last {@code days} days of slots read, ending with the day of the last slot read, one point per day (slot /
     * 7,200) that has blocks, of one entity or (empty) of the network.
     */
    public List<Day> history(int days, Optional<String> entity) {
        Optional<Long> last = store.lastSlot();
        if (last.isEmpty()) {
            return List.of();
        }
        long lastDay = last.get() / ProposalIndexer.SLOTS_PER_DAY;
        long from = Math.max(0, lastDay - days + 1) * ProposalIndexer.SLOTS_PER_DAY;
        Map<Long, List<Count>> perDay = new java.util.TreeMap<>();
        for (ClientsTables.BucketRow r : store.daily(from, last.get(), entity)) {
            perDay.computeIfAbsent(r.bucket(), b -> new ArrayList<>()).add(count(r.consensusClient(),
                    r.executionClient(), r.proposals()));
        }
        List<Day> history = new ArrayList<>();
        perDay.forEach((day, counts) -> history.add(new Day(day * ProposalIndexer.SLOTS_PER_DAY,
                ClientDiversity.of(counts))));
        return history;
    }

    private static Count count(String consensus, String execution, long blocks) {
        return new Count(consensus == null ? Optional.empty() : Client.byId(consensus),
                execution == null ? Optional.empty() : Client.byId(execution), blocks);
    }

    private Optional<Report> compute(Window window) {
        Optional<Long> last = store.lastSlot();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        long to = last.get();
        long from = Math.max(0, to - window.days() * ProposalIndexer.SLOTS_PER_DAY + 1);
        List<CountRow> rows = store.counts(from, to);
        List<Count> all = new ArrayList<>();
        Map<String, List<Count>> byEntity = new LinkedHashMap<>();
        for (CountRow r : rows) {
            Count c = count(r.consensusClient(), r.executionClient(), r.proposals());
            all.add(c);
            byEntity.computeIfAbsent(r.entityId() == null ? Entity.UNIDENTIFIED : r.entityId(),
                    e -> new ArrayList<>()).add(c);
        }
        Map<String, Figures> entities = new LinkedHashMap<>();
        byEntity.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), ClientDiversity.of(e.getValue())))
                .sorted((a, b) -> a.getValue().blocks() != b.getValue().blocks()
                        ? Long.compare(b.getValue().blocks(), a.getValue().blocks()) : a.getKey().compareTo(b.getKey()))
                .forEach(e -> entities.put(e.getKey(), e.getValue()));
        return Optional.of(new Report(window, from, to, store.slots(from, to), store.missed(from, to),
                ClientDiversity.of(all), entities));
    }
}
