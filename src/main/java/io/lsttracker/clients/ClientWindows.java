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

    public ClientWindows(ProposalStore store) {
        this.store = store;
    }

    /** The window's figures; empty when no slot is read yet. */
    public Optional<Report> report(Window window) {
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
            Count c = new Count(r.consensusClient() == null ? Optional.empty() : Client.byId(r.consensusClient()),
                    r.executionClient() == null ? Optional.empty() : Client.byId(r.executionClient()), r.proposals());
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
