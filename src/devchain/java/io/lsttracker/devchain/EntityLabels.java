package io.lsttracker.devchain;

import io.lsttracker.entity.Depositor;
import io.lsttracker.entity.Entity;
import io.lsttracker.entity.EntityRegistryLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The depositor addresses of config/entities.yml, read through the tracker's own loader, by entity id. */
final class EntityLabels {
    private EntityLabels() {
    }

    /** Each entity's depositor addresses, lower-case, from the file the tracker reads (LST_ENTITIES_FILE or packaged). */
    static Map<String, List<String>> depositors() {
        Map<String, List<String>> depositors = new LinkedHashMap<>();
        for (Entity entity : EntityRegistryLoader.load(null).entities()) {
            depositors.put(entity.id(), entity.depositors().stream().map(Depositor::address)
                    .map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList());
        }
        return depositors;
    }
}
