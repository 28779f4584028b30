package io.lsttracker.entity;

import io.lsttracker.domain.PoolId;
import java.util.List;
import java.util.Optional;

/**
 * One entity of config/entities.yml: who validators are attributed to.
 *
 * @param id          lower-case letters, digits and dashes; never {@link #UNIDENTIFIED}
 * @param pool        the pool of config/pools.yml whose token this entity issues, if any
 * @param credentials the protocol whose contracts name this entity's withdrawal credentials (rule 1), if any
 * @param depositors  the addresses whose deposits are this entity's (rule 2)
 */
public record Entity(String id, String name, EntityCategory category, Optional<PoolId> pool,
        Optional<CredentialSource> credentials, List<Depositor> depositors) {

    /** What the API calls validators no rule attributes; never an entity's id, never counted as one entity. */
    public static final String UNIDENTIFIED = "unidentified";

    public Entity {
        depositors = List.copyOf(depositors);
    }
}
