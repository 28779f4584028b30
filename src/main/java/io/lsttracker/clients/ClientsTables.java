package io.lsttracker.clients;

import io.lsttracker.db.PortableRepository;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The client-diversity tables (db/migration V80) as rows, and their repositories. */
public final class ClientsTables {
    private ClientsTables() {
    }

    @MappedEntity(value = "block_proposal", escape = false)
    public record ProposalRow(@Id long slot, boolean missed, @Nullable Long proposerIndex, @Nullable String entityId,
            @Nullable String graffiti, @Nullable String consensusClient, @Nullable String executionClient,
            String identifiedBy) {
    }

    @MappedEntity(value = "clients_cursor", escape = false)
    record CursorRow(@Id String name, long lastSlot) {
    }

    /** Proposals of one entity with one pair of clients, in a range of slots. */
    @Introspected
    record CountRow(@Nullable String entityId, @Nullable String consensusClient, @Nullable String executionClient,
            long proposals) {
    }

    /** Blocks of one pair of clients in one day of slots ({@code bucket} = slot / 7,200). */
    @Introspected
    record BucketRow(long bucket, @Nullable String consensusClient, @Nullable String executionClient,
            long proposals) {
    }

    @PortableRepository
    interface ProposalRepository extends GenericRepository<ProposalRow, Long> {
        List<ProposalRow> saveAll(Iterable<ProposalRow> rows);

        @Query("SELECT entity_id, consensus_client, execution_client, COUNT(*) AS proposals FROM block_proposal"
                + " WHERE slot >= :from AND slot <= :to AND missed = FALSE"
                + " GROUP BY entity_id, consensus_client, execution_client")
        List<CountRow> counts(long from, long to);

        @Query("SELECT slot / 7200 AS bucket, consensus_client, execution_client, COUNT(*) AS proposals"
                + " FROM block_proposal WHERE slot >= :from AND slot <= :to AND missed = FALSE"
                + " GROUP BY slot / 7200, consensus_client, execution_client ORDER BY bucket")
        List<BucketRow> daily(long from, long to);

        @Query("SELECT slot / 7200 AS bucket, consensus_client, execution_client, COUNT(*) AS proposals"
                + " FROM block_proposal WHERE slot >= :from AND slot <= :to AND missed = FALSE AND entity_id = :entity"
                + " GROUP BY slot / 7200, consensus_client, execution_client ORDER BY bucket")
        List<BucketRow> dailyOf(long from, long to, String entity);

        @Query("SELECT COUNT(*) FROM block_proposal WHERE slot >= :from AND slot <= :to AND missed = TRUE")
        long missed(long from, long to);

        @Query("SELECT COUNT(*) FROM block_proposal WHERE slot >= :from AND slot <= :to")
        long slots(long from, long to);

        Optional<ProposalRow> findById(long slot);
    }

    @PortableRepository
    interface CursorRepository extends GenericRepository<CursorRow, String> {
        Optional<CursorRow> findById(String name);

        boolean existsById(String name);

        CursorRow save(CursorRow row);

        CursorRow update(CursorRow row);
    }
}
