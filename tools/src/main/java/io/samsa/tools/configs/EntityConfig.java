package io.samsa.tools.configs;

import io.samsa.clients.admin.ConfigEntry;

import java.util.List;

/**
 * One entity's configs as {@code --describe} shows them: its type, its name (empty for the
 * brokers' default) and the entries shown, sorted by name. Immutable.
 */
record EntityConfig(EntityType type, String name, List<ConfigEntry> entries) {

    EntityConfig {
        entries = List.copyOf(entries);
    }
}
